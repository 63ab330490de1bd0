import { describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

/** A plausible base time (2023): the store replaces times before 2000 with the time of storing. */
const T = 1_700_000_000

function seeded(): AccountStore {
  const s = openAccountStore(tempDir(), 'acc')
  const g = { conversation: 'group:code:1', kind: 'group' as const }
  const b = { conversation: 'buddy:qq:2', kind: 'buddy' as const }
  s.history.appendBatch([
    msg('g1', { ...g, time: T + 10, segments: [{ type: 'text', text: '今天天气真好' }] }),
    msg('g2', { ...g, time: T + 20, segments: [{ type: 'text', text: 'Meeting at 3PM' }] }),
    msg('g3', {
      ...g,
      time: T + 30,
      segments: [
        { type: 'text', text: '好的' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    }),
    msg('g4', { ...g, time: T + 40, segments: [{ type: 'text', text: '100% 确定 a_b' }] }),
    msg('b1', { ...b, time: T + 15, segments: [{ type: 'text', text: '天气预报说明天下雨' }] }),
    msg('b2', { ...b, time: T + 25, segments: [{ type: 'text', text: 'the meeting moved' }] })
  ])
  return s
}

const ids = (s: AccountStore, text: string, conversation?: string): string[] =>
  s.history.search({ text, ...(conversation ? { conversation } : {}) }).messages.map((m) => m.id)

describe('search', () => {
  it('finds 3+ character CJK substrings with FTS, newest first, globally and per conversation', () => {
    const s = seeded()
    expect(ids(s, '天气真')).toEqual(['g1'])
    expect(ids(s, '天气预报说')).toEqual(['b1'])
    expect(ids(s, '天气真', 'buddy:qq:2')).toEqual([])
    expect(ids(s, '下雨了')).toEqual([])
    s.close()
  })

  it('matches Latin case-insensitively', () => {
    const s = seeded()
    expect(ids(s, 'MEETING')).toEqual(['b2', 'g2'])
    expect(ids(s, 'meeting', 'group:code:1')).toEqual(['g2'])
    expect(ids(s, '3pm')).toEqual(['g2'])
    s.close()
  })

  it('searches what a person reads: faces as [name]', () => {
    const s = seeded()
    expect(ids(s, '[微笑]')).toEqual(['g3'])
    expect(ids(s, '微笑')).toEqual(['g3'])
    s.close()
  })

  it('falls back to LIKE for 1-2 character queries, with % and _ taken literally', () => {
    const s = seeded()
    expect(ids(s, '天气')).toEqual(['b1', 'g1'])
    expect(ids(s, '好')).toEqual(['g3', 'g1'])
    expect(ids(s, '天气', 'group:code:1')).toEqual(['g1'])
    expect(ids(s, '%')).toEqual(['g4'])
    expect(ids(s, '_')).toEqual(['g4'])
    expect(ids(s, 'Me')).toEqual(['b2', 'g2'])
    expect(ids(s, ' ')).toEqual([])
    s.close()
  })

  it('returns only messages holding the whole query, not merely all of its trigrams', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.appendBatch([
      msg('split', { time: T + 1, segments: [{ type: 'text', text: '生日 快乐 日快乐生日快' }] }),
      msg('whole', { time: T + 2, segments: [{ type: 'text', text: '祝你生日快乐' }] }),
      msg('latin', { time: T + 3, segments: [{ type: 'text', text: 'abc xbcd cde' }] })
    ])
    expect(ids(s, '生日快乐')).toEqual(['whole'])
    expect(ids(s, '生日快乐', 'group:code:1')).toEqual(['whole'])
    expect(ids(s, 'abcde')).toEqual([])
    expect(ids(s, 'bcd c')).toEqual(['latin'])
    s.close()
  })

  it('folds case beyond ASCII for 3+ characters, as the trigram index does', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.appendBatch([msg('fr', { segments: [{ type: 'text', text: "l'École est fermée" }] })])
    expect(ids(s, 'école')).toEqual(['fr'])
    expect(ids(s, 'FERMÉE', 'group:code:1')).toEqual(['fr'])
    s.close()
  })

  it('treats FTS syntax in the query as plain text', () => {
    const s = seeded()
    expect(ids(s, 'the "meeting')).toEqual([])
    expect(ids(s, 'AND')).toEqual([])
    expect(ids(s, '100%')).toEqual(['g4'])
    expect(ids(s, 'a_b')).toEqual(['g4'])
    expect(ids(s, 'at 3PM OR x')).toEqual([])
    expect(ids(s, '"Meeting at"')).toEqual([])
    s.close()
  })

  it('orders per-conversation results by time and global results by arrival', () => {
    const s = openAccountStore(tempDir(), 'acc')
    // 'late' arrives after 'early' but carries an older time (an offline message delivered at login).
    s.history.appendBatch([msg('early', { time: T + 200, segments: [{ type: 'text', text: '共同的话题' }] })])
    s.history.appendBatch([msg('late', { time: T + 100, segments: [{ type: 'text', text: '共同的话题' }] })])
    expect(ids(s, '同的话', 'group:code:1')).toEqual(['early', 'late'])
    expect(ids(s, '同的话')).toEqual(['late', 'early'])
    expect(ids(s, '话题', 'group:code:1')).toEqual(['early', 'late'])
    expect(ids(s, '话题')).toEqual(['late', 'early'])
    s.close()
  })

  it('pages through many matches with the cursor', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.appendBatch(
      Array.from({ length: 120 }, (_, i) =>
        msg(`m${i}`, { time: T + 1000 + Math.floor(i / 7), segments: [{ type: 'text', text: `第${i}条消息内容` }] })
      )
    )
    for (const text of ['消息内', '消息']) {
      const seen: string[] = []
      let before: string | null = null
      do {
        const page = s.history.search({ text, limit: 25, before })
        seen.push(...page.messages.map((m) => m.id))
        before = page.next
      } while (before)
      expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `m${119 - i}`))
    }
    s.close()
  })
})
