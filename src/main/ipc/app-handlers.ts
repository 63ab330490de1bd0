/**
 * The IPC handlers, one per channel of the contract, built from injected services so they run
 * (and are tested) without Electron.
 */
import type { InvokeHandlers } from './dispatcher'
import type { AppInfo, ExportFormat, SessionSnapshot } from '../../shared/ipc'
import type { SettingsStore } from '../shell/settings-store'
import { toSafeExternalUrl } from '../security/external-url'
import type { DesktopController } from '../desktop/desktop-controller'
import { createDesktopHandlers } from './desktop-handlers'
import { createContactsHandlers } from './contacts-handlers'
import { createAboutHandlers } from './about-handlers'
import { createWindowHandlers } from './window-handlers'
import type { ThemeService } from '../desktop/theme'
import type { WindowRegistry } from '../desktop/window-registry'
import { createMessengerHandlers, type MessengerService } from './messenger-handlers'
import { NotSignedInError } from './not-signed-in'

/** What the shell needs from the login session (backed by the session engine). */
export interface SessionService {
  snapshot(): SessionSnapshot
  start(): Promise<SessionSnapshot>
  logout(): Promise<SessionSnapshot>
  /** Starts the next attempt to reach the server now; false when none was waiting. */
  retryNow(): boolean
}

/** The built-in demo server (the simulator on loopback). */
export interface DemoService {
  /** Starts the demo server and a login against it. */
  start(): Promise<SessionSnapshot>
  /** Plays the phone: scans and confirms the QR shown now. */
  scan(): boolean
}

export interface HandlerDeps {
  appInfo: AppInfo
  settings: SettingsStore
  session: SessionService
  demo: DemoService
  messenger: MessengerService
  /** Tray, badge, notifications: status and the conversation each window shows. */
  desktop: DesktopController
  /** The effective theme (setting + OS preference); light when absent (tests). */
  theme?: ThemeService
  /** Conversations in their own windows; none can open when absent (tests, headless). */
  windows?: WindowRegistry
  openExternal(url: string): Promise<void> | void
  /** Asks the user where to save an export (a save dialog in the app); null when cancelled. */
  pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null>
}

export function createHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app:info': () => (deps.settings.notice ? { ...deps.appInfo, settingsNotice: deps.settings.notice } : deps.appInfo),
    ...createAboutHandlers(deps),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'session:get': () => deps.session.snapshot(),
    'session:start': () => deps.session.start(),
    'session:logout': () => deps.session.logout(),
    'session:retry-now': () => deps.session.retryNow(),
    'demo:start': () => deps.demo.start(),
    'demo:scan': () => deps.demo.scan(),
    'shell:open-external': async ({ url }) => {
      const safe = toSafeExternalUrl(url)
      if (!safe) return false
      await deps.openExternal(safe)
      return true
    },
    'conversation:export': async ({ kind, id, format }) => {
      // Checked before the dialog, so a signed-out user is not asked for a path first.
      const engine = deps.messenger.engine()
      if (!engine?.self) throw new NotSignedInError()
      const path = await deps.pickExportPath(`qq-${kind}-${id}.${format}`, format)
      if (path === null) return { saved: false }
      return { saved: true, path: engine.exportConversation(kind, id, format, path).path }
    },
    ...createDesktopHandlers(deps.desktop),
    ...createWindowHandlers(deps),
    ...createMessengerHandlers(deps.messenger),
    ...createContactsHandlers(deps.messenger)
  }
}
