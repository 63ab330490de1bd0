import { describe, expect, it } from 'vitest'
import { DesktopModel } from '../../../src/main/desktop/desktop-model'
import type { NotificationAction } from '../../../src/main/desktop/notification-model'
import { MAX_LINE_GRAPHEMES, MAX_TITLE_GRAPHEMES } from '../../../src/main/desktop/notification-text'
import { buddyMessage, groupMessage, settingsWith } from './fixtures'

function model(platform: string): DesktopModel {
  const m = new DesktopModel(settingsWith(), platform)
  m.setSignedIn(true)
  return m
}

function shown(actions: NotificationAction[]): { title: string; body: string } {
  const show = actions.find((a) => a.type === 'show')
  if (show?.type !== 'show') throw new Error('no notification shown')
  return { title: show.notification.title, body: show.notification.body }
}

const graphemes = (s: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment)
/** Controls other than the body's one line break, bidi formatting, and lone surrogates. */
const FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u

function expectClean(n: { title: string; body: string }): void {
  expect(n.title).not.toMatch(FORBIDDEN)
  for (const line of n.body.split('\n')) expect(line).not.toMatch(FORBIDDEN)
  expect(n.title.isWellFormed()).toBe(true)
  expect(n.body.isWellFormed()).toBe(true)
}

describe('notifications carry no hostile text to the operating system', () => {
  it('escapes markup in the body on Linux (its servers render it) and leaves it literal elsewhere', () => {
    const text = '<a href="file:///etc/passwd">click</a> <img src=x> & more'
    const linux = shown(model('linux').onMessage(buddyMessage(text, { from: '<b>Eve</b>' }), false).actions)
    expect(linux.body).not.toMatch(/[<>]/)
    expect(linux.body).toBe('&#60;a href=&#34;file:///etc/passwd&#34;&#62;click&#60;/a&#62; &#60;img src=x&#62; &#38; more')
    // The title is a plain-text summary on every platform: escaping it would show entities.
    expect(linux.title).toBe('<b>Eve</b>')
    for (const platform of ['win32', 'darwin']) {
      expect(shown(model(platform).onMessage(buddyMessage(text), false).actions).body).toBe(text)
    }
  })

  it('drops NUL and other controls, bidi overrides and isolates from title, sender and text', () => {
    const nick = 'Ev\u202Ee\u0000gnp.exe\u2066'
    const n = shown(
      model('linux').onMessage(groupMessage('pay\u0000 now\u202E\u0007 \u200Fplease\u001b[31m', { group: 'G\u202Droup\u0000x', from: nick }), false)
        .actions
    )
    expectClean(n)
    expect(n.title).toBe('Groupx')
    expect(n.body).toBe('Evegnp.exe: pay now please[31m')
  })

  it('bounds a 100,000-character title and text, cut on grapheme boundaries', () => {
    const n = shown(model('linux').onMessage(buddyMessage('x'.repeat(100_000), { from: '名'.repeat(100_000) }), false).actions)
    expect(graphemes(n.title)).toHaveLength(MAX_TITLE_GRAPHEMES)
    expect(n.title.endsWith('…')).toBe(true)
    expect(graphemes(n.body)).toHaveLength(MAX_LINE_GRAPHEMES)
  })

  it('never splits a surrogate pair, an emoji sequence or a combining mark at the cut', () => {
    // 139 ASCII characters, then astral ones: the old cut at 140 code units split the first pair.
    for (const tail of ['😀', '👨‍👩‍👧‍👦', 'e\u0301', '🇨🇳']) {
      const text = 'a'.repeat(MAX_LINE_GRAPHEMES - 2) + tail.repeat(10)
      const n = shown(model('darwin').onMessage(buddyMessage(text), false).actions)
      expectClean(n)
      const parts = graphemes(n.body)
      expect(parts).toHaveLength(MAX_LINE_GRAPHEMES)
      expect(parts.at(-2)).toBe(tail)
      expect(parts.at(-1)).toBe('…')
    }
  })

  it('repairs lone surrogates and keeps a nick of nothing but bidi marks titled', () => {
    const n = shown(model('win32').onMessage(buddyMessage('half \uD83D pair \uDE00', { from: '\u202E\u202D\u2067' }), false).actions)
    expectClean(n)
    expect(n.title).toBe('QQ Desktop')
    expect(n.body).toBe('half \uFFFD pair \uFFFD')
  })
})
