/**
 * Session tokens (ptwebqq, vfwebqq, psessionid) and cookie values go into request headers, query
 * strings and JSON bodies of every later request. A value that cannot travel in a header (CR/LF, `;`,
 * non-ASCII) or is absurdly long poisons every request after it (ERR_INVALID_CHAR, HTTP 431) and, once
 * persisted, every restart. So each is checked where it enters (a server answer, a remembered session)
 * and before it is saved. Real values are hex or base64-like strings of a few dozen to ~200 characters.
 */
import * as v from 'valibot'

/** Longest token accepted (real psessionids are ~150 characters; cookies like p_skey ~50). */
export const MAX_TOKEN_LENGTH = 512

/** Visible ASCII except the characters that end or split a header, a cookie or a query value. */
const TOKEN = /^[!#$%&'()*+\-./0-9:<=>?@A-Z[\]^_`a-z{|}~]*$/

/** Why a token is unusable, or null when it is fine. Empty is allowed (ptwebqq may be empty, reference §1.6). */
export function tokenProblem(value: string): string | null {
  if (value.length > MAX_TOKEN_LENGTH) return `longer than ${MAX_TOKEN_LENGTH} characters (${value.length})`
  if (!TOKEN.test(value)) return 'contains characters that cannot be sent in a header'
  return null
}

export function isUsableToken(value: string): boolean {
  return tokenProblem(value) === null
}

/** A string schema for a token field of a server answer or a saved session. */
export function tokenSchema(options: { nonEmpty?: boolean } = {}) {
  return v.pipe(
    v.string(),
    v.check((s) => !options.nonEmpty || s.length > 0, 'empty token'),
    v.check((s) => s.length <= MAX_TOKEN_LENGTH, `token longer than ${MAX_TOKEN_LENGTH} characters`),
    v.check((s) => TOKEN.test(s), 'token with characters that cannot be sent in a header')
  )
}

/** The problem with a set of session credentials, naming the field (never its value), or null. */
export function credentialsProblem(c: { ptwebqq: string; vfwebqq: string; psessionid: string }): string | null {
  for (const field of ['ptwebqq', 'vfwebqq', 'psessionid'] as const) {
    const p = tokenProblem(c[field])
    if (p !== null) return `${field} ${p}`
  }
  return null
}

/** The problem with a serialized cookie jar (tough-cookie's `{cookies:[{key,value}]}`), naming the cookie, or null. */
export function cookiesProblem(serialized: unknown): string | null {
  const cookies = (serialized as { cookies?: unknown } | null)?.cookies
  if (!Array.isArray(cookies)) return null
  for (const c of cookies) {
    const { key, value } = (c ?? {}) as { key?: unknown; value?: unknown }
    const name = typeof key === 'string' ? key : '?'
    if (typeof key === 'string' && tokenProblem(key) !== null) return 'a cookie name cannot be sent in a header'
    const p = typeof value === 'string' ? tokenProblem(value) : null
    if (p !== null) return `cookie ${tokenProblem(name) === null ? name : '?'} ${p}`
  }
  return null
}
