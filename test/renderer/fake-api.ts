import { vi } from 'vitest'
import type { Api } from '../../src/preload/api'
import type { SessionSnapshot } from '../../src/shared/ipc'
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings'

/** An in-memory window.api for component and store tests; `push` plays main's events. */
export function installFakeApi(initial: Partial<SessionSnapshot> = {}, secretStorage: 'encrypted' | 'no-keyring' = 'encrypted') {
  let session: SessionSnapshot = { state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false, ...initial }
  let settings: Settings = { ...DEFAULT_SETTINGS }
  const sessionListeners = new Set<(s: SessionSnapshot) => void>()
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
  const api: Api = {
    appInfo: () => ok({ name: 'qq', version: '0.0.0', platform: 'test', secretStorage }),
    getSettings: () => ok(settings),
    updateSettings: vi.fn((patch) => ok((settings = { ...settings, ...patch }))),
    getSession: () => ok(session),
    startSession: vi.fn(() => {
      session = { ...session, state: 'waiting', qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }
      return ok(session)
    }),
    logout: vi.fn(() => ok((session = { state: 'signed-out', reason: 'logout', qrDataUrl: null, self: null, demo: false }))),
    startDemo: vi.fn(() => {
      session = { ...session, state: 'waiting', demo: true, qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }
      return ok(session)
    }),
    scanDemo: vi.fn(() => ok(true)),
    openExternal: () => ok(true),
    onSessionChanged: (listener) => {
      sessionListeners.add(listener)
      return () => sessionListeners.delete(listener)
    }
  }
  window.api = api
  return {
    api,
    push(next: Partial<SessionSnapshot>) {
      session = { ...session, ...next }
      sessionListeners.forEach((l) => l(session))
    },
    listenerCount: () => sessionListeners.size
  }
}
