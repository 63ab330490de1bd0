/**
 * The one error type the protocol client rejects with.
 *
 * `code` tells the caller what kind of failure it was, so the session engine can choose between
 * backing off (network, timeout, http), giving up on a response (malformed) and reacting to a
 * server verdict (retcode) without parsing messages.
 */
import type { ServerUrlProblem } from '../../shared/server-url'
import { serverUrlProblemText } from '../../shared/server-url'
import { redact } from './redact'

export type ProtocolErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'malformed'
  | 'retcode'
  /** A call that needs a logged-in session was made without one (a caller bug, not a server answer). */
  | 'no-session'
  /** A body larger than the client accepts (counted after decompression); it was cut off. */
  | 'too-large'
  /** A token (ptwebqq, vfwebqq, psessionid, a cookie) is unusable in a request header or too long. */
  | 'bad-token'

export interface ProtocolErrorDetails {
  code: ProtocolErrorCode
  /** Endpoint name from endpoints.ts (e.g. 'poll2'). */
  endpoint: string
  httpStatus?: number | null
  retcode?: number | null
  /** The response body (or part of it); shortened here. */
  body?: string
  /** What went wrong, in words. */
  detail: string
  cause?: unknown
}

const EXCERPT_CHARS = 160
/** Only the start of a body is looked at: an excerpt never needs more, and a huge body must not cost a scan. */
const EXCERPT_WINDOW = 4096

/** A short single-line excerpt of a body, for logs and error messages, with secrets and message text redacted. */
export function excerptOf(body: string): string {
  const window = body.length > EXCERPT_WINDOW ? body.slice(0, EXCERPT_WINDOW) : body
  const flat = redact(window).replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS || body.length > EXCERPT_WINDOW ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat
}

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode
  readonly endpoint: string
  readonly httpStatus: number | null
  readonly retcode: number | null
  readonly excerpt: string

  constructor(d: ProtocolErrorDetails) {
    const excerpt = excerptOf(d.body ?? '')
    // The detail may quote a URL or a server string (check_sig URL, a transport error): redacted too.
    const parts = [`${d.endpoint}: ${redact(d.detail)}`]
    if (d.httpStatus != null) parts.push(`HTTP ${d.httpStatus}`)
    if (d.retcode != null) parts.push(`retcode ${d.retcode}`)
    if (excerpt) parts.push(`body: ${excerpt}`)
    super(parts.join('; '), d.cause === undefined ? undefined : { cause: d.cause })
    this.name = 'ProtocolError'
    this.code = d.code
    this.endpoint = d.endpoint
    this.httpStatus = d.httpStatus ?? null
    this.retcode = d.retcode ?? null
    this.excerpt = excerpt
  }
}

/**
 * The compatible server's address cannot be used (shared/server-url.ts), or the custom server was
 * chosen with no address at all ('missing'). Thrown before any request, so sign-in says so instead
 * of dying on the first one; the message never contains the address (it may hold a password).
 */
export class ServerUrlError extends Error {
  constructor(readonly problem: ServerUrlProblem | 'missing') {
    super(
      problem === 'missing' ? 'no compatible server address is set' : `the compatible server address is unusable: ${serverUrlProblemText(problem)}`
    )
    this.name = 'ServerUrlError'
  }
}
