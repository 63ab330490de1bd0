/**
 * Thin helpers over node:sqlite shared by history and outbox (one connection per account file).
 */
import type { DatabaseSync } from 'node:sqlite'
import { toStoreError } from './errors'

/**
 * Runs `fn` atomically. Savepoints instead of BEGIN so that the outbox can store its history message
 * inside its own transaction by calling into the history (nested calls become inner savepoints).
 *
 * The depth goes back down exactly once per call, whatever throws: RELEASE of the outermost savepoint is
 * the COMMIT, and it is where a full disk shows (SQLITE_FULL). Decrementing in both the success path and
 * the catch once made the next statement `SAVEPOINT sp-1`, so one full disk stopped every later write.
 */
export function createTransactor(db: DatabaseSync): <T>(fn: () => T) => T {
  let depth = 0
  return <T>(fn: () => T): T => {
    const name = `sp${depth}`
    db.exec(`SAVEPOINT ${name}`)
    depth++
    try {
      const result = fn()
      db.exec(`RELEASE ${name}`)
      return result
    } catch (err) {
      undo(db, name, depth === 1)
      throw err
    } finally {
      depth--
    }
  }
}

/** Rolls back one savepoint; the outermost one must leave no transaction open, or every later write would join it. */
function undo(db: DatabaseSync, name: string, outermost: boolean): void {
  try {
    db.exec(`ROLLBACK TO ${name}`)
    db.exec(`RELEASE ${name}`)
  } catch {
    // The connection itself is broken (e.g. corruption); the original error says more.
  }
  if (outermost && db.isTransaction) {
    try {
      db.exec('ROLLBACK')
    } catch {
      // As above.
    }
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
