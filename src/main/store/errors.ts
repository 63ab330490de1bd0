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
  /** The database file concerned, when the error is about one (opening it). */
  readonly path: string | null
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; path?: string }
  ) {
    super(message, options)
    this.path = options?.path ?? null
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
export function toStoreError(err: unknown, what: string, path?: string): StoreError {
  if (err instanceof StoreError && (path === undefined || err.path !== null)) return err
  const detail = err instanceof Error ? err.message : String(err)
  const code = err instanceof StoreError ? err.code : isCorruption(err) ? 'corrupt-db' : 'io'
  return new StoreError(code, err instanceof StoreError ? err.message : `${what}: ${detail}`, { cause: err, path })
}

/** SQLite primary result codes and errno names that tell why the store cannot write. */
const FULL = new Set([13 /* SQLITE_FULL */])
const READ_ONLY = new Set([8 /* SQLITE_READONLY */, 3 /* SQLITE_PERM */, 23 /* SQLITE_AUTH */])
const READ_ONLY_ERRNO = new Set(['EACCES', 'EPERM', 'EROFS'])

/** Why a store operation failed, in the terms a person is told (StorageProblem in src/shared/messenger.ts). */
export function storageProblemOf(err: unknown): 'disk-full' | 'read-only' | 'damaged' | 'unavailable' {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isCorruption(e)) return 'damaged'
    const errcode = (e as { errcode?: unknown }).errcode
    if (typeof errcode === 'number' && FULL.has(errcode & 0xff)) return 'disk-full'
    if (typeof errcode === 'number' && READ_ONLY.has(errcode & 0xff)) return 'read-only'
    const code = (e as { code?: unknown }).code
    if (code === 'ENOSPC') return 'disk-full'
    if (typeof code === 'string' && READ_ONLY_ERRNO.has(code)) return 'read-only'
    const message = e instanceof Error ? e.message : ''
    if (/disk is full|database or disk is full/i.test(message)) return 'disk-full'
    if (/readonly database|read-only/i.test(message)) return 'read-only'
  }
  return 'unavailable'
}
