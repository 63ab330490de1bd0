/**
 * The one check of a compatible server's address, used by the settings (schema and form), headless
 * `--server` and the protocol client: a WHATWG URL, http or https, a host, a port from 1 to 65535,
 * no user name or password (they would be sent to, and shown by, everything that prints the address),
 * no control characters, raw or percent-encoded (`%00` cuts C strings further down). No electron,
 * DOM or Node import: the URL global exists on both sides.
 */

export const SERVER_URL_PROBLEMS = ['invalid', 'scheme', 'port', 'credentials', 'control', 'too-long'] as const
export type ServerUrlProblem = (typeof SERVER_URL_PROBLEMS)[number]

export const MAX_SERVER_URL_CHARS = 512

export type ServerUrlCheck = { ok: true; url: string } | { ok: false; problem: ServerUrlProblem }

const CONTROL = /\p{Cc}|%(?:[01][0-9a-f]|7f)/iu
/** An explicit port as written (the parser drops a default one and refuses > 65535 without saying why). */
const WRITTEN_PORT = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d+)(?:[/?#]|$)/i

export function checkServerUrl(raw: string): ServerUrlCheck {
  if (raw.length > MAX_SERVER_URL_CHARS) return { ok: false, problem: 'too-long' }
  if (CONTROL.test(raw)) return { ok: false, problem: 'control' }
  const port = WRITTEN_PORT.exec(raw)?.[1]
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) return { ok: false, problem: 'port' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, problem: 'invalid' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' }
  if (url.hostname === '' || /\s/.test(raw)) return { ok: false, problem: 'invalid' }
  return { ok: true, url: url.href }
}

/** The problem in words for a terminal or a log; never repeats the address (it may hold a password). */
export function serverUrlProblemText(problem: ServerUrlProblem): string {
  switch (problem) {
    case 'invalid':
      return 'it is not a valid URL'
    case 'scheme':
      return 'it must start with http:// or https://'
    case 'port':
      return 'its port must be a number from 1 to 65535'
    case 'credentials':
      return 'it must not contain a user name or password'
    case 'control':
      return 'it contains control characters (raw or percent-encoded)'
    case 'too-long':
      return `it is longer than ${MAX_SERVER_URL_CHARS} characters`
  }
}
