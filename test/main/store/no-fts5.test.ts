/**
 * A SQLite without FTS5 (Node 22.13–22.15, possibly an Electron): the store still opens, stores and
 * searches (by scanning), and gets its index back when opened again where FTS5 exists. The "no FTS5"
 * runtime is injected with the fullTextSearch option; the real probe is checked on this Node.
 */
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { fts5Available, withoutFullText } from '../../../src/main/store/full-text'
import { openAccountStore, openMemoryStore, type AccountStore } from '../../../src/main/store'
import { MIGRATIONS } from '../../../src/main/store/schema'
import { msg, tempDir } from './helpers'

const T = 1_700_000_000

function seed(s: AccountStore, prefix: string): void {
  s.history.appendBatch([
    msg(`${prefix}1`, { time: T + 1, segments: [{ type: 'text', text: '今天天气真好' }] }),
    msg(`${prefix}2`, { time: T + 2, segments: [{ type: 'text', text: 'Meeting at 3PM' }] }),
    msg(`${prefix}3`, { conversation: 'buddy:qq:2', kind: 'buddy', time: T + 3, segments: [{ type: 'text', text: '天气预报说明天下雨' }] })
  ])
}

const ids = (s: AccountStore, text: string, conversation?: string): string[] =>
  s.history.search({ text, ...(conversation ? { conversation } : {}) }).messages.map((m) => m.id)

function schemaNames(path: string): string[] {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    return (db.prepare(`SELECT name FROM sqlite_schema WHERE name LIKE 'messages_fts%' ORDER BY name`).all() as Array<{ name: string }>).map(
      (r) => r.name
    )
  } finally {
    db.close()
  }
}

describe('a store without FTS5', () => {
  it('probes the real SQLite: FTS5 everywhere but in Node 22.13-22.15 (measured), and a store opened normally follows it', () => {
    const db = new DatabaseSync(':memory:')
    const measuredWithout = /^22\.1[345]\./.test(process.versions.node)
    expect(fts5Available(db)).toBe(!measuredWithout)
    db.close()
    const s = openAccountStore(tempDir(), 'acc', { searchIndex: 'inline' })
    expect(s.report.fullTextSearch).toBe(!measuredWithout)
    expect(s.searchIndex.mode).toBe(measuredWithout ? 'off' : 'inline')
    s.close()
  })

  it('leaves every statement that touches the FTS table out of the migrations, and keeps the rest', () => {
    const all = MIGRATIONS.join('\n')
    const stripped = MIGRATIONS.map(withoutFullText).join('\n')
    expect(all).toMatch(/messages_fts/)
    expect(stripped).not.toMatch(/messages_fts/)
    expect(stripped).toMatch(/CREATE TABLE messages \(/)
    expect(stripped).toMatch(/CREATE TABLE fts_state/)
    expect(stripped).toMatch(/CREATE TABLE outbox/)
    // The runnable rest really runs: every migration in order on an empty database.
    const db = new DatabaseSync(':memory:')
    for (const sql of MIGRATIONS) db.exec(withoutFullText(sql))
    expect((db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE sql LIKE '%fts5%'`).get() as { n: number }).n).toBe(0)
    db.close()
  })

  it('creates a fresh file without the index, stores, searches by scanning and says so in its report', () => {
    const dir = tempDir()
    const s = openAccountStore(dir, 'acc', { fullTextSearch: false })
    expect(s.report.fullTextSearch).toBe(false)
    expect(s.searchIndex.mode).toBe('off')
    seed(s, 'a')
    expect(ids(s, '天气真')).toEqual(['a1'])
    expect(ids(s, 'meeting')).toEqual(['a2'])
    expect(ids(s, '天气')).toEqual(['a3', 'a1'])
    expect(ids(s, '天气预报说', 'buddy:qq:2')).toEqual(['a3'])
    expect(ids(s, '天气真', 'buddy:qq:2')).toEqual([])
    const path = s.path
    s.close()
    expect(schemaNames(path)).toEqual([])
  })

  it('an indexed file opened without FTS5 loses its triggers, not its messages; with FTS5 again the index is rebuilt', async () => {
    const dir = tempDir()
    const first = openAccountStore(dir, 'acc', { searchIndex: 'inline' })
    seed(first, 'a')
    expect(await first.searchIndex.caughtUp()).toBe(true)
    const path = first.path
    first.close()
    expect(schemaNames(path)).toContain('messages_fts_delete')

    const without = openAccountStore(dir, 'acc', { fullTextSearch: false })
    expect(without.report.fullTextSearch).toBe(false)
    expect(schemaNames(path)).not.toContain('messages_fts_delete')
    seed(without, 'b')
    expect(ids(without, '天气真')).toEqual(['b1', 'a1'])
    without.close()

    const again = openAccountStore(dir, 'acc', { searchIndex: 'inline' })
    expect(again.report.fullTextSearch).toBe(true)
    expect(schemaNames(path)).toEqual(expect.arrayContaining(['messages_fts', 'messages_fts_delete', 'messages_fts_update']))
    // Everything is unindexed again, then indexed by the background indexer.
    expect(again.searchIndex.pending()).toBe(6)
    expect(await again.searchIndex.caughtUp()).toBe(true)
    expect(ids(again, '天气真')).toEqual(['b1', 'a1'])
    expect(ids(again, '天气预报说', 'buddy:qq:2')).toEqual(['b3', 'a3'])
    again.close()
  })

  it('the in-memory stand-in works without FTS5 too', () => {
    const s = openMemoryStore({ fullTextSearch: false })
    expect(s.report.fullTextSearch).toBe(false)
    seed(s, 'm')
    expect(ids(s, 'MEETING')).toEqual(['m2'])
    s.close()
  })
})
