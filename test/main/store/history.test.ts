import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

/** A plausible base time (2023): the store replaces times before 2000 with the time of storing. */
const T = 1_700_000_000

function open(): AccountStore {
  return openAccountStore(tempDir(), 'qq:42')
}

describe('appendBatch', () => {
  it('stores an event once and reports which ids were new', () => {
    const s = open()
    expect(s.history.appendBatch([msg('a'), msg('b')])).toEqual({ inserted: ['a', 'b'], duplicates: [] })
    expect(s.history.appendBatch([msg('b'), msg('c'), msg('c')])).toEqual({ inserted: ['c'], duplicates: ['b', 'c'] })
    expect(s.history.page('group:code:1').messages.map((m) => m.id)).toEqual(['c', 'b', 'a'])
    s.close()
  })

  it('round-trips every field, with text as a person reads it', () => {
    const s = open()
    s.history.appendBatch([
      msg('x', {
        self: true,
        state: 'sent',
        ref: 'r1',
        outboxId: 7,
        sender: 'qq:1',
        senderName: '我',
        time: 1_700_000_123,
        segments: [{ type: 'text', text: '你好' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }, { type: 'face', id: 999, name: '怪' }]
      })
    ])
    const m = s.history.getMessage('x')!
    expect(m).toMatchObject({
      id: 'x',
      conversation: 'group:code:1',
      kind: 'group',
      sender: 'qq:1',
      senderName: '我',
      self: true,
      time: 1_700_000_123,
      text: '你好[微笑][图片][怪]',
      state: 'sent',
      ref: 'r1',
      outboxId: 7
    })
    expect(m.segments).toEqual([
      { type: 'text', text: '你好' },
      { type: 'face', id: 14, name: '微笑' },
      { type: 'image' },
      { type: 'face', id: 999, name: '怪' }
    ])
    expect(m.damage).toBeUndefined()
    s.close()
  })

  it('is atomic: when SQLite fails mid-batch, earlier rows, new conversations and unread counts roll back', () => {
    const s = open()
    s.history.appendBatch([msg('first')])
    // Abort on a marker row, the way a full disk would abort the transaction half-way.
    const raw = new DatabaseSync(s.path)
    raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON messages WHEN new.text = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    raw.close()
    const batch = [msg('m1'), msg('m2', { conversation: 'buddy:qq:5', kind: 'buddy' }), msg('m3', { segments: [{ type: 'text', text: 'boom' }] })]
    expect(() => s.history.appendBatch(batch)).toThrow(expect.objectContaining({ code: 'io' }))
    expect(s.history.getMessage('m1')).toBeNull()
    expect(s.history.getConversation('buddy:qq:5')).toBeNull()
    expect(s.history.getConversation('group:code:1')!.unread).toBe(1)
    // The store stays usable after the failure.
    expect(s.history.appendBatch([msg('m1')]).inserted).toEqual(['m1'])
    s.close()
  })

  it('rejects malformed input with a typed error before touching the file', () => {
    const s = open()
    expect(() => s.history.appendBatch([msg('ok'), msg('')])).toThrow(expect.objectContaining({ code: 'bad-input' }))
    expect(() => s.history.appendBatch([msg('ok'), { ...msg('t'), time: 1.5 }])).toThrow(expect.objectContaining({ code: 'bad-input' }))
    expect(() => s.history.appendBatch([msg('a', { segments: [{ type: 'face', id: -1, name: 'x' }] })])).toThrow(
      expect.objectContaining({ code: 'bad-input' })
    )
    expect(s.history.listConversations()).toEqual([])
    s.close()
  })
})

describe('keyset paging', () => {
  it('walks many pages of equal timestamps without skipping or repeating', () => {
    const s = open()
    const ids: string[] = []
    const batch = []
    for (let i = 0; i < 1000; i++) {
      const id = `m${i}`
      ids.push(id)
      // Ten messages per second: every page boundary falls inside a run of equal times.
      batch.push(msg(id, { time: 1_700_000_000 + Math.floor(i / 10) }))
    }
    s.history.appendBatch(batch)
    s.history.appendBatch([msg('other', { conversation: 'buddy:qq:9', kind: 'buddy', time: 1_700_000_050 })])
    const seen: string[] = []
    let before: string | null = null
    let pages = 0
    do {
      const page = s.history.page('group:code:1', { limit: 33, before })
      seen.push(...page.messages.map((m) => m.id))
      before = page.next
      pages++
    } while (before !== null)
    expect(pages).toBe(Math.ceil(1000 / 33))
    expect(seen).toEqual([...ids].reverse())
    s.close()
  })

  it('returns next = null exactly when nothing older is left', () => {
    const s = open()
    s.history.appendBatch([msg('a', { time: T + 1 }), msg('b', { time: T + 2 })])
    const p1 = s.history.page('group:code:1', { limit: 2 })
    expect(p1.messages.map((m) => m.id)).toEqual(['b', 'a'])
    expect(p1.next).toBeNull()
    const p2 = s.history.page('group:code:1', { limit: 1 })
    expect(p2.next).not.toBeNull()
    expect(s.history.page('group:code:1', { before: p2.next }).messages.map((m) => m.id)).toEqual(['a'])
    expect(s.history.page('nope').messages).toEqual([])
    s.close()
  })

  it('orders by message time, not by arrival', () => {
    const s = open()
    s.history.appendBatch([msg('late', { time: T + 200 }), msg('early', { time: T + 100 })])
    expect(s.history.page('group:code:1').messages.map((m) => m.id)).toEqual(['late', 'early'])
    expect(s.history.getConversation('group:code:1')!.lastPreview).toBe('text of late')
    s.close()
  })

  it('rejects a cursor it did not hand out', () => {
    const s = open()
    expect(() => s.history.page('group:code:1', { before: 'DROP TABLE' })).toThrow(expect.objectContaining({ code: 'bad-cursor' }))
    s.close()
  })
})

describe('conversations, unread and markRead', () => {
  it('counts unread from others only, in the same write, and markRead resets it', () => {
    const s = open()
    s.history.upsertConversation('group:code:1', 'group', '吃瓜群')
    s.history.appendBatch([msg('a', { time: T + 10 }), msg('b', { time: T + 11 }), msg('mine', { time: T + 12, self: true, senderName: '我' })])
    let c = s.history.getConversation('group:code:1')!
    expect(c).toMatchObject({ title: '吃瓜群', unread: 2, lastTime: T + 12, lastPreview: 'text of mine', lastSenderName: '我', lastRead: null })
    s.history.markRead('group:code:1')
    c = s.history.getConversation('group:code:1')!
    expect(c.unread).toBe(0)
    expect(c.lastRead).toBe(s.history.getMessage('mine')!.cursor)
    s.history.appendBatch([msg('c', { time: T + 13 }), msg('a', { time: T + 10 })])
    expect(s.history.getConversation('group:code:1')!.unread).toBe(1)
    expect(() => s.history.markRead('buddy:none')).toThrow(expect.objectContaining({ code: 'not-found' }))
    s.close()
  })

  it('upsertConversations creates and renames several conversations in one call', () => {
    const s = open()
    s.history.upsertConversation('group:code:1', 'group', '旧名')
    s.history.upsertConversations([
      { key: 'group:code:1', kind: 'group', title: '新名' },
      { key: 'buddy:qq:5', kind: 'buddy', title: '老王' },
      { key: 'discuss:name:周末', kind: 'discuss', title: '周末' }
    ])
    s.history.upsertConversations([])
    expect(s.history.getConversation('group:code:1')!.title).toBe('新名')
    expect(s.history.getConversation('buddy:qq:5')).toMatchObject({ kind: 'buddy', title: '老王' })
    expect(s.history.getConversation('discuss:name:周末')).toMatchObject({ kind: 'discuss', title: '周末' })
    s.close()
  })

  it('lists conversations by latest activity', () => {
    const s = open()
    s.history.upsertConversation('discuss:d1', 'discuss', 'empty one')
    s.history.appendBatch([msg('a', { time: T + 5 }), msg('b', { conversation: 'buddy:qq:7', kind: 'buddy', time: T + 9 })])
    expect(s.history.listConversations().map((c) => c.key)).toEqual(['buddy:qq:7', 'group:code:1', 'discuss:d1'])
    s.close()
  })
})

describe('rekeyConversation', () => {
  it('renames when the new key is unused', () => {
    const s = open()
    s.history.appendBatch([msg('a', { conversation: 'buddy:fallback:x', kind: 'buddy' })])
    s.history.rekeyConversation('buddy:fallback:x', 'buddy:qq:5')
    expect(s.history.getConversation('buddy:fallback:x')).toBeNull()
    expect(s.history.page('buddy:qq:5').messages.map((m) => [m.id, m.conversation])).toEqual([['a', 'buddy:qq:5']])
    s.close()
  })

  it('merges history, unread, last message and outbox entries into an existing key', () => {
    const s = open()
    const b = { kind: 'buddy' as const }
    s.history.upsertConversation('buddy:qq:5', 'buddy', '老王')
    s.history.appendBatch([
      msg('old1', { ...b, conversation: 'buddy:fb', time: T + 100 }),
      msg('old2', { ...b, conversation: 'buddy:fb', time: T + 300 }),
      msg('new1', { ...b, conversation: 'buddy:qq:5', time: T + 200 })
    ])
    const e = s.outbox.enqueue({ conversation: 'buddy:fb', kind: 'buddy', target: { uin: 1 }, segments: [{ type: 'text', text: 'hi' }] })
    s.history.rekeyConversation('buddy:fb', 'buddy:qq:5')
    const c = s.history.getConversation('buddy:qq:5')!
    expect(c).toMatchObject({ title: '老王', unread: 3, lastTime: T + 300, lastPreview: 'text of old2' })
    expect(s.history.page('buddy:qq:5').messages.map((m) => m.id)).toEqual(['old2', 'new1', 'old1'])
    expect(s.history.getConversation('buddy:fb')).toBeNull()
    expect(s.outbox.get(e.id)!.conversation).toBe('buddy:qq:5')
    expect(s.history.search({ text: 'of old', conversation: 'buddy:qq:5' }).messages).toHaveLength(2)
    expect(() => s.history.rekeyConversation('buddy:none', 'buddy:x')).toThrow(expect.objectContaining({ code: 'not-found' }))
    s.close()
  })
})
