import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile } from '../../../src/main/store'
import { REPAIR_TIMES_VERSION, migrate } from '../../../src/main/store/schema'
import { msg, tempDir } from './helpers'

const NOW_S = 1_790_000_000
const clock = { now: () => NOW_S * 1000 }

describe('impossible message times', () => {
  it('appendBatch stores the time of storing instead, says which, and the preview follows later messages', () => {
    const s = openStoreFile(accountDbPath(tempDir(), 'acc'), clock)
    const result = s.history.appendBatch([
      msg('far-future', { time: 1e20 }),
      msg('1970', { time: 5 }),
      msg('two-days-ahead', { time: NOW_S + 2 * 86_400 }),
      msg('skewed-a-bit', { time: NOW_S + 60 }),
      msg('normal', { time: NOW_S - 100 })
    ])
    expect(result.timeAdjusted).toEqual(['far-future', '1970', 'two-days-ahead'])
    const times = Object.fromEntries(s.history.page('group:code:1').messages.map((m) => [m.id, m.time]))
    expect(times).toEqual({ 'far-future': NOW_S, '1970': NOW_S, 'two-days-ahead': NOW_S, 'skewed-a-bit': NOW_S + 60, normal: NOW_S - 100 })
    s.history.appendBatch([msg('next', { time: NOW_S + 120, segments: [{ type: 'text', text: '后来的消息' }] })])
    expect(s.history.getConversation('group:code:1')).toMatchObject({ lastTime: NOW_S + 120, lastPreview: '后来的消息' })
    expect(s.history.appendBatch([msg('fine', { time: NOW_S })]).timeAdjusted).toBeUndefined()
    s.close()
  })

  it('opening a file from before the repair fixes stored rows, the preview and the read position', () => {
    const path = accountDbPath(tempDir(), 'acc')
    const old = new DatabaseSync(path)
    old.exec('PRAGMA journal_mode = WAL')
    migrate(old, REPAIR_TIMES_VERSION - 1)
    old.exec(`INSERT INTO conversations (key, kind, title, last_time, last_seq, last_preview, last_sender_name, read_time, read_seq)
      VALUES ('group:code:1', 'group', '群', 1e20, 2, 'pinned for ever', '张三', 1e20, 2)`)
    old.exec(`INSERT INTO senders (key, name) VALUES ('qq:1', '张三')`)
    old.exec(`INSERT INTO messages (seq, id, conv, sender, self, time, segs, text) VALUES
      (1, 'first', 1, 1, 0, 1700000000, NULL, '第一条'),
      (2, 'garbage', 1, 1, 0, 1e20, NULL, 'pinned for ever'),
      (3, 'negative', 1, 1, 0, -1, NULL, '负数时间'),
      (4, 'last', 1, 1, 0, 1700000300, NULL, '最后一条')`)
    old.close()

    const s = openStoreFile(path)
    const page = s.history.page('group:code:1').messages
    expect(page.map((m) => [m.id, m.time])).toEqual([
      ['last', 1_700_000_300],
      ['negative', 1_700_000_000],
      ['garbage', 1_700_000_000],
      ['first', 1_700_000_000]
    ])
    const c = s.history.getConversation('group:code:1')!
    expect(c).toMatchObject({ lastTime: 1_700_000_300, lastPreview: '最后一条', lastSenderName: '张三' })
    expect(c.lastRead).toBe(page[0]!.cursor)
    s.close()
  })

  it('exports a row no Date can hold (written behind the store’s back) instead of failing half-way', () => {
    const path = accountDbPath(tempDir(), 'acc')
    const s = openStoreFile(path)
    s.history.upsertConversation('group:code:1', 'group', '群')
    s.history.appendBatch([msg('ok', { time: 1_700_000_000 })])
    const raw = new DatabaseSync(path)
    raw.exec(`INSERT INTO messages (id, conv, sender, self, time, segs, text) VALUES ('bad', 1, 1, 0, 1e20, NULL, 'still exported')`)
    raw.close()
    const txt = s.history.exportConversation('group:code:1', 'txt', { timeZone: 'UTC' })
    expect(txt).toContain('[2023-11-14 22:13:20] 张三: text of ok')
    expect(txt).toContain('[time 100000000000000000000] 张三: still exported')
    expect(JSON.parse(s.history.exportConversation('group:code:1', 'json')).messages).toHaveLength(2)
    s.close()
  })
})
