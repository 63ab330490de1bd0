/**
 * Message content codec and server-text cleaning.
 *
 * Received content (reference §2.4): `[["font",{...}], "text", ["face",14], ["offpic",{...}], ...]`,
 * font FIRST, text HTML-escaped with `\r\n` line ends. Sent content (seed 三): the same kinds of
 * elements with the font LAST, serialized into a STRING (the server wants JSON inside JSON).
 */
import { faceName, UNKNOWN_FACE_NAME } from '../../shared/faces'
import type { Segment } from '../../shared/domain'
import { DEFAULT_FONT, FONT_COLOR_PATTERN, FONT_SIZE_MAX, FONT_SIZE_MIN, type MessageFont } from '../../shared/fonts'

/** The seed's font element, byte for byte (what encodeContent sends when no font is chosen). */
export const SEND_FONT = ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }] as const

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0'
}
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g

/** Unescapes HTML entities in one pass (so `&amp;lt;` becomes `&lt;`, not `<`). Unknown entities stay. */
export function unescapeHtml(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    // hasOwn: `&constructor;` must not find Object.prototype's members.
    if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
    return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole
  })
}

/** A name from the server (nick, markname, card, group name): unescaped, U+00A0 as a plain space. */
export function cleanName(s: string): string {
  return unescapeHtml(s).replace(/\u00a0/g, ' ')
}

/** Message text from the server: unescaped, `\r\n` (and lone `\r`) as `\n`. */
export function cleanText(s: string): string {
  const t = unescapeHtml(s)
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t
}

/** Far above any real face id (the table ends near 212); keeps ids sane for storage and display. */
const MAX_FACE_ID = 9999

const IMAGE_KINDS = new Set(['offpic', 'cface', 'pic'])

function pushText(out: Segment[], text: string): void {
  if (text === '') return
  const last = out[out.length - 1]
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + text }
  else out.push({ type: 'text', text })
}

/**
 * Decodes a received content array. The font is skipped wherever it is; adjacent texts are merged.
 * A content of nothing but the font is a picture from another client (dropped by the server
 * since 2015-12; reference §2.4), so it decodes to one image segment.
 */
export function decodeContent(content: readonly unknown[]): Segment[] {
  const out: Segment[] = []
  let sawFont = false
  for (const el of content) {
    if (typeof el === 'string') {
      pushText(out, cleanText(el))
    } else if (Array.isArray(el) && typeof el[0] === 'string') {
      const kind = el[0]
      if (kind === 'font') sawFont = true
      else if (kind === 'face') {
        // A face id is a small non-negative integer; anything else (-1, 1.5, "x") is an unknown face.
        const id = typeof el[1] === 'number' || typeof el[1] === 'string' ? Number(el[1]) : Number.NaN
        if (Number.isInteger(id) && id >= 0 && id <= MAX_FACE_ID) out.push({ type: 'face', id, name: faceName(id) })
        else pushText(out, `[${UNKNOWN_FACE_NAME}]`)
      } else if (IMAGE_KINDS.has(kind)) out.push({ type: 'image' })
      // An element kind this client does not know: say so instead of dropping it silently.
      else pushText(out, `[${kind}]`)
    } else if (typeof el === 'number') {
      pushText(out, String(el))
    }
  }
  if (out.length === 0 && sawFont) out.push({ type: 'image' })
  return out
}

/**
 * Encodes segments into the send `content` string, font last, exactly as the seed shows (the seed's
 * 宋体/10/black when no font is given). Images cannot be sent over SmartQQ, so they are left out.
 */
export function encodeContent(segments: readonly Segment[], font?: MessageFont): string {
  const parts: unknown[] = []
  for (const s of segments) {
    if (s.type === 'text') parts.push(s.text)
    else if (s.type === 'face') parts.push(['face', s.id])
  }
  parts.push(font ? ['font', fontToWire(font)] : SEND_FONT)
  return JSON.stringify(parts)
}

/** The font of a received content array (first element in practice, but found wherever it is); null without one. */
export function decodeFont(content: readonly unknown[]): MessageFont | null {
  for (const el of content) {
    if (Array.isArray(el) && el[0] === 'font') return fontFromWire(el[1])
  }
  return null
}

/**
 * Reads the font object of a content element, as lenient as the clients of the time were (YZ sent
 * `"size":"10"`, some `"color":"#FF0000"` or short forms): whatever is unusable falls back to the default
 * for that field, never to an error, since the message itself is fine. Null when it is not an object.
 */
export function fontFromWire(raw: unknown): MessageFont | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const o = raw as Record<string, unknown>
  // Control and format characters (NUL, bidi overrides) have no place in a family name.
  const name =
    typeof o['name'] === 'string'
      ? o['name']
          .replace(/[\p{Cc}\p{Cf}]/gu, '')
          .trim()
          .slice(0, 40)
      : ''
  const sizeNum = typeof o['size'] === 'number' || typeof o['size'] === 'string' ? Number(o['size']) : Number.NaN
  const size = Number.isFinite(sizeNum) ? Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(sizeNum))) : DEFAULT_FONT.size
  const style = Array.isArray(o['style']) ? o['style'] : []
  const flag = (i: number): boolean => style[i] === 1 || style[i] === '1' || style[i] === true
  return { name: name || DEFAULT_FONT.name, size, bold: flag(0), italic: flag(1), underline: flag(2), color: wireColor(o['color']) }
}

/** `"FF0000"`, `"#ff0000"`, `"f00"` or a number as six lowercase hex digits; black when unreadable. */
function wireColor(raw: unknown): string {
  let s = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw.toString(16).padStart(6, '0') : typeof raw === 'string' ? raw : ''
  s = s.trim().replace(/^#/, '').toLowerCase()
  if (/^[0-9a-f]{3}$/.test(s)) s = [...s].map((c) => c + c).join('')
  return FONT_COLOR_PATTERN.test(s) ? s : DEFAULT_FONT.color
}

/** The font object of the wire (`style` as [bold, italic, underline] of 0/1). */
export function fontToWire(f: MessageFont): { name: string; size: number; style: [number, number, number]; color: string } {
  return { name: f.name, size: f.size, style: [f.bold ? 1 : 0, f.italic ? 1 : 0, f.underline ? 1 : 0], color: f.color }
}
