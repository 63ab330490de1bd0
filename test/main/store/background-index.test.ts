import { statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile, type AccountStore, type NewMessage } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

const TEXTS = ['明天下午三点开会', 'Release V2 is out', '下午茶 三点半', '今天下午三点见', '周末去爬山吗']

function batch(prefix: string, n: number, firstTime: number): NewMessage[] {
  // Times from 2023 on: the store replaces times before 2000 with the time of storing.
  firstTime += 1_700_000_000
  return Array.from({ length: n }, (_, i) =>
    msg(`${prefix}${i}`, {
      conversation: i % 2 === 0 ? 'group:code:1' : 'buddy:qq:7',
      kind: i % 2 === 0 ? 'group' : 'buddy',
      time: firstTime + i,
      segments: [{ type: 'text', text: `${TEXTS[i % TEXTS.length]!} #${prefix}${i}` }]
    })
  )
}

/**
 * What a search must return, by brute force over everything appended (in arrival order): messages whose
 * text contains the query case-folded; newest arrival first globally, newest (time, arrival) first in one
 * conversation.
 */
function expected(appended: readonly NewMessage[], text: string, conversation?: string): string[] {
  const hits = appended
    .map((m, arrival) => ({ m, arrival }))
    .filter(({ m }) => (conversation === undefined || m.conversation === conversation) && textOf(m).toLowerCase().includes(text.toLowerCase()))
  if (conversation === undefined) hits.sort((a, b) => b.arrival - a.arrival)
  else hits.sort((a, b) => b.m.time - a.m.time || b.arrival - a.arrival)
  return hits.map(({ m }) => m.id)
}

function textOf(m: NewMessage): string {
  const seg = m.segments[0]!
  return seg.type === 'text' ? seg.text : ''
}

/** Every id a search returns, following `next` to the end (pages of 3, so pages cross the watermark). */
function allIds(s: AccountStore, text: string, conversation?: string): string[] {
  const ids: string[] = []
  let before: string | null = null
  for (;;) {
    const page = s.history.search({ text, conversation, limit: 3, before })
    ids.push(...page.messages.map((m) => m.id))
    if (!page.next) return ids
    before = page.next
  }
}

function ftsIntegrity(path: string): void {
  const db = new DatabaseSync(path)
  try {
    // FTS5 compares its index with the content table and throws SQLITE_CORRUPT_VTAB on any difference.
    db.exec(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`)
  } finally {
    db.close()
  }
}

describe('background search index', () => {
  const QUERIES = ['下午三点', '三点开会', 'release v2', 'RELEASE', '爬山', '下午三点见 #n3', '不存在的话', '三点']

  it('search finds messages not indexed yet, with the exact check, in every query shape', () => {
    const s = openStoreFile(accountDbPath(tempDir(), 'acc'), { searchIndex: 'off' })
    const appended = batch('n', 10, 1000)
    s.history.appendBatch(appended)
    expect(s.searchIndex.pending()).toBe(10)
    expect(allIds(s, '下午三点')).toEqual(['n8', 'n5', 'n3', 'n0'])
    for (const q of QUERIES) {
      expect(allIds(s, q)).toEqual(expected(appended, q))
      expect(allIds(s, q, 'group:code:1')).toEqual(expected(appended, q, 'group:code:1'))
    }
    s.close()
  })

  it('merges indexed and unindexed rows in one order, each once, across pages', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    let s = openStoreFile(path, { searchIndex: 'worker' })
    const indexed = batch('a', 10, 1000)
    s.history.appendBatch(indexed)
    expect(await s.searchIndex.caughtUp()).toBe(true)
    s.close()
    s = openStoreFile(path, { searchIndex: 'off' })
    // Newer by arrival but OLDER by time than the indexed ones: within a conversation the order is by time.
    const tail = batch('b', 10, 500)
    s.history.appendBatch(tail)
    expect(s.searchIndex.pending()).toBe(10)
    expect(allIds(s, '下午三点')).toEqual(['b8', 'b5', 'b3', 'b0', 'a8', 'a5', 'a3', 'a0'])
    expect(allIds(s, '下午三点', 'group:code:1')).toEqual(['a8', 'a0', 'b8', 'b0'])
    for (const q of QUERIES)
      for (const conversation of [undefined, 'group:code:1', 'buddy:qq:7'])
        expect(allIds(s, q, conversation)).toEqual(expected([...indexed, ...tail], q, conversation))
    s.close()
  })

  it('catches up after a restart from the persisted watermark, and the index then matches its rows', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    let s = openStoreFile(path, { searchIndex: 'off' })
    const appended = batch('x', 2000, 1000)
    s.history.appendBatch(appended)
    const before = allIds(s, '下午三点')
    expect(before).toEqual(expected(appended, '下午三点'))
    s.close()

    s = openStoreFile(path)
    expect(s.searchIndex.mode).toBe('worker')
    expect(await s.searchIndex.caughtUp()).toBe(true)
    expect(s.searchIndex.pending()).toBe(0)
    expect(allIds(s, '下午三点')).toEqual(before)
    s.history.appendBatch(batch('y', 5, 5000))
    expect(await s.searchIndex.caughtUp()).toBe(true)
    expect(allIds(s, '下午三点').slice(0, 3)).toEqual(['y3', 'y0', 'x1998'])
    s.close()
    ftsIntegrity(path)
  })

  it('the worker stays up while idle and checkpoints the WAL into the database file', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    const logs: string[] = []
    const s = openStoreFile(path, { log: (m) => logs.push(m) })
    s.history.appendBatch(batch('w', 2000, 1000))
    expect(await s.searchIndex.caughtUp()).toBe(true)
    const sizeBefore = statSync(path).size
    // Past the worker's idle wait and checkpoint interval (1 s each), the checkpoint grows the file: waited
    // for (up to 20 s on a loaded machine), not assumed after a fixed 2.5 s.
    await new Promise((r) => setTimeout(r, 2500))
    for (let i = 0; i < 350 && statSync(path).size <= sizeBefore; i++) await new Promise((r) => setTimeout(r, 50))
    expect(s.searchIndex.mode).toBe('worker')
    expect(logs).toEqual([])
    expect(statSync(path).size).toBeGreaterThan(sizeBefore)
    s.history.appendBatch(batch('later', 10, 9000))
    expect(await s.searchIndex.caughtUp()).toBe(true)
    s.close()
    ftsIntegrity(path)
  })

  it('gathers a short tail instead of one indexing step per batch; indexes it once it ages, or at once when asked', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    const s = openStoreFile(path)
    try {
      expect(s.searchIndex.mode).toBe('worker')
      for (let i = 0; i < 5; i++) s.history.appendBatch(batch(`short${i}-`, 2, 100 + i * 10))
      // Well past the worker's settle delay: a short tail is still waiting, and search still finds it.
      await new Promise((r) => setTimeout(r, 400))
      expect(s.searchIndex.pending()).toBe(10)
      expect(allIds(s, '#short3-')).toEqual(['short3-1', 'short3-0'])
      // Aged (2 s from when the worker first saw it): indexed without anyone asking.
      const until = Date.now() + 5000
      while (s.searchIndex.pending() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
      expect(s.searchIndex.pending()).toBe(0)

      // A full step's worth goes at once; a short rest is flushed when someone waits for the index.
      s.history.appendBatch(batch('long', 250, 5000))
      const started = Date.now()
      expect(await s.searchIndex.caughtUp()).toBe(true)
      expect(Date.now() - started).toBeLessThan(1500)
      s.history.appendBatch(batch('rest', 3, 9000))
      expect(await s.searchIndex.caughtUp()).toBe(true)
      expect(s.searchIndex.pending()).toBe(0)
    } finally {
      s.close()
    }
    ftsIntegrity(path)
  })

  it('indexes on the owning thread when asked to (the fallback when no worker can run)', async () => {
    const path = accountDbPath(tempDir(), 'acc')
    const s = openStoreFile(path, { searchIndex: 'inline' })
    const appended = batch('i', 1200, 1000)
    s.history.appendBatch(appended)
    expect(s.searchIndex.pending()).toBe(1200)
    expect(await s.searchIndex.caughtUp()).toBe(true)
    expect(allIds(s, 'release v2')).toEqual(expected(appended, 'release v2'))
    s.close()
    ftsIntegrity(path)
  })
})
