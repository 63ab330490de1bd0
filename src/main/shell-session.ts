/**
 * Bridges the session engine to the shell's SessionService.
 * TEMPORARY until the session engine lands: reports signed-out and cannot log in yet.
 */
import type { SessionSnapshot } from '../shared/ipc'
import type { SessionService } from './ipc/app-handlers'
import type { SettingsStore } from './settings/settings-store'

export interface ShellSessionDeps {
  settings: SettingsStore
  userDataDir: string
  onChange(snapshot: SessionSnapshot): void
}

export function createShellSession(_deps: ShellSessionDeps): SessionService {
  const snapshot: SessionSnapshot = { state: 'signed-out', reason: null, qrDataUrl: null, self: null }
  return {
    snapshot: () => snapshot,
    start: async () => snapshot,
    logout: async () => snapshot
  }
}
