import { describe, expect, it } from 'vitest'
import { segmentsToText, type Segment } from '../../../src/shared/domain'
import { decodeSegments, encodeSegments } from '../../../src/main/store/segment-codec'

const cases: Segment[][] = [
  [{ type: 'text', text: '只有文字' }],
  [],
  [
    { type: 'text', text: 'a' },
    { type: 'text', text: 'b' }
  ],
  [{ type: 'face', id: 14, name: '微笑' }, { type: 'image' }, { type: 'text', text: '[微笑]看这里]' }],
  [
    { type: 'face', id: 14, name: '改过的名字' },
    { type: 'face', id: 9999, name: '表情' }
  ],
  [
    { type: 'text', text: '' },
    { type: 'text', text: '😀 emoji' }
  ]
]

describe('segment codec', () => {
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('round-trips %s', (_, segments) => {
    const text = segmentsToText(segments)
    expect(decodeSegments(encodeSegments(segments), text)).toEqual(segments)
  })

  it('stores nothing for the common single-text case and a short structure otherwise', () => {
    expect(encodeSegments([{ type: 'text', text: '你好' }])).toBeNull()
    expect(encodeSegments([{ type: 'text', text: '你好' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }])).toBe('t2,f14,i')
  })

  it('detects a column that does not match its text', () => {
    for (const [encoded, text] of [
      ['t5', 'abc'],
      ['t1', 'abc'],
      ['f14', 'xx微笑x'],
      ['i', '[图]'],
      ['', 'x'],
      ['t1,,i', 'a[图片]'],
      ['{"type":"text"}', 'a']
    ] as const) {
      expect(() => decodeSegments(encoded, text), `${encoded} / ${text}`).toThrow(expect.objectContaining({ code: 'corrupt-row' }))
    }
  })
})
