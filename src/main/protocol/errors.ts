/**
 * The one error type the protocol client rejects with.
 *
 * `code` tells the caller what kind of failure it was, so the session engine can choose between
 * backing off (network, timeout, http), giving up on a response (malformed) and reacting to a
 * server verdict (retcode) without parsing messages.
 */
export type ProtocolErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'http'
  | 'malformed'
  | 'retcode'
  /** A call that needs a logged-in session was made without one (a caller bug, not a server answer). */
  | 'no-session'

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

/** A short single-line excerpt of a body, for logs and error messages. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat
}

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode
  readonly endpoint: string
  readonly httpStatus: number | null
  readonly retcode: number | null
  readonly excerpt: string

  constructor(d: ProtocolErrorDetails) {
    const excerpt = excerptOf(d.body ?? '')
    const parts = [`${d.endpoint}: ${d.detail}`]
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
