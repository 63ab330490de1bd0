/**
 * The contacts-depth channels over the running session engine: per-conversation prefs, the
 * conversation list, profile cards and signatures. Prefs and the conversation list live in the
 * account's store, so they need an account that has been online once, not a live session (a draft
 * typed while reconnecting must still be kept); profiles and signatures ask the server.
 */
import type { InvokeHandlers } from './dispatcher'
import type { Engine } from '../engine'
import type { MessengerService } from './messenger-handlers'
import { NotSignedInError } from './not-signed-in'

export type ContactsChannel = 'prefs:get' | 'prefs:set' | 'conversations:list' | 'profile:get' | 'profile:lookup-qq' | 'contacts:signature'

export function createContactsHandlers(service: MessengerService): Pick<InvokeHandlers, ContactsChannel> {
  const known = (): Engine => {
    const engine = service.engine()
    if (!engine?.self) throw new NotSignedInError()
    return engine
  }
  const signedIn = (): Engine => {
    const engine = service.engine()
    if (!engine || (engine.state !== 'online' && engine.state !== 'reconnecting')) throw new NotSignedInError()
    return engine
  }
  return {
    'prefs:get': () => known().conversationPrefs(),
    'prefs:set': (request) => known().setConversationPrefs(request),
    'conversations:list': () => known().conversations(),
    'profile:get': ({ kind, id }) => signedIn().profile(kind, id),
    'profile:lookup-qq': ({ id }) => signedIn().lookupQQ(id),
    'contacts:signature': ({ uins }) => signedIn().signatures(uins)
  }
}
