/**
 * Electron main-process bootstrap: security switches first, then settings, IPC and the window.
 * The protocol client, session engine and store live in plain-Node modules; this file and the
 * other shell files are the only ones that import `electron`.
 */
import { app, BrowserWindow, session as electronSession, shell } from 'electron'
import { createMainWindow, rendererPageUrl } from './window'
import { registerIpcHandlers, sendEvent } from './ipc/register'
import { createHandlers } from './ipc/app-handlers'
import { createSenderCheck } from './security/sender'
import { denyAllPermissions } from './security/permissions'
import { lockDownWebContents } from './security/web-contents'
import { createSettingsStore } from './settings/settings-store'
import { createShellSession } from './shell-session'

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
      window.focus()
    }
  })

  // Any web contents created later (devtools excluded) gets the same navigation lock.
  app.on('web-contents-created', (_event, contents) => {
    lockDownWebContents(contents, (url) => shell.openExternal(url))
  })

  void app.whenReady().then(() => {
    denyAllPermissions(electronSession.defaultSession)
    const settings = createSettingsStore()
    const pageUrl = rendererPageUrl()
    const sessionService = createShellSession({
      settings,
      userDataDir: app.getPath('userData'),
      onChange: (snapshot) => {
        for (const window of BrowserWindow.getAllWindows()) {
          sendEvent(window.webContents, 'session:changed', snapshot)
        }
      }
    })
    registerIpcHandlers(
      createHandlers({
        appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
        settings,
        session: sessionService,
        openExternal: (url) => shell.openExternal(url)
      }),
      createSenderCheck(pageUrl)
    )
    createMainWindow(pageUrl)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(pageUrl)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
