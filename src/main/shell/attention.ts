/**
 * Asks for the person's attention when a message arrives while no window is focused: the dock
 * bounces once on macOS; elsewhere the taskbar button flashes until the window is focused.
 */
import { app, type BrowserWindow } from 'electron'

export function requestAttention(platform: string, window: BrowserWindow | null): void {
  if (platform === 'darwin') {
    app.dock?.bounce('informational')
    return
  }
  if (!window || window.isDestroyed() || window.isFocused()) return
  window.flashFrame(true)
  window.once('focus', () => window.flashFrame(false))
}
