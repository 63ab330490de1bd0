/** A small seeded generator of segment lists for the codec and splitter properties. */
import type { Segment } from '../../../src/shared/domain'
import { faceName } from '../../../src/shared/faces'
import { mulberry32 } from '../../../src/simulator/prng'

/** Seeded test data; the PRNG is the simulator's (a test-data utility, not protocol logic). */
export const rng = mulberry32

const PIECES = [
  '你好',
  '世界',
  'hello',
  ' ',
  '\n',
  '"',
  "'",
  '\\',
  '\\n',
  '&lt;',
  '&amp;',
  '&#39;',
  '<b>',
  '&',
  '😀',
  '👍🏽',
  '𠀀',
  'é',
  '\t',
  '  ',
  'a',
  '１２３',
  '\u00a0',
  '[微笑]',
  '/',
  '{"x":1}',
  'ZWJ👨‍👩‍👧'
]
const FACE_IDS = [0, 1, 14, 21, 179, 212, 999]

export function randomText(next: () => number, maxPieces: number): string {
  let s = ''
  const n = 1 + Math.floor(next() * maxPieces)
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)]
  return s
}

/** A random list of text and face segments (texts never adjacent, as decode merges them). */
export function randomSegments(next: () => number, maxLen = 8, maxPieces = 6): Segment[] {
  const out: Segment[] = []
  const n = 1 + Math.floor(next() * maxLen)
  for (let i = 0; i < n; i++) {
    if (next() < 0.35 || out[out.length - 1]?.type === 'text') {
      const id = FACE_IDS[Math.floor(next() * FACE_IDS.length)]
      out.push({ type: 'face', id, name: faceName(id) })
    } else {
      out.push({ type: 'text', text: randomText(next, maxPieces) })
    }
  }
  return out
}
