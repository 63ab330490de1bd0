/** A session engine stand-in for the desktop tests: plays events, answers unread() and prefs from tables. */
import type { DesktopEngine } from '../../../src/main/desktop/desktop-controller'
import type { SessionState } from '../../../src/shared/domain'
import type { ConversationPrefsDto, MessageDto, UnreadDto } from '../../../src/shared/messenger'

/** An engine that plays events and answers unread() from a table the test edits. */
export function fakeEngine() {
  const listeners = new Map<string, Array<(p: unknown) => void>>()
  const statuses: string[] = []
  let state: SessionState = 'online'
  const unread: UnreadDto[] = []
  const prefs: ConversationPrefsDto[] = []
  const engine: DesktopEngine = {
    on(event: string, cb: (p: never) => void) {
      const list = listeners.get(event) ?? []
      list.push(cb as (p: unknown) => void)
      listeners.set(event, list)
      return () => list.splice(list.indexOf(cb as (p: unknown) => void), 1)
    },
    get state() {
      return state
    },
    unread: () => unread,
    conversationPrefs: () => prefs,
    async setStatus(status) {
      statuses.push(status)
    }
  } as DesktopEngine
  const fire = (event: string, payload: unknown): void => listeners.get(event)?.forEach((cb) => cb(payload))
  return {
    engine,
    statuses,
    unread,
    prefs,
    prefsChanged: (p: ConversationPrefsDto) => fire('prefs', p),
    message: (m: MessageDto) => fire('message', m),
    ready: () => fire('ready', {}),
    setState(next: SessionState) {
      state = next
      fire('state', { state: next })
    }
  }
}
