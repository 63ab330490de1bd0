/**
 * The contacts-depth channels (per-conversation prefs for now) over the running session engine.
 * Prefs live in the account's store, so they need an account that has been online once, not a live
 * session: a draft typed while reconnecting must still be kept.
 */
import type { InvokeHandlers } from './dispatcher'
import type { Engine } from '../engine'
import { NotSignedInError, type MessengerService } from './messenger-handlers'

export type ContactsChannel = 'prefs:get' | 'prefs:set'

export function createContactsHandlers(service: MessengerService): Pick<InvokeHandlers, ContactsChannel> {
  const known = (): Engine => {
    const engine = service.engine()
    if (!engine?.self) throw new NotSignedInError()
    return engine
  }
  return {
    'prefs:get': () => known().conversationPrefs(),
    'prefs:set': (request) => known().setConversationPrefs(request)
  }
}
