/**
 * The one wrapper every IPC invoke goes through: sender check, payload validation, typed errors.
 * Free of `electron` imports so the e2e test bridge can drive the very same handlers in Node.
 */
import * as v from 'valibot'
import { invokeSchemas, type InvokeChannel, type InvokeRequest, type InvokeResponse, type IpcResult } from '../../shared/ipc'
import { failureReason } from './failure-reason'

/** The part of Electron's IpcMainInvokeEvent we rely on. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
}

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>
}

export type SenderCheck = (frameUrl: string) => boolean

export type Dispatch = (channel: string, event: InvokeEventLike, payload: unknown) => Promise<IpcResult<unknown>>

function isChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeSchemas, channel)
}

export function createDispatcher(handlers: InvokeHandlers, isTrustedSender: SenderCheck): Dispatch {
  return async (channel, event, payload) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } }
    }
    // A frame that is not our own page (an injected iframe, a navigated-away frame) gets nothing.
    const url = event.senderFrame?.url
    if (url === undefined || !isTrustedSender(url)) {
      return { ok: false, error: { code: 'forbidden-sender', message: `sender not allowed on ${channel}` } }
    }
    const parsed = v.safeParse(invokeSchemas[channel], payload)
    if (!parsed.success) {
      const issue = parsed.issues[0]
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
      return {
        ok: false,
        error: { code: 'invalid-payload', message: `${channel}: ${path ? path + ': ' : ''}${issue.message}` }
      }
    }
    try {
      const handler = handlers[channel] as (req: unknown) => unknown
      return { ok: true, value: await handler(parsed.output) }
    } catch (error) {
      // A handler failure must reach the renderer as data and never take the main process down.
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'failed', reason: failureReason(error, channel), message } }
    }
  }
}
