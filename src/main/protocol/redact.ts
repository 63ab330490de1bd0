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

/**
 * Session tokens are long hex strings (ptwebqq 64, vfwebqq 80, psessionid ~150 characters); quoted
 * under an unexpected key they are still tokens. No message text is 32+ hex digits in a row.
 */
const LONG_HEX = /\b[0-9a-fA-F]{32,}\b/g

/** The current session's token values (whatever their form), so they are masked wherever they turn up. */
const liveSecrets = new Set<string>()
const MAX_LIVE_SECRETS = 32

/** Registers token values of a session (short values are ignored: masking them would mangle ordinary text). */
export function rememberSecrets(values: Iterable<string>): void {
  for (const v of values) {
    if (v.length < 8 || liveSecrets.has(v)) continue
    liveSecrets.add(v)
    if (liveSecrets.size > MAX_LIVE_SECRETS) liveSecrets.delete(liveSecrets.values().next().value!)
  }
}

export function debugLogging(): boolean {
  const v = process.env.QQ_DEBUG
  return v !== undefined && v !== '' && v !== '0' && v !== 'false'
}

/** `text` with every credential value (and, unless debugging, every message content) replaced. */
export function redact(text: string, options: { keepContent?: boolean } = {}): string {
  let out = text
  for (const secret of liveSecrets) if (out.includes(secret)) out = out.split(secret).join(MASK)
  out = out
    .replace(LONG_HEX, MASK)
    .replace(COOKIE_HEADER, `$1${MASK}`)
    .replace(JSON_SECRET, (_all, head: string) => `${head}"${MASK}"`)
    .replace(PAIR_SECRET, (_all, lead: string, head: string) => `${lead}${head}${MASK}`)
  if (!(options.keepContent ?? debugLogging())) out = out.replace(CONTENT, (_all, head: string) => `${head}"‹message text›"`)
  return out
}
