import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile } from '../../../src/main/store'
import { LATEST_VERSION, migrate, readVersion } from '../../../src/main/store/schema'
import { msg, tempDir } from './helpers'

describe('schema migrations', () => {
  it('takes a v1 file with data to the latest version without losing anything', () => {
    const path = accountDbPath(tempDir(), 'acc')
    // A v1 file as the first release wrote it: history only, no outbox, no delivery columns.
    const v1 = new DatabaseSync(path)
    v1.exec('PRAGMA journal_mode = WAL')
    migrate(v1, 1)
    expect(readVersion(v1)).toBe(1)
    v1.exec(`INSERT INTO conversations (key, kind, title, last_time, last_seq, last_preview, last_sender_name, unread)
      VALUES ('group:code:1', 'group', '老群', 1700000001, 2, '第二条[微笑]', '李四', 2)`)
    v1.exec(`INSERT INTO senders (key, name) VALUES ('qq:1', '张三'), ('qq:2', '李四')`)
    v1.exec(`INSERT INTO messages (id, conv, sender, self, time, segs, text) VALUES
      ('e1', 1, 1, 0, 1700000000, NULL, '第一条消息'),
      ('e2', 1, 2, 0, 1700000001, 't3,f14', '第二条[微笑]')`)
    v1.close()

    const s = openStoreFile(path)
    expect(s.report).toMatchObject({ fromVersion: 1, toVersion: LATEST_VERSION, created: false, movedAside: null })
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(3)
    const page = s.history.page('group:code:1')
    expect(page.messages.map((m) => [m.id, m.senderName, m.text, m.state, m.outboxId])).toEqual([
      ['e2', '李四', '第二条[微笑]', null, null],
      ['e1', '张三', '第一条消息', null, null]
    ])
    expect(page.messages[0]!.segments).toEqual([
      { type: 'text', text: '第二条' },
      { type: 'face', id: 14, name: '微笑' }
    ])
    expect(s.history.getConversation('group:code:1')).toMatchObject({ title: '老群', unread: 2, lastPreview: '第二条[微笑]' })
    // The FTS index built under v1 still answers, and v2 features work on the migrated file.
    expect(s.history.search({ text: '第一条' }).messages.map((m) => m.id)).toEqual(['e1'])
    const e = s.outbox.enqueue({
      conversation: 'group:code:1',
      kind: 'group',
      target: { code: 1 },
      segments: [{ type: 'text', text: '新' }],
      message: { sender: 'qq:9', senderName: '我' }
    })
    expect(s.history.getMessage(e.messageId!)!.state).toBe('queued')
    s.close()

    const again = openStoreFile(path)
    expect(again.report).toMatchObject({ fromVersion: LATEST_VERSION, toVersion: LATEST_VERSION })
    expect(again.history.page('group:code:1').messages).toHaveLength(3)
    again.close()
  })

  it('takes a v2 file with data to v3: existing messages searchable under the new index, new ones too', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    const v2 = new DatabaseSync(path)
    v2.exec('PRAGMA journal_mode = WAL')
    migrate(v2, 2)
    v2.exec(`INSERT INTO conversations (key, kind, title) VALUES ('group:code:1', 'group', '群')`)
    v2.exec(`INSERT INTO senders (key, name) VALUES ('qq:1', '张三')`)
    // Indexed by v2's trigger into the detail=full index, which v3 replaces.
    v2.exec(`INSERT INTO messages (id, conv, sender, self, time, segs, text, state) VALUES
      ('old1', 1, 1, 0, 100, NULL, '明天下午三点开会', NULL),
      ('old2', 1, 1, 0, 200, NULL, 'Release V2 is out', NULL),
      ('old3', 1, 1, 1, 300, NULL, '下午茶 三点半', 'sent')`)
    v2.close()

    const s = openStoreFile(path)
    expect(s.report).toMatchObject({ fromVersion: 2, toVersion: LATEST_VERSION })
    s.history.appendBatch([msg('new1', { time: 400, segments: [{ type: 'text', text: '今天下午三点见' }] })])
    const ids = (text: string): string[] => s.history.search({ text }).messages.map((m) => m.id)
    expect(ids('下午三点')).toEqual(['new1', 'old1'])
    expect(ids('三点开会')).toEqual(['old1'])
    expect(ids('release v2')).toEqual(['old2'])
    expect(ids('下午')).toEqual(['new1', 'old3', 'old1'])
    expect(s.history.search({ text: '下午三', conversation: 'group:code:1' }).messages.map((m) => m.id)).toEqual(['new1', 'old1'])
    // new1 is indexed in the background; the index matches its content table once that is done.
    expect(await s.searchIndex.caughtUp()).toBe(true)
    s.close()

    const db = new DatabaseSync(path)
    const fts = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'messages_fts'`).get() as { sql: string }
    expect(fts.sql).toContain('detail = none')
    // FTS5 compares its index with the content table and throws SQLITE_CORRUPT_VTAB on any difference.
    expect(() => db.exec(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow()
    db.close()
  })

  it('creates a fresh file at the latest version', () => {
    const s = openStoreFile(accountDbPath(tempDir(), 'acc'))
    expect(s.report).toMatchObject({ created: true, fromVersion: 0, toVersion: LATEST_VERSION })
    s.close()
  })
})
