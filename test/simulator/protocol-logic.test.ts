import { describe, expect, it } from 'vitest'
import { Account } from '../../src/simulator/account'
import { contactHash, hash33, time33 } from '../../src/simulator/protocol-hashes'
import { escapeMessageText, escapeName, parseSentContent, receivedContent } from '../../src/simulator/wire-content'
import { senderFont } from '../../src/simulator/fonts'

describe('protocol hashes (own implementation, reference vectors)', () => {
  it('hash33 of the RB qrsig is 1578021742', () => {
    expect(hash33('SwlhcuQG7e3Ywa-G7*cOuSuI12krcArZjB4LcBnPoz5n8UWVomFEXsuF6tPGEauE')).toBe(1578021742)
  })
  it('contact hash of uin 398565080 with its ptwebqq is 5D52018255D15093', () => {
    expect(contactHash(398565080, '3d2a1d96e3c119ee6074807abcb4f13d6dd7db591a2988108c926ef62ca0fcee')).toBe('5D52018255D15093')
    expect(contactHash(398565080, '')).toBe('0052008200D10093')
  })
  it('time33 wraps at 2^32 without masking', () => {
    expect(time33('a')).toBe(97)
    expect(time33('ab')).toBe(97 * 33 + 98)
    expect(time33('x'.repeat(40))).toBeLessThan(2 ** 32)
  })
})

describe('wire content', () => {
  it('escapes names and message text as real servers did', () => {
    expect(escapeName('Tom&Jerry <"x">')).toBe('Tom&amp;Jerry &lt;&quot;x&quot;&gt;')
    expect(escapeName('A\u00a0B')).toBe('A\u00a0B')
    expect(escapeMessageText('a\u00a0b\nc<d>')).toBe('a&nbsp;b\r\nc&lt;d&gt;')
  })
  it('puts the font first in received content and drops pictures', () => {
    const c = receivedContent([{ type: 'text', text: 'hi' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }], false)
    expect(c[0]).toEqual(['font', expect.objectContaining({ name: '微软雅黑', size: 10 })])
    expect(c.slice(1)).toEqual(['hi', ['face', 14]])
    expect(receivedContent([{ type: 'face', id: 14, name: '微笑' }], true)[1]).toEqual(['face', 0])
  })
  it('accepts only a string holding an array with the font last', () => {
    const font = ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]
    expect(parseSentContent(JSON.stringify(['a', ['face', 14], font]))).toEqual({
      ok: true,
      segments: [
        { type: 'text', text: 'a' },
        { type: 'face', id: 14, name: '微笑' }
      ],
      font: { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }
    })
    expect(parseSentContent(['a', font]).ok).toBe(false)
    expect(parseSentContent(JSON.stringify([font, 'a'])).ok).toBe(false)
    expect(parseSentContent('not json').ok).toBe(false)
    expect(parseSentContent(JSON.stringify(['a', ['pic', 1], font])).ok).toBe(false)
    expect(parseSentContent(JSON.stringify(['a', ['font', 'x']])).ok).toBe(false)
  })
  it('delivers a given font first, and gives demo senders a few different ones', () => {
    const red = { name: '楷体', size: 12, style: [1, 0, 0], color: 'ff0000' }
    expect(receivedContent([{ type: 'text', text: 'hi' }], false, red)[0]).toEqual(['font', red])
    const fonts = new Set(Array.from({ length: 40 }, (_, i) => JSON.stringify(senderFont(100000 + i))))
    expect(fonts.size).toBeGreaterThanOrEqual(4)
    expect([...fonts].some((f) => (JSON.parse(f) as { color: string }).color !== '000000')).toBe(true)
    expect(senderFont(123456)).toEqual(senderFont(123456))
  })
})

describe('account generation', () => {
  const sizes = { buddies: 60, groups: 12, discussions: 3, groupMembers: 40, categories: 4 }
  it('is deterministic per seed', () => {
    const a = new Account(7, sizes)
    const b = new Account(7, sizes)
    const c = new Account(8, sizes)
    expect(b.self.qq).toBe(a.self.qq)
    expect(b.buddies.map((x) => [x.qq, x.nick])).toEqual(a.buddies.map((x) => [x.qq, x.nick]))
    expect(b.members(b.groups[3]!).map((m) => m.qq)).toEqual(a.members(a.groups[3]!).map((m) => m.qq))
    expect(c.buddies.map((x) => x.qq)).not.toEqual(a.buddies.map((x) => x.qq))
  })
  it('has unique QQ numbers, the account in every group, and tricky names somewhere', () => {
    const a = new Account(3, { ...sizes, buddies: 2000 })
    expect(new Set(a.buddies.map((b) => b.qq)).size).toBe(2000)
    for (const g of a.groups) expect(a.members(g).some((m) => m.qq === a.self.qq)).toBe(true)
    const nicks = a.buddies.map((b) => b.nick)
    expect(nicks.some((n) => /[&<>"]/.test(n))).toBe(true)
    expect(nicks.some((n) => n.includes('\u00a0'))).toBe(true)
    expect(a.buddies.some((b) => b.markname !== null)).toBe(true)
  })
  it('scales to 5 000 buddies and a 3 000-member group', () => {
    const a = new Account(5, {
      buddies: 5000,
      groups: 500,
      discussions: 20,
      groupMembers: 3000,
      categories: 8
    })
    expect(a.buddies).toHaveLength(5000)
    expect(a.groups).toHaveLength(500)
    expect(a.members(a.groups[0]!)).toHaveLength(3000)
    expect(a.members(a.groups[0]!).some((m) => m.card !== null)).toBe(true)
  })
})
