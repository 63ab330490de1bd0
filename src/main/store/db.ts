/**
 * Thin helpers over node:sqlite shared by history and outbox (one connection per account file).
 */
import type { DatabaseSync } from 'node:sqlite'
import { toStoreError } from './errors'

/**
 * Runs `fn` atomically. Savepoints instead of BEGIN so that the outbox can store its history message
 * inside its own transaction by calling into the history (nested calls become inner savepoints).
 */
export function createTransactor(db: DatabaseSync): <T>(fn: () => T) => T {
  let depth = 0
  return <T>(fn: () => T): T => {
    const name = `sp${depth}`
    db.exec(`SAVEPOINT ${name}`)
    depth++
    try {
      const result = fn()
      depth--
      db.exec(`RELEASE ${name}`)
      return result
    } catch (err) {
      depth--
      try {
        db.exec(`ROLLBACK TO ${name}`)
        db.exec(`RELEASE ${name}`)
      } catch {
        // The connection itself is broken (e.g. corruption); the original error says more.
      }
      throw err
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
