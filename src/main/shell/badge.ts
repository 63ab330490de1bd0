/**
 * Applies a BadgeView: the dock / launcher count (app.setBadgeCount: macOS, and Linux launchers
 * that support Unity's API) and, on Windows, an overlay icon on the main window's taskbar button.
 */
import { join } from 'node:path'
import { app, nativeImage, type BrowserWindow } from 'electron'
import type { BadgeView } from '../desktop/tray-model'

export interface BadgePresenter {
  apply(badge: BadgeView): void
}

export function createBadgePresenter(deps: { resourcesDir: string; platform: string; mainWindow(): BrowserWindow | null }): BadgePresenter {
  return {
    apply(badge) {
      if (deps.platform === 'win32') {
        const window = deps.mainWindow()
        if (!window || window.isDestroyed()) return
        const icon = badge.overlay ? nativeImage.createFromPath(join(deps.resourcesDir, badge.overlay)) : null
        window.setOverlayIcon(icon, badge.description)
        return
      }
      // False where the desktop has no badge support; nothing else to do there.
      app.setBadgeCount(badge.count)
    }
  }
}
