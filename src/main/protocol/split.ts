/**
 * Splits outgoing content into messages the server will deliver: longer texts "succeed" but
 * never arrive (reference §3.4). Limit and method as pandolia/qqbot's Partition: 720 UTF-8 bytes,
 * a whitespace break preferred within the last 100 bytes, never inside a character.
 */
import type { Segment } from '../../shared/domain'

export const MAX_MESSAGE_BYTES = 720
const WHITESPACE_WINDOW_BYTES = 100
/** What a face costs in the budget: `["face",123],` is about this long once serialized. */
export const FACE_BYTES = 12

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

/**
 * The longest prefix of `text` (in UTF-16 units) that fits in `budget` bytes, cut after a whitespace
 * within the last 100 bytes when there is one. Returns 0 when not even one character fits.
 */
function cutPoint(text: string, budget: number): number {
  let bytes = 0
  let i = 0
  let lastSpaceEnd = -1
  let lastSpaceBytes = 0
  while (i < text.length) {
    const cp = text.codePointAt(i) as number
    const len = utf8Length(cp)
    if (bytes + len > budget) break
    bytes += len
    i += cp > 0xffff ? 2 : 1
    if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x3000) {
      lastSpaceEnd = i
      lastSpaceBytes = bytes
    }
  }
  if (i < text.length && lastSpaceEnd > 0 && bytes - lastSpaceBytes < WHITESPACE_WINDOW_BYTES) return lastSpaceEnd
  return i
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Splits segments into parts of at most `maxBytes` each; joining the parts gives the input back. */
export function splitForSending(segments: readonly Segment[], maxBytes = MAX_MESSAGE_BYTES): Segment[][] {
  const parts: Segment[][] = []
  let current: Segment[] = []
  let used = 0
  const flush = (): void => {
    if (current.length > 0) parts.push(current)
    current = []
    used = 0
  }
  for (const seg of segments) {
    if (seg.type !== 'text') {
      const cost = seg.type === 'face' ? FACE_BYTES : 0
      if (used + cost > maxBytes) flush()
      current.push(seg)
      used += cost
      continue
    }
    let rest = seg.text
    while (rest !== '') {
      if (used + byteLength(rest) <= maxBytes) {
        current.push({ type: 'text', text: rest })
        used += byteLength(rest)
        break
      }
      const cut = cutPoint(rest, maxBytes - used)
      if (cut === 0) {
        if (current.length === 0) throw new Error(`maxBytes ${maxBytes} is smaller than one character`)
        flush()
        continue
      }
      current.push({ type: 'text', text: rest.slice(0, cut) })
      rest = rest.slice(cut)
      flush()
    }
  }
  flush()
  return parts
}
