/**
 * Thin helpers over node:sqlite shared by history and outbox (one connection per account file).
 */
import type { DatabaseSync } from 'node:sqlite'
import { toStoreError } from './errors'

/**
 * Runs `fn` atomically. The outermost call is a BEGIN IMMEDIATE transaction; nested calls (the outbox
 * stores its history message inside its own transaction by calling into the history) are savepoints.
 *
 * IMMEDIATE because another connection writes to the same file (the search indexer, search-index.ts): a
 * deferred transaction that read first and then tries to write after the other one committed gets
 * SQLITE_BUSY at once (its snapshot is stale), whereas taking the write lock up front waits (busy_timeout).
 *
 * The depth goes back down exactly once per call, whatever throws: COMMIT is where a full disk shows
 * (SQLITE_FULL). Decrementing in both the success path and the catch once made the next statement
 * `SAVEPOINT sp-1`, so one full disk stopped every later write.
 */
export function createTransactor(db: DatabaseSync, lock: WriteLock = NO_LOCK): <T>(fn: () => T) => T {
  let depth = 0
  return <T>(fn: () => T): T => {
    const name = depth === 0 ? null : `sp${depth}`
    if (name === null) lock.lockForOwner()
    try {
      db.exec(name === null ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${name}`)
      depth++
      try {
        const result = fn()
        db.exec(name === null ? 'COMMIT' : `RELEASE ${name}`)
        return result
      } catch (err) {
        undo(db, name)
        throw err
      } finally {
        depth--
      }
    } finally {
      if (name === null) lock.unlock()
    }
  }
}

/** Taken around each outermost transaction; shared with the search indexer's thread (shared-state.ts). */
export interface WriteLock {
  lockForOwner(): void
  unlock(): void
}

const NO_LOCK: WriteLock = { lockForOwner: () => {}, unlock: () => {} }

/** Rolls back one level; the outermost must leave no transaction open, or every later write would join it. */
function undo(db: DatabaseSync, savepoint: string | null): void {
  try {
    if (savepoint !== null) {
      db.exec(`ROLLBACK TO ${savepoint}`)
      db.exec(`RELEASE ${savepoint}`)
    } else if (db.isTransaction !== false) {
      // isTransaction exists from Node 22.16 only; before it, a ROLLBACK with nothing open throws (caught).
      db.exec('ROLLBACK')
    }
  } catch {
    // The connection itself is broken (e.g. corruption); the original error says more.
  }
}

/** Runs a read or write and turns SQLite failures into StoreError (corrupt-db / io), keeping StoreErrors. */
export function guarded<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw toStoreError(err, what)
  }
}
