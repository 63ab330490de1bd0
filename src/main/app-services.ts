/**
 * The app's services wired together (session engine, demo server, IPC handlers), free of electron
 * so the e2e tests drive exactly what the Electron shell runs. index.ts adds the Electron parts:
 * the window, safeStorage, the real ipcMain.
 */
import type { AppInfo, EmitEvent, ExportFormat } from '../shared/ipc'
import type { SecretStore } from './engine'
import { createHandlers } from './ipc/app-handlers'
import { withReadTracking } from './ipc/desktop-handlers'
import { createDesktopController, type DesktopController } from './desktop/desktop-controller'
import { observeSettings } from './desktop/observed-settings'
import type { InvokeHandlers } from './ipc/dispatcher'
import type { SettingsStore } from './settings/settings-store'
import { createDemoServer, type DemoServer } from './shell/demo-server'
import { createShellSession } from './shell-session'

export interface AppServiceDeps {
  appInfo: AppInfo
  settings: SettingsStore
  userDataDir: string
  secrets: SecretStore
  /** Pushes to the renderer (session and messenger events). */
  emit: EmitEvent
  openExternal(url: string): Promise<void> | void
  /** Where to save a conversation export (the save dialog in the app); null when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null>
  log(message: string): void
}

export interface AppServices {
  handlers: InvokeHandlers
  /** The built-in demo server, for tests that play the other side (never reachable from the renderer). */
  demo: DemoServer
  /** Tray, badge and notification decisions; the Electron shell attaches its adapters to it. */
  desktop: DesktopController
  /** Ends the session cleanly (in-flight send, store) and the demo server. */
  stop(): Promise<void>
}

export function createAppServices(deps: AppServiceDeps): AppServices {
  const demo = createDemoServer()
  // Every settings change (settings view, title bar, tray) reaches the desktop layer and every window.
  const settings = observeSettings(deps.settings, (next) => {
    desktop.settingsChanged()
    deps.emit('settings:changed', next)
  })
  const desktop = createDesktopController({ settings, emit: deps.emit, platform: deps.appInfo.platform, log: deps.log })
  const session = createShellSession({
    settings,
    userDataDir: deps.userDataDir,
    secrets: deps.secrets,
    serverUrl: () => demo.url(),
    emit: deps.emit,
    log: deps.log,
    onEngine: (engine) => desktop.attachEngine(engine)
  })
  const handlers = withReadTracking(createHandlers({
    appInfo: deps.appInfo,
    settings,
    desktop,
    session,
    messenger: session,
    openExternal: deps.openExternal,
    pickExportPath: deps.pickExportPath,
    demo: {
      async start() {
        await demo.start()
        await session.reset()
        return session.start()
      },
      scan: () => demo.scan()
    }
  }), desktop)
  return {
    handlers,
    demo,
    desktop,
    async stop() {
      await session.stop()
      await demo.stop()
    }
  }
}
