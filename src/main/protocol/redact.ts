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
/** Where a message content value starts: `"content":` (the value is skipped by scanning, see maskContent). */
const CONTENT_KEY = /"content"\s*:\s*/g

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
  if (!(options.keepContent ?? debugLogging())) out = maskContent(out)
  return out
}

/** The end (exclusive) of the JSON value starting at `from`: brackets counted, strings skipped; the text's end if cut off. */
function valueEnd(text: string, from: number): number {
  const first = text[from]
  if (first !== '[' && first !== '{' && first !== '"') {
    const m = /^[^,}\]\s]*/.exec(text.slice(from))
    return from + (m ? m[0].length : 0)
  }
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      if (depth === 0) return Math.min(i + 1, text.length)
    } else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return text.length
}

/** Every `"content": <value>` (what someone wrote, fonts and faces included) replaced by a marker. */
function maskContent(text: string): string {
  let out = ''
  let last = 0
  CONTENT_KEY.lastIndex = 0
  for (let m = CONTENT_KEY.exec(text); m; m = CONTENT_KEY.exec(text)) {
    const start = m.index + m[0].length
    const end = valueEnd(text, start)
    out += `${text.slice(last, start)}"‹message text›"`
    last = end
    CONTENT_KEY.lastIndex = Math.max(end, start + 1)
  }
  return out + text.slice(last)
}
