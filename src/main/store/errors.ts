/**
 * The one error type the store throws or attaches. Callers switch on `code`; nothing here is fatal to
 * the process (the store is opened again, a row is shown from its plain text, a cursor is dropped).
 */
export type StoreErrorCode =
  /** The database file is not a database or is damaged (SQLITE_NOTADB / SQLITE_CORRUPT). */
  | 'corrupt-db'
  /** One stored row failed validation (e.g. its segments column); the rest of the store is fine. */
  | 'corrupt-row'
  /** The file was written by a newer version of the app (user_version above what we know). */
  | 'too-new'
  /** A paging cursor that this store did not hand out. */
  | 'bad-cursor'
  /** An outbox state change that the lifecycle does not allow (e.g. markSent on a queued entry). */
  | 'bad-transition'
  /** No such conversation / outbox entry. */
  | 'not-found'
  /** Caller input that cannot be stored (bad key, empty id, non-JSON target...). */
  | 'bad-input'
  /** Filesystem or SQLite failure that fits none of the above. */
  | 'io'

export class StoreError extends Error {
  override readonly name = 'StoreError'
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** SQLite result codes (primary, low byte) that mean "this file is damaged or not ours". */
const CORRUPTION_CODES = new Set([11 /* SQLITE_CORRUPT */, 26 /* SQLITE_NOTADB */])

export function isCorruption(err: unknown): boolean {
  if (err instanceof StoreError) return err.code === 'corrupt-db'
  const errcode = (err as { errcode?: unknown } | null)?.errcode
  return typeof errcode === 'number' && CORRUPTION_CODES.has(errcode & 0xff)
}

/** Wraps whatever SQLite threw into a StoreError, keeping corruption distinguishable. */
export function toStoreError(err: unknown, what: string): StoreError {
  if (err instanceof StoreError) return err
  const detail = err instanceof Error ? err.message : String(err)
  return new StoreError(isCorruption(err) ? 'corrupt-db' : 'io', `${what}: ${detail}`, { cause: err })
}
