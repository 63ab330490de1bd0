import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES, splitForSending } from '../../../src/main/protocol'
import { FACE_BYTES } from '../../../src/main/protocol/split'
import type { Segment } from '../../../src/shared/domain'
import { randomSegments, rng } from './gen'

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function cost(part: Segment[]): number {
  return part.reduce((n, s) => n + (s.type === 'text' ? bytes(s.text) : s.type === 'face' ? FACE_BYTES : 0), 0)
}

/** Concatenation of parts with adjacent texts merged, to compare with the input. */
function joined(parts: Segment[][]): Segment[] {
  const out: Segment[] = []
  for (const s of parts.flat()) {
    const last = out[out.length - 1]
    if (s.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + s.text }
    else out.push(s)
  }
  return out
}

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)
}

describe('splitForSending', () => {
  it('leaves a short message alone', () => {
    const segs: Segment[] = [
      { type: 'text', text: '你好' },
      { type: 'face', id: 14, name: '微笑' }
    ]
    expect(splitForSending(segs)).toEqual([segs])
  })

  it('cuts CJK text at the last whole character within 720 bytes', () => {
    const text = '汉'.repeat(500) // 1500 bytes, 3 per char
    const parts = splitForSending([{ type: 'text', text }])
    expect(parts.map((p) => cost(p))).toEqual([720, 720, 60])
  })

  it('prefers a whitespace break within the last 100 bytes', () => {
    const text = 'a'.repeat(650) + ' ' + 'b'.repeat(200)
    const parts = splitForSending([{ type: 'text', text }])
    expect(parts[0]).toEqual([{ type: 'text', text: 'a'.repeat(650) + ' ' }])
    const far = 'a'.repeat(100) + ' ' + 'b'.repeat(900)
    expect(cost(splitForSending([{ type: 'text', text: far }])[0])).toBe(720)
  })

  it('never splits a surrogate pair', () => {
    const text = 'x' + '😀'.repeat(400) // 1 + 1600 bytes: 720 is not on a 4-byte boundary after the x
    const parts = splitForSending([{ type: 'text', text }])
    for (const p of parts) for (const s of p) if (s.type === 'text') expect(hasLoneSurrogate(s.text)).toBe(false)
    expect(cost(parts[0])).toBe(717)
  })

  it('random long lists: every part fits, no cut character, join gives the input back', () => {
    const next = rng(720)
    for (let i = 0; i < 300; i++) {
      const segs = randomSegments(next, 30, 300)
      const parts = splitForSending(segs)
      for (const p of parts) {
        expect(cost(p)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES)
        expect(p.length).toBeGreaterThan(0)
        for (const s of p) if (s.type === 'text') expect(hasLoneSurrogate(s.text)).toBe(false)
      }
      expect(joined(parts)).toEqual(segs)
    }
  })
})
