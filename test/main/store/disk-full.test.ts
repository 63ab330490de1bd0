import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { createTransactor } from '../../../src/main/store/db'
import { History } from '../../../src/main/store/history'
import { migrate } from '../../../src/main/store/schema'
import { msg, tempDir } from './helpers'

/**
 * A real connection whose next COMMIT fails the way a full disk makes it fail: the WAL
 * frames cannot be written when the outermost transaction ends (SQLITE_FULL, errcode 13).
 */
function diskFullOnNextCommit(db: DatabaseSync): { db: DatabaseSync; fail(): void } {
  let failNext = false
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop === 'exec')
        return (sql: string) => {
          // The statement that ends the outermost transaction (RELEASE of the first savepoint before).
          if (failNext && (sql === 'COMMIT' || sql === 'RELEASE sp0')) {
            failNext = false
            throw Object.assign(new Error('database or disk is full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 })
          }
          return target.exec(sql)
        }
      const value: unknown = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
  return { db: wrapped, fail: () => (failNext = true) }
}

function openRaw(path: string): DatabaseSync {
  const db = new DatabaseSync(path)
  db.exec('PRAGMA journal_mode = WAL')
  migrate(db)
  return db
}

describe('a full disk', () => {
  it('fails only the write it hit: the next batch is stored and committed (no "SAVEPOINT sp-1")', () => {
    const path = join(tempDir(), 'h.sqlite')
    const db = openRaw(path)
    const flaky = diskFullOnNextCommit(db)
    const history = new History(db, createTransactor(flaky.db))
    history.appendBatch([msg('before')])
    flaky.fail()
    expect(() => history.appendBatch([msg('lost-to-full-disk')])).toThrow(/disk is full/)
    expect(db.isTransaction).toBe(false)
    expect(history.appendBatch([msg('after')]).inserted).toEqual(['after'])
    // Committed, not merely inside a transaction left open by the failure: another connection sees it.
    const reader = new DatabaseSync(path)
    const ids = (reader.prepare('SELECT id FROM messages ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id)
    expect(ids).toEqual(['before', 'after'])
    reader.close()
    db.close()
  })

  it('a database at its size limit refuses a batch whole, and stores again once there is room', () => {
    const path = join(tempDir(), 'h.sqlite')
    const db = openRaw(path)
    const history = new History(db, createTransactor(db))
    history.appendBatch([msg('small')])
    const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count
    db.exec(`PRAGMA max_page_count = ${pages + 2}`)
    const big = Array.from({ length: 500 }, (_, i) => msg(`big-${i}`, { segments: [{ type: 'text', text: `第${i}条 ${'很长的消息'.repeat(40)}` }] }))
    expect(() => history.appendBatch(big)).toThrow(/full/)
    expect(db.isTransaction).toBe(false)
    expect(history.page('group:code:1').messages.map((m) => m.id)).toEqual(['small'])
    db.exec('PRAGMA max_page_count = 1073741823')
    expect(history.appendBatch(big).inserted).toHaveLength(500)
    expect(history.appendBatch([msg('later')]).inserted).toEqual(['later'])
    db.close()
  })
})
