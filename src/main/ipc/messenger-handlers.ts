/**
 * The messenger channels (contacts, history, sending, unread) over the running session engine.
 * Commands need a signed-in session and say so clearly otherwise; sending only needs an engine that
 * has been online once, because the engine queues messages while it reconnects.
 */
import type { InvokeHandlers } from './dispatcher'
import type { Engine } from '../engine'
import { StoreError } from '../store'
import { NotSignedInError } from './not-signed-in'
import { toEngineSend } from './send-input'

export type MessengerChannel =
  | 'contacts:get'
  | 'members:get'
  | 'history:get'
  | 'history:search'
  | 'history:around'
  | 'message:send'
  | 'outbox:retry'
  | 'conversation:read'
  | 'unread:get'

/** Where the handlers find the engine of the current session (null before the first start). */
export interface MessengerService {
  engine(): Engine | null
}

export function createMessengerHandlers(service: MessengerService): Pick<InvokeHandlers, MessengerChannel> {
  /**
   * The engine of a session that is online or reconnecting (its directory and store are current), or
   * of an account whose server cannot be reached (its last contacts and history, read-only).
   */
  const signedIn = (): Engine => {
    const engine = service.engine()
    const live = engine?.state === 'online' || engine?.state === 'reconnecting' || (engine?.state === 'unreachable' && engine.self !== null)
    if (!engine || !live) throw new NotSignedInError()
    return engine
  }
  /** The engine of an account that has been online (it queues sends until it is online again). */
  const known = (): Engine => {
    const engine = service.engine()
    if (!engine?.self) throw new NotSignedInError()
    return engine
  }
  return {
    'contacts:get': (request) => signedIn().contacts({ refresh: request?.refresh ?? false }),
    'members:get': ({ kind, id }) => signedIn().members(kind, id),
    'history:get': ({ kind, id, limit, before, after }) => signedIn().history(kind, id, { limit, before, after }),
    'history:around': ({ kind, id, message, limit }) => signedIn().around(kind, id, message, limit),
    'history:search': ({ query, kind, id, limit, before }) =>
      signedIn().search(query, kind !== undefined && id !== undefined ? { kind, id } : null, { limit, before }),
    'message:send': (request) => known().send(toEngineSend(request)),
    'outbox:retry': ({ id }) => known().retry(id),
    'conversation:read': ({ kind, id }) => {
      try {
        signedIn().markRead(kind, id)
        return true
      } catch (e) {
        // Opening a conversation that has no stored message yet is not an error for the user.
        if (e instanceof StoreError && e.code === 'not-found') return false
        throw e
      }
    },
    'unread:get': () => signedIn().unread()
  }
}
