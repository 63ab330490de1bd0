/**
 * The Electron side of the desktop layer: builds the tray, badge, notification, attention and app
 * menu adapters, hands them to the (electron-free) DesktopController as its DesktopShellPort, and
 * routes what the person does back: a notification click shows and focuses the window and asks
 * the renderer to open that conversation; the tray menu opens, changes the status, toggles
 * do-not-disturb or quits.
 */
import { join } from 'node:path'
import { app, BrowserWindow, nativeTheme } from 'electron'
import type { MenuCommand } from '../../shared/desktop'
import type { ConversationKind } from '../../shared/domain'
import type { EmitEvent } from '../../shared/ipc'
import type { Locale, Settings } from '../../shared/settings'
import type { DesktopController, DesktopShellPort } from '../desktop/desktop-controller'
import { desktopTexts } from '../desktop/desktop-texts'
import { conversationOpensIn } from '../desktop/open-route'
import { parseTrayCommand, type TrayCommand } from '../desktop/tray-model'
import { installAppMenu } from './app-menu'
import { requestAttention } from './attention'
import { createBadgePresenter } from './badge'
import { keepInTrayOnClose } from './close-to-tray'
import { createNotificationPresenter } from './notifications'
import { createTrayPresenter, type TrayPresenter } from './tray'

/**
 * Windows shows an app's toasts only under its AppUserModelID, which the installer registers as
 * the appId of electron-builder.yml (a test keeps the two equal).
 */
export const APP_USER_MODEL_ID = 'io.github.qqdesktop.app'

export interface DesktopShellDeps {
  controller: DesktopController
  settings: { get(): Settings }
  /** The main window, created again if it was closed. */
  mainWindow(): BrowserWindow
  /** The main window if there is one (the badge and attention never create it). */
  existingWindow(): BrowserWindow | null
  emit: EmitEvent
  /** resources/tray */
  resourcesDir: string
  platform?: string
  log?(message: string): void
  /** Conversations in their own windows (a click on their notification focuses that window). */
  windows?: {
    has(target: { kind: ConversationKind; id: number }): boolean
    popOut(target: { kind: ConversationKind; id: number }): boolean
  }
}

export interface DesktopShell {
  /** Null where the desktop offers no tray (then closing the window does not hide it). */
  readonly tray: TrayPresenter | null
  /** Hide-to-tray for a (new) main window. */
  manage(window: BrowserWindow): void
  destroy(): void
}

export function installDesktopShell(deps: DesktopShellDeps): DesktopShell {
  const platform = deps.platform ?? process.platform
  const log = deps.log ?? (() => {})
  const { controller } = deps
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)

  const showWindow = (): BrowserWindow => {
    const window = deps.mainWindow()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    return window
  }

  const sendMenuCommand = (command: MenuCommand): void => {
    const window = BrowserWindow.getFocusedWindow() ?? showWindow()
    if (!window.webContents.isDestroyed()) window.webContents.send('menu:command', { command })
  }

  const onTrayCommand = (command: TrayCommand): void => {
    const parsed = parseTrayCommand(command)
    if (!parsed) return
    if (parsed.kind === 'open') showWindow()
    else if (parsed.kind === 'quit') app.quit()
    else if (parsed.kind === 'toggle-dnd') controller.setDoNotDisturb(!deps.settings.get().doNotDisturb)
    else if (parsed.kind === 'status') controller.setStatus(parsed.status)
  }

  let tray: TrayPresenter | null = null
  try {
    tray = createTrayPresenter({ resourcesDir: deps.resourcesDir, onCommand: onTrayCommand, platform })
  } catch (error) {
    log(`no tray on this desktop: ${String(error)}`)
  }
  const badge = createBadgePresenter({ resourcesDir: deps.resourcesDir, platform, mainWindow: () => deps.existingWindow() })
  const notifications = createNotificationPresenter({
    onClick(key) {
      const target = controller.notificationClicked(key)
      const windows = deps.windows
      const own = target && windows && conversationOpensIn({ poppedOut: windows.has(target), windowMode: deps.settings.get().windowMode })
      if (target && windows && own === 'own-window') {
        windows.popOut(target)
        return
      }
      showWindow()
      if (target) deps.emit('conversation:focus', target)
    },
    onClosed: (key) => controller.notificationClosed(key),
    // Linux notification daemons show no app icon by themselves; Windows and macOS use the app's.
    icon: platform === 'linux' ? join(deps.resourcesDir, '..', 'icon.png') : undefined
  })

  let menuLocale: Locale | null = null
  const port: DesktopShellPort = {
    render(view) {
      try {
        tray?.apply(view.tray)
      } catch (error) {
        // A desktop without a status area refuses the Tray: carry on without one.
        log(`tray unavailable: ${String(error)}`)
        tray = null
      }
      badge.apply(view.badge)
      const locale = deps.settings.get().locale
      if (locale !== menuLocale) {
        menuLocale = locale
        installAppMenu(desktopTexts(locale), platform, sendMenuCommand)
      }
    },
    notify: (action) => notifications.apply(action),
    requestAttention: () => requestAttention(platform, deps.existingWindow()),
    isAppFocused: () => BrowserWindow.getFocusedWindow() !== null,
    // Windows paints its taskbar apart from the app theme; elsewhere the system theme decides.
    isDarkTaskbar: () => nativeTheme.shouldUseDarkColorsForSystemIntegratedUI || nativeTheme.shouldUseDarkColors
  }
  // The taskbar turned dark or light: the tray picks the other image variant.
  nativeTheme.on('updated', () => controller.settingsChanged())
  controller.attachShell(port)

  return {
    get tray() {
      return tray
    },
    manage(window) {
      keepInTrayOnClose(window, () => tray !== null && deps.settings.get().closeToTray)
    },
    destroy() {
      notifications.closeAll()
      tray?.destroy()
      tray = null
    }
  }
}
