/**
 * Secrets never leave the process in a log line or an error text. Server bodies, URLs and cookie
 * headers carry session tokens (psessionid, vfwebqq, ptwebqq, skey, p_skey, pt4_token, supertoken…)
 * and poll bodies carry what people wrote; an excerpt of one ends up on stderr, in `detail` of a
 * headless error and in the app log. Every excerpt is made through `redact`.
 *
 * Message text is only kept when debug logging was asked for (QQ_DEBUG=1); tokens never are.
 */

/** Names whose values are credentials, wherever they appear (JSON key, query parameter, cookie). */
const SECRET_NAMES = [
  'psessionid',
  'vfwebqq',
  'ptwebqq',
  'skey',
  'p_skey',
  'pt4_token',
  'supertoken',
  'superkey',
  'superuin',
  'p_uin',
  'pt2gguin',
  'ptcz',
  'qrsig',
  'pt_login_sig',
  'ptsigx',
  'ptsig',
  'clientkey',
  'auth_token',
  'ptoken',
  'token',
  'p',
  'cookie',
  'set-cookie',
  'cookies'
]
const NAMES = SECRET_NAMES.map((n) => n.replace(/[-_]/g, (c) => `\\${c}`)).join('|')

/** "name":"value" and "name":value (JSON). Strings may contain escaped quotes. */
const JSON_SECRET = new RegExp(`("(?:${NAMES})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"?|[^,}\\]\\s]+)`, 'gi')
/** name=value in a query string, form body or cookie header (up to the next separator). */
const PAIR_SECRET = new RegExp(`(^|[?&;,\\s"'(])((?:${NAMES})=)([^&;,\\s"')]*)`, 'gi')
/** Cookie/Set-Cookie header lines as a whole. */
const COOKIE_HEADER = /((?:set-)?cookie\s*:\s*)[^\r\n]*/gi
/** The message content array of a poll element: what someone wrote. */
const CONTENT = /("content"\s*:\s*)(\[(?:[^[\]"]|"(?:[^"\\]|\\.)*"|\[(?:[^[\]"]|"(?:[^"\\]|\\.)*")*\])*\]?|"(?:[^"\\]|\\.)*"?)/gi

const MASK = '‹redacted›'

export function debugLogging(): boolean {
  const v = process.env.QQ_DEBUG
  return v !== undefined && v !== '' && v !== '0' && v !== 'false'
}

/** `text` with every credential value (and, unless debugging, every message content) replaced. */
export function redact(text: string, options: { keepContent?: boolean } = {}): string {
  let out = text
    .replace(COOKIE_HEADER, `$1${MASK}`)
    .replace(JSON_SECRET, (_all, head: string) => `${head}"${MASK}"`)
    .replace(PAIR_SECRET, (_all, lead: string, head: string) => `${lead}${head}${MASK}`)
  if (!(options.keepContent ?? debugLogging())) out = out.replace(CONTENT, (_all, head: string) => `${head}"‹message text›"`)
  return out
}
