import { describe, expect, it } from 'vitest'
import { cleanName, decodeContent, encodeContent, SEND_FONT, unescapeHtml } from '../../../src/main/protocol'
import { randomSegments, rng } from './gen'

/** What the server does between a send and the poll that delivers it: font first, HTML-escaped text, CRLF. */
function asDelivered(encoded: string): unknown[] {
  const parts = JSON.parse(encoded) as unknown[]
  const font = parts.pop()
  const escaped = parts.map((p) =>
    typeof p === 'string'
      ? p
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;')
          .replace(/\u00a0/g, '&nbsp;')
          .replace(/\n/g, '\r\n')
      : p
  )
  return [font, ...escaped]
}

describe('encodeContent', () => {
  it('produces the seed string exactly, font last', () => {
    const s = encodeContent([
      { type: 'text', text: 'hello ' },
      { type: 'face', id: 14, name: '微笑' },
      { type: 'text', text: 'world' }
    ])
    expect(s).toBe('["hello ",["face",14],"world",["font",{"name":"宋体","size":10,"style":[0,0,0],"color":"000000"}]]')
  })

  it('leaves images out (SmartQQ cannot send them)', () => {
    expect(encodeContent([{ type: 'image' }, { type: 'text', text: 'x' }])).toBe(JSON.stringify(['x', SEND_FONT]))
  })
})

describe('decodeContent', () => {
  const font = ['font', { name: '微软雅黑', size: 10, style: [0, 0, 0], color: '000000' }]

  it('decodes font-first content with faces, images and entities', () => {
    const segs = decodeContent([
      font,
      'a &lt;b&gt; &amp;amp; &#x1F600;&#128512;&nbsp;\r\nz',
      ['face', 14],
      ['offpic', { file_path: '/x' }],
      ['cface', { name: 'y' }],
      ['face', 999]
    ])
    expect(segs).toEqual([
      { type: 'text', text: 'a <b> &amp; 😀😀\u00a0\nz' },
      { type: 'face', id: 14, name: '微笑' },
      { type: 'image' },
      { type: 'image' },
      { type: 'face', id: 999, name: '表情' }
    ])
  })

  it('reads \\u0026lt; in the JSON as an entity', () => {
    const content = JSON.parse('["\\u0026lt;tag\\u0026gt;"]') as unknown[]
    expect(decodeContent([font, ...content])).toEqual([{ type: 'text', text: '<tag>' }])
  })

  it('a font-only content is a picture from another client', () => {
    expect(decodeContent([font])).toEqual([{ type: 'image' }])
  })

  it('an unknown element kind becomes visible text, not silence', () => {
    expect(decodeContent([font, 'x', ['shake', {}]])).toEqual([{ type: 'text', text: 'x[shake]' }])
  })

  it('encode -> server delivery -> decode is the identity for random segment lists', () => {
    const next = rng(20151221)
    for (let i = 0; i < 2000; i++) {
      const segs = randomSegments(next)
      expect(decodeContent(asDelivered(encodeContent(segs)))).toEqual(segs)
    }
  })
})

describe('names', () => {
  it('unescape entities and turn U+00A0 into a space', () => {
    expect(cleanName('Tom&nbsp;&amp;&nbsp;Jerry\u00a0&#39;s')).toBe("Tom & Jerry 's")
    expect(unescapeHtml('&bogus; &#xD800; &amp;lt;')).toBe('&bogus; &#xD800; &lt;')
  })
})
