import { describe, expect, it } from 'vitest'
import { AVATAR_TONES, avatarTone } from '../../src/renderer/src/lib/avatar'
import { composeSegments } from '../../src/renderer/src/lib/compose-segments'
import { PICKER_FACES, faceGlyph } from '../../src/renderer/src/lib/face-glyphs'
import { splitMatches } from '../../src/renderer/src/lib/highlight'
import { mayHaveLinks, splitLinks } from '../../src/renderer/src/lib/links'
import { dayLabel, rowLayout, stableRowLayout } from '../../src/renderer/src/lib/message-layout'
import { fakeMessage } from './fake-api'

describe('splitLinks', () => {
  const links = (text: string) =>
    splitLinks(text)
      .filter((p) => p.href)
      .map((p) => [p.text, p.href])

  it('finds http(s), mailto and bare www links and keeps the rest as text', () => {
    const parts = splitLinks('see https://example.com/a?b=1 and www.qq.com, mail mailto:me@qq.com')
    expect(parts.map((p) => p.text).join('')).toBe('see https://example.com/a?b=1 and www.qq.com, mail mailto:me@qq.com')
    expect(links('see https://example.com/a?b=1 and www.qq.com, mail mailto:me@qq.com')).toEqual([
      ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
      ['www.qq.com', 'https://www.qq.com/'],
      ['mailto:me@qq.com', 'mailto:me@qq.com']
    ])
  })

  it('leaves trailing punctuation and unbalanced brackets out, keeps balanced ones, stops at CJK punctuation', () => {
    expect(links('(see http://a.com/x).')).toEqual([['http://a.com/x', 'http://a.com/x']])
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar) ok')).toEqual([
      ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']
    ])
    expect(links('看这个http://qq.com/页面，好')).toEqual([['http://qq.com/页面', 'http://qq.com/%E9%A1%B5%E9%9D%A2']])
    expect(links('“www.baidu.com”')).toEqual([['www.baidu.com', 'https://www.baidu.com/']])
  })

  it('says a text may have links whenever splitLinks finds one, and not for plain text', () => {
    const texts = [
      'see https://example.com/a?b=1 and www.qq.com, mail mailto:me@qq.com',
      '看这个http://qq.com/页面，好',
      'HTTPS://EXAMPLE.COM',
      'WWW.QQ.COM',
      'MailTo:me@qq.com',
      '(see http://a.com/x).'
    ]
    for (const text of texts) {
      expect(splitLinks(text).some((p) => p.href)).toBe(true)
      expect(mayHaveLinks(text)).toBe(true)
    }
    expect(mayHaveLinks('今天晚上一起吃饭，好的没问题 哈哈 www qq com')).toBe(false)
    expect(mayHaveLinks('')).toBe(false)
  })

  it('ignores what only looks like a link start, and other schemes', () => {
    expect(links('http:// nothing, https://localhost, javascript:alert(1), file:///etc/passwd, mailto:nobody')).toEqual([])
  })
})

describe('splitMatches', () => {
  it('marks every case-insensitive occurrence', () => {
    expect(splitMatches('Hello hello HELLO!', 'hello')).toEqual([
      { text: 'Hello', mark: true },
      { text: ' ', mark: false },
      { text: 'hello', mark: true },
      { text: ' ', mark: false },
      { text: 'HELLO', mark: true },
      { text: '!', mark: false }
    ])
    expect(splitMatches('晚上一起吃饭吗', '吃饭')).toEqual([
      { text: '晚上一起', mark: false },
      { text: '吃饭', mark: true },
      { text: '吗', mark: false }
    ])
    expect(splitMatches('<b>x</b>', null)).toEqual([{ text: '<b>x</b>', mark: false }])
  })
})

describe('composeSegments', () => {
  it('turns bracketed face names into faces and leaves other brackets as text', () => {
    expect(composeSegments('hi [微笑][not a face] [强]!')).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'face', id: 14 },
      { type: 'text', text: '[not a face] ' },
      { type: 'face', id: 46 },
      { type: 'text', text: '!' }
    ])
    expect(composeSegments('no faces [here]')).toBeNull()
  })
})

describe('faces and avatars', () => {
  it('draws every face of the table with its own glyph from a varied set', () => {
    expect(PICKER_FACES.length).toBeGreaterThan(100)
    const glyphs = new Set(PICKER_FACES.map((f) => faceGlyph(f.id)))
    expect(glyphs.size).toBeGreaterThan(120)
    expect(faceGlyph(14)).toBe('🙂')
  })

  it('gives a contact key one stable tone and spreads keys over the palette', () => {
    expect(avatarTone('buddy:qq:123')).toBe(avatarTone('buddy:qq:123'))
    const tones = new Set(Array.from({ length: 200 }, (_, i) => avatarTone(`buddy:qq:${i}`)))
    expect(tones.size).toBe(AVATAR_TONES)
    for (const t of tones) expect(t).toBeGreaterThanOrEqual(0)
  })
})

describe('rowLayout', () => {
  const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)
  it('groups one sender within five minutes on one day, and separates days, senders and gaps', () => {
    const m = [
      fakeMessage('group', 1, 1, { from: { uin: 5, name: 'a' }, time: at('2024-05-01T23:58:00') }),
      fakeMessage('group', 1, 2, { from: { uin: 5, name: 'a' }, time: at('2024-05-01T23:59:00') }),
      fakeMessage('group', 1, 3, { from: { uin: 5, name: 'a' }, time: at('2024-05-02T00:01:00') }),
      fakeMessage('group', 1, 4, { from: { uin: 6, name: 'b' }, time: at('2024-05-02T00:02:00') }),
      fakeMessage('group', 1, 5, { from: { uin: 6, name: 'b' }, time: at('2024-05-02T00:20:00') }),
      fakeMessage('group', 1, 6, { from: { uin: 6, name: 'b' }, time: at('2024-05-02T00:21:00'), gapBefore: { reason: 'relink', recordedAt: 1 } }),
      fakeMessage('group', 1, 7, { self: true, time: at('2024-05-02T00:22:00') })
    ]
    const rows = m.map((_, i) => rowLayout(m, i))
    expect(rows.map((r) => r.dayStart)).toEqual([true, false, true, false, false, false, false])
    expect(rows.map((r) => r.groupStart)).toEqual([true, false, true, true, true, true, true])
    expect(rows.map((r) => r.groupEnd)).toEqual([false, true, true, true, true, true, true])
  })

  it('gives a row the same layout object while its neighbours stay, and a fresh one when they change', () => {
    const m = [fakeMessage('group', 1, 1), fakeMessage('group', 1, 2), fakeMessage('group', 1, 3)]
    const first = stableRowLayout(m, 2)
    expect(first).toEqual(rowLayout(m, 2))
    expect(stableRowLayout(m, 2)).toBe(first)
    expect(stableRowLayout([...m], 2)).toBe(first)
    // A newer message from the same sender now follows: the row is no longer the end of its group.
    const later = [...m, fakeMessage('group', 1, 4, { from: m[2]!.from, time: m[2]!.time + 1 })]
    const next = stableRowLayout(later, 2)
    expect(next).not.toBe(first)
    expect(next).toEqual({ dayStart: false, groupStart: true, groupEnd: false })
    // Older messages joining above move the row, not its neighbours.
    expect(stableRowLayout([fakeMessage('group', 1, 0), ...later], 3)).toBe(next)
  })

  it('labels days as today, yesterday, a weekday, a date', () => {
    const now = new Date('2024-05-10T12:00:00').getTime()
    const words = { today: 'Today', yesterday: 'Yesterday' }
    expect(dayLabel(at('2024-05-10T01:00:00'), now, 'en', words)).toBe('Today')
    expect(dayLabel(at('2024-05-09T23:00:00'), now, 'en', words)).toBe('Yesterday')
    expect(dayLabel(at('2024-05-06T10:00:00'), now, 'en', words)).toBe('Monday')
    expect(dayLabel(at('2024-01-02T10:00:00'), now, 'en', words)).toBe('January 2')
    expect(dayLabel(at('2023-01-02T10:00:00'), now, 'en', words)).toBe('January 2, 2023')
  })
})
