/**
 * Message content as it travels on the wire, from the server's side:
 * - received content (poll2): font FIRST, then HTML-escaped text with \r\n and ["face",id];
 * - sent content (send_*_msg2): a STRING holding a JSON array whose LAST element is the font.
 */
import { faceName } from '../shared/faces'
import type { Segment } from '../shared/domain'
import { RECEIVED_FONT, sentFont, type WireFont } from './fonts'
import type { PushSegment } from './types'

export { RECEIVED_FONT }

/** Names (nick, markname, card, group name) are HTML-escaped on the wire; U+00A0 stays raw. */
export function escapeName(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Received message text: entities as for names, U+00A0 as &nbsp;, every newline as \r\n. */
export function escapeMessageText(text: string): string {
  return escapeName(text)
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/\r?\n/g, '\r\n')
}

/**
 * The content array of a poll element. Pictures cannot travel over SmartQQ: an image segment
 * leaves nothing but the font behind (reference §2.4, "picture-only messages").
 */
export function receivedContent(
  segments: readonly PushSegment[],
  zeroFaces: boolean,
  font: WireFont | Record<string, unknown> = RECEIVED_FONT
): unknown[] {
  const out: unknown[] = [['font', font]]
  for (const s of segments) {
    if (s.type === 'text') out.push(escapeMessageText(s.text))
    else if (s.type === 'face') out.push(['face', zeroFaces ? 0 : s.id])
  }
  return out
}

/** `font`: the font element's object as the client sent it. */
export type SentContent = { ok: true; segments: Segment[]; font: Record<string, unknown> } | { ok: false; reason: string }

/** Validate and decode the `content` of a send request. */
export function parseSentContent(raw: unknown): SentContent {
  if (typeof raw !== 'string') return { ok: false, reason: 'content must be a string holding a JSON array' }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'content is not JSON' }
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return { ok: false, reason: 'content is not a non-empty array' }
  const font = sentFont(parsed[parsed.length - 1])
  if (!font) return { ok: false, reason: 'the last content element must be ["font",{...}]' }
  const segments: Segment[] = []
  for (const el of parsed.slice(0, -1)) {
    if (typeof el === 'string') segments.push({ type: 'text', text: el })
    else if (Array.isArray(el) && el.length === 2 && el[0] === 'face' && Number.isInteger(el[1]))
      segments.push({ type: 'face', id: el[1] as number, name: faceName(el[1] as number) })
    else return { ok: false, reason: `unexpected content element ${JSON.stringify(el)}` }
  }
  return { ok: true, segments, font }
}

/** Plain text of the text segments only (what the length and spam rules look at). */
export function textOnly(segments: readonly Segment[]): string {
  return segments.map((s) => (s.type === 'text' ? s.text : '')).join('')
}
