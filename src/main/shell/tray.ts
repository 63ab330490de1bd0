/**
 * Applies a TrayView (src/main/desktop/tray-model.ts) to Electron's Tray: image, tooltip and the
 * context menu with live checks. Keeps no state of its own beyond the Tray object.
 */
import { join } from 'node:path'
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import type { TrayCommand, TrayMenuItem, TrayView } from '../desktop/tray-model'

export interface TrayPresenter {
  apply(view: TrayView): void
  destroy(): void
}

export interface TrayPresenterDeps {
  /** resources/tray (one PNG per image name, with its @1.5x/@2x/@3x siblings). */
  resourcesDir: string
  onCommand(command: TrayCommand): void
  platform: string
}

function template(items: readonly TrayMenuItem[], onCommand: (c: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' }
    if (item.type === 'submenu') return { label: item.label, submenu: template(item.items, onCommand) }
    const click = (): void => onCommand(item.command)
    if (item.type === 'normal') return { label: item.label, click }
    return { type: item.type, label: item.label, checked: item.checked, click }
  })
}

export function createTrayPresenter(deps: TrayPresenterDeps): TrayPresenter {
  let tray: Tray | null = null
  let image = ''
  const load = (view: TrayView): NativeImage => {
    const icon = nativeImage.createFromPath(join(deps.resourcesDir, view.image))
    if (view.template) icon.setTemplateImage(true)
    return icon
  }
  return {
    apply(view) {
      if (!tray) {
        tray = new Tray(load(view))
        // A left click opens the window on Windows and Linux (macOS shows the menu on any click).
        if (deps.platform !== 'darwin') tray.on('click', () => deps.onCommand('open'))
      } else if (view.image !== image) {
        tray.setImage(load(view))
      }
      image = view.image
      tray.setToolTip(view.tooltip)
      tray.setContextMenu(Menu.buildFromTemplate(template(view.menu, deps.onCommand)))
    },
    destroy() {
      tray?.destroy()
      tray = null
    }
  }
}
