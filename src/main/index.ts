/**
 * Electron main-process bootstrap: security switches first, then settings, IPC and the window.
 * The protocol client, session engine and store live in plain-Node modules; this file and the
 * other shell files are the only ones that import `electron`.
 */
// First: silence node:sqlite's ExperimentalWarning before the store loads it (the one warning dropped).
import './quiet-sqlite-warning'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, session as electronSession, shell } from 'electron'
import { createMainWindow, PRELOAD_PATH, rendererPageUrl } from './shell/window'
import { mainWindowOptions } from './shell/window-options'
import { createWindowStateStore, placementFor, rememberWindowState } from './shell/window-state'
import { nativeSystemTheme, windowBackground } from './shell/system-theme'
import { createConversationWindowHost } from './shell/conversation-windows'
import { registerIpcHandlers, sendEvent } from './shell/ipc-register'
import { createSenderCheck } from './security/sender'
import { redact } from './protocol/redact'
import { denyAllPermissions } from './security/permissions'
import { lockDownWebContents } from './security/web-contents'
import { createSettingsStore } from './shell/settings-store'
import { createAppServices, type AppServices } from './app-services'
import { demoRequested } from './demo-launch'
import { createAppSecretStore } from './shell/safe-storage'
import { installDesktopShell, type DesktopShell } from './shell/desktop-shell'

// Sandbox every renderer, including any popup that slipped through (checklist #4).
app.enableSandbox()

// One instance per profile: two instances would fight over the session and the history database.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      // Hidden to the tray: bring it back.
      window.show()
      window.focus()
    }
  })

  // Any web contents created later (devtools excluded) gets the same navigation lock.
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, (url) => shell.openExternal(url))
  })

  let services: AppServices | null = null

  void app.whenReady().then(() => {
    denyAllPermissions(electronSession.defaultSession)
    const pageUrl = rendererPageUrl()
    // Same redaction as the headless stderr: no session token, no message text (unless QQ_DEBUG=1).
    const log = (message: string): void => console.error(`[engine] ${redact(message)}`)
    // The folder is given so an unusable settings file can be checked and moved aside first.
    const settings = createSettingsStore({ cwd: app.getPath('userData'), log })
    const secrets = createAppSecretStore(join(app.getPath('userData'), 'sessions'), log)
    // Windows: sizes and places remembered per kind; conversations can have their own windows.
    const windowStates = createWindowStateStore()
    let mainWindow: BrowserWindow | null = null
    let desktopShell: DesktopShell | null = null
    const background = () => windowBackground(services?.theme.current() ?? 'light')
    const conversationWindows = createConversationWindowHost({
      pageUrl,
      preloadPath: PRELOAD_PATH,
      states: windowStates,
      mainWindow: () => mainWindow,
      background,
      closed: (key) => services?.windows.closed(key),
      title: () => app.getName()
    })
    const openMainWindow = (): BrowserWindow => {
      const { minWidth = 720, minHeight = 480, width = 1080, height = 720 } = mainWindowOptions(PRELOAD_PATH)
      const placement = placementFor(windowStates, 'main', { width, height, minWidth, minHeight })
      const window = createMainWindow(pageUrl, { ...placement.bounds, backgroundColor: background() })
      if (placement.maximized) window.once('ready-to-show', () => window.maximize())
      rememberWindowState(window, 'main', windowStates)
      desktopShell?.manage(window)
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null
      })
      return (mainWindow = window)
    }
    services = createAppServices({
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        secretStorage: secrets.policy
      },
      settings,
      userDataDir: app.getPath('userData'),
      forceDemo: demoRequested(process.argv, process.env),
      secrets: secrets.store,
      emit: (channel, payload) => {
        // A theme change repaints the window backgrounds too (seen while a window resizes or loads).
        const theme = channel === 'theme:changed' ? windowBackground((payload as { effective: 'light' | 'dark' }).effective) : null
        for (const window of BrowserWindow.getAllWindows()) {
          if (theme) window.setBackgroundColor(theme)
          sendEvent(window.webContents, channel, payload)
        }
      },
      openExternal: (url) => shell.openExternal(url),
      async pickExportPath(defaultName, format) {
        const options = {
          defaultPath: join(app.getPath('documents'), defaultName),
          filters: [format === 'json' ? { name: 'JSON', extensions: ['json'] } : { name: 'Text', extensions: ['txt'] }]
        }
        const window = BrowserWindow.getFocusedWindow()
        const picked = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
        return picked.canceled || !picked.filePath ? null : picked.filePath
      },
      log,
      systemTheme: nativeSystemTheme(),
      windowHost: conversationWindows
    })
    registerIpcHandlers(services.handlers, createSenderCheck(pageUrl))
    // Tray, badge, notifications, attention and the app menu: decided by services.desktop.
    desktopShell = installDesktopShell({
      controller: services.desktop,
      settings,
      mainWindow: () => mainWindow ?? openMainWindow(),
      existingWindow: () => mainWindow,
      emit: (channel, payload) => {
        for (const window of BrowserWindow.getAllWindows()) sendEvent(window.webContents, channel, payload)
      },
      resourcesDir: join(import.meta.dirname, '../../resources/tray'),
      windows: services.windows,
      log
    })
    openMainWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
      // The dock icon brings back a window hidden to the tray.
      else if (mainWindow && !mainWindow.isVisible()) mainWindow.show()
    })
  })

  // Let an in-flight send finish and the store close before the process ends.
  let stopping = false
  app.on('before-quit', (event) => {
    if (stopping || !services) return
    event.preventDefault()
    stopping = true
    void services.stop().finally(() => app.quit())
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
