/**
 * The app's services wired together (session engine, demo server, IPC handlers), free of electron
 * so the e2e tests drive exactly what the Electron shell runs. index.ts adds the Electron parts:
 * the window, safeStorage, the real ipcMain.
 */
import type { AppInfo, EmitEvent, ExportFormat } from '../shared/ipc'
import type { SecretStore } from './engine'
import { createHandlers } from './ipc/app-handlers'
import { withReadTracking } from './ipc/desktop-handlers'
import { withReadBroadcast } from './ipc/window-handlers'
import { createDesktopController, type DesktopController } from './desktop/desktop-controller'
import { observeSettings } from './desktop/observed-settings'
import type { InvokeHandlers } from './ipc/dispatcher'
import type { SettingsStore } from './shell/settings-store'
import { createDemoServer, type DemoServer } from './shell/demo-server'
import { createShellSession } from './shell-session'
import { createThemeService, type SystemTheme, type ThemeService } from './desktop/theme'
import { createWindowRegistry, currentIdOf, type WindowHost, type WindowRegistry } from './desktop/window-registry'

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
  /** The OS light/dark preference (nativeTheme in the app, a fake in e2e); light when absent. */
  systemTheme?: SystemTheme
  /** Creates, focuses and closes conversation windows (BrowserWindows in the app, a recorder in e2e). */
  windowHost?: WindowHost
  /** `npm run demo` (`--demo`): use the built-in demo server for this run, whatever serverMode says. */
  forceDemo?: boolean
}

/** Without a window host (tests, headless) nothing can open: every request is just noted. */
const NO_WINDOWS: WindowHost = { openConversation() {}, focus() {}, close() {}, showInMain() {} }

export interface AppServices {
  handlers: InvokeHandlers
  /** The built-in demo server, for tests that play the other side (never reachable from the renderer). */
  demo: DemoServer
  /** Tray, badge and notification decisions; the Electron shell attaches its adapters to it. */
  desktop: DesktopController
  /** The effective theme; the shell recolours window backgrounds from it. */
  theme: ThemeService
  /** Conversations in their own windows (the shell reports windows the user closed). */
  windows: WindowRegistry
  /** Ends the session cleanly (in-flight send, store) and the demo server. */
  stop(): Promise<void>
}

export function createAppServices(deps: AppServiceDeps): AppServices {
  const demo = createDemoServer()
  const demoMode = (): boolean => deps.forceDemo === true || settings.get().serverMode === 'demo'
  // Every settings change (settings view, title bar, tray) reaches the desktop layer and every window.
  const settings = observeSettings(deps.settings, (next) => {
    desktop.settingsChanged()
    theme.refresh()
    session.settingsChanged(next)
    deps.emit('settings:changed', next)
  })
  const theme = createThemeService({ setting: () => settings.get().theme, system: deps.systemTheme, emit: deps.emit })
  // A closed pop-out's page reported what it showed under its window key: that entry goes with it.
  const windows = createWindowRegistry(deps.windowHost ?? NO_WINDOWS, deps.emit, (key) => desktop.removeView(key))
  const desktop = createDesktopController({ settings, emit: deps.emit, platform: deps.appInfo.platform, log: deps.log })
  const session = createShellSession({
    settings,
    userDataDir: deps.userDataDir,
    secrets: deps.secrets,
    // The demo server is used exactly while serverMode is 'demo' (set by the demo button too).
    serverUrl: () => (demoMode() ? demo.url() : null),
    emit: deps.emit,
    log: deps.log,
    onEngine: (engine) => {
      desktop.attachEngine(engine)
      // A session renewed after expiry or a kick has new ids: pop-out windows follow their conversation.
      engine.on('ready', () => {
        engine
          .contacts()
          .then((contacts) => windows.followIds((kind, key) => currentIdOf(contacts, kind, key)))
          .catch((e: unknown) => deps.log(`pop-out windows could not follow the new session: ${String(e)}`))
      })
    }
  })
  const handlers = withReadBroadcast(
    withReadTracking(
      createHandlers({
        appInfo: deps.appInfo,
        settings,
        desktop,
        theme,
        windows,
        session: {
          snapshot: () => session.snapshot(),
          async start() {
            // A remembered demo session (or the demo picked in the settings) needs its server up first.
            if (demoMode()) await demo.start()
            return session.start()
          },
          logout: () => session.logout(),
          retryNow: () => session.retryNow()
        },
        messenger: session,
        openExternal: deps.openExternal,
        pickExportPath: deps.pickExportPath,
        demo: {
          async start() {
            if (settings.get().serverMode !== 'demo') settings.update({ serverMode: 'demo' })
            await demo.start()
            await session.reset()
            return session.start()
          },
          scan: () => demo.scan()
        }
      }),
      desktop
    ),
    deps.emit
  )
  return {
    handlers,
    demo,
    desktop,
    theme,
    windows,
    async stop() {
      theme.dispose()
      await session.stop()
      await demo.stop()
    }
  }
}
