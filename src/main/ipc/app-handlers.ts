/**
 * The IPC handlers, one per channel of the contract, built from injected services so they run
 * (and are tested) without Electron.
 */
import type { InvokeHandlers } from './dispatcher'
import type { AppInfo, SessionSnapshot } from '../../shared/ipc'
import type { SettingsStore } from '../settings/settings-store'
import { toSafeExternalUrl } from '../security/external-url'
import { createMessengerHandlers, type MessengerService } from './messenger-handlers'

/** What the shell needs from the login session (backed by the session engine). */
export interface SessionService {
  snapshot(): SessionSnapshot
  start(): Promise<SessionSnapshot>
  logout(): Promise<SessionSnapshot>
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
  openExternal(url: string): Promise<void> | void
}

export function createHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    'app:info': () => deps.appInfo,
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'session:get': () => deps.session.snapshot(),
    'session:start': () => deps.session.start(),
    'session:logout': () => deps.session.logout(),
    'demo:start': () => deps.demo.start(),
    'demo:scan': () => deps.demo.scan(),
    'shell:open-external': async ({ url }) => {
      const safe = toSafeExternalUrl(url)
      if (!safe) return false
      await deps.openExternal(safe)
      return true
    },
    ...createMessengerHandlers(deps.messenger)
  }
}
