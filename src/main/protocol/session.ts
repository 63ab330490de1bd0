/** Helpers for calls that need a logged-in session. */
import { CLIENT_ID, type SessionCredentials } from './types'
import type { ClientContext } from './context'
import { ProtocolError } from './errors'

export function requireCredentials(ctx: ClientContext, endpoint: string): SessionCredentials {
  if (ctx.credentials) return ctx.credentials
  throw new ProtocolError({ code: 'no-session', endpoint, detail: 'not logged in' })
}

/** `t` is a cache-buster the server never checks (seed 一); the page sent the time. */
export function cacheBuster(): number {
  return Date.now()
}

/** The query parameters most d1/s.web2 GETs carry. */
export function sessionQuery(c: SessionCredentials): Record<string, string | number> {
  return { vfwebqq: c.vfwebqq, clientid: CLIENT_ID, psessionid: c.psessionid, t: cacheBuster() }
}
