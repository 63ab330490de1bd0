/**
 * How the settings shape a session: which server it talks to (serverMode), whether the session
 * is remembered (rememberSession gates the secret store), and the account the login view offers
 * for one-click sign-in. Electron-free; shell-session.ts wires it in.
 */
import type { SecretStore } from './engine'
import type { Settings } from '../shared/settings'
import type { RememberedAccountFile } from './settings/remembered-account'

/**
 * The server URL for a new engine: the demo server when it runs (or serverMode 'demo'), the custom
 * URL for 'custom', null (the real SmartQQ hosts) otherwise.
 */
export function serverUrlFor(settings: Pick<Settings, 'serverMode' | 'serverUrl'>, demoUrl: string | null): string | null {
  if (demoUrl !== null) return demoUrl
  if (settings.serverMode === 'custom' && settings.serverUrl !== '') return settings.serverUrl
  return null
}

/** With rememberSession off, nothing is saved or resumed (clearing still works). */
export function gatedSecrets(secrets: SecretStore, settings: () => Pick<Settings, 'rememberSession'>): SecretStore {
  return {
    load: (account) => (settings().rememberSession ? secrets.load(account) : Promise.resolve(null)),
    save: (account, session) => (settings().rememberSession ? secrets.save(account, session) : Promise.resolve()),
    clear: (account) => secrets.clear(account)
  }
}

/** Reasons after which the remembered session is gone (forgotten by the engine or refused). */
const FORGETTING_REASONS = new Set(['logout', 'expired', 'kicked', 'remembered-refused'])

export interface RememberedTracker {
  current(): { uin: number; nick: string } | null
  /** Signed in: remember who (when the setting allows). */
  signedIn(self: { uin: number; nick: string }): void
  /** A state change with this reason; true when the remembered account was dropped. */
  stateReason(reason: string): boolean
  /** rememberSession was switched off: forget the account and its saved session now. */
  forget(): Promise<void>
  /** Drops a hint whose encrypted session is missing (deleted, unreadable keyring). */
  verify(): Promise<boolean>
}

export function createRememberedTracker(
  file: RememberedAccountFile,
  secrets: SecretStore,
  settings: () => Pick<Settings, 'rememberSession'>
): RememberedTracker {
  let account = settings().rememberSession ? file.read() : null
  const drop = (): void => {
    account = null
    file.clear()
  }
  return {
    current: () => account,
    signedIn(self) {
      if (!settings().rememberSession) return
      account = { uin: self.uin, nick: self.nick }
      file.write(account)
    },
    stateReason(reason) {
      if (!account || !FORGETTING_REASONS.has(reason)) return false
      drop()
      return true
    },
    async forget() {
      drop()
      await secrets.clear().catch(() => {})
    },
    async verify() {
      if (!account) return false
      const saved = await secrets.load(account.uin).catch(() => null)
      if (saved) return true
      drop()
      return false
    }
  }
}
