/**
 * Full-text indexing off the hot path. appendBatch stores rows only; the trigram index (messages_fts) is
 * fed afterwards, in short transactions of the rows above a persisted watermark (fts_state.indexed_seq),
 * by a worker thread with its own connection (fts-worker.js). Searches scan the rows above the watermark
 * directly (history.ts), so a search is complete at any moment, indexed or not; after a restart the
 * worker simply continues from the watermark.
 *
 * The worker also runs the WAL checkpoints (PASSIVE), which the engine's connection no longer does
 * (wal_autocheckpoint=0): a checkpoint copies and fsyncs megabytes, far beyond a poll batch's budget.
 *
 * If the worker cannot start or dies, indexing and checkpoints fall back to the owning thread ('inline',
 * one short step per macrotask), so neither search nor the WAL's size depend on the worker being alive.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { Worker } from 'node:worker_threads'
import { rollback } from './full-text'
import workerSource from './fts-worker.js?raw'
import type { SharedState } from './shared-state'

/** 'off' never indexes (tests use it to keep rows unindexed; searches still find them). */
export type SearchIndexMode = 'worker' | 'inline' | 'off'

/** The statements of one indexing step, run by the worker and by the inline indexer alike. */
export const INDEX_SQL = {
  /** Where the watermark is, and the seq up to which the next `limit` rows reach. */
  range: `SELECT s.indexed_seq AS from_seq,
    coalesce((SELECT max(seq) FROM (SELECT seq FROM messages WHERE seq > s.indexed_seq ORDER BY seq LIMIT ?)), s.indexed_seq) AS to_seq
    FROM fts_state s`,
  index: 'INSERT INTO messages_fts (rowid, text) SELECT seq, text FROM messages WHERE seq > ? AND seq <= ?',
  mark: 'UPDATE fts_state SET indexed_seq = ?'
} as const

/**
 * Rows per indexing transaction. The engine's writes wait for the write lock while one runs, so it is
 * kept to a few milliseconds; FTS5 also writes one segment per statement, and a few hundred rows per
 * segment keeps merges cheap.
 */
export const INDEX_BATCH_ROWS = 100
/**
 * The worker indexes a tail shorter than this only once it is TAIL_MAX_LAG_MS old (or a flush is asked
 * for): under steady traffic that is one indexing transaction per INDEX_BATCH_ROWS messages instead of
 * one per poll batch, so the engine's writes rarely wait for the worker's, and FTS5 gets fewer, larger
 * segments (hundreds of one-row segments ended in merges of tens of milliseconds inside a step).
 */
const TAIL_MIN_ROWS = INDEX_BATCH_ROWS
const TAIL_MAX_LAG_MS = 2000
const IDLE_MS = 1000
const CHECKPOINT_MS = 1000
const RETRY_MS = 2000
/** After a wake the worker waits this long before indexing, so it does not compete with the burst being emitted. */
const SETTLE_MS = 30
/** How long close() waits for the worker to close its connection (normally well under 50 ms). */
const CLOSE_WAIT_MS = 2000
/** Default pages between automatic checkpoints, restored when the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1000

export interface SearchIndexer {
  readonly mode: SearchIndexMode
  /** Rows stored but not yet indexed. */
  pending(): number
  /** Called after every stored batch: index it soon. */
  wake(): void
  /** Resolves true once nothing is pending, false after `timeoutMs`. */
  caughtUp(timeoutMs?: number): Promise<boolean>
  close(): void
}

/** `shared` is also the write lock of `db`'s transactor (open.ts), so engine and worker take turns. */
export function startSearchIndexer(
  db: DatabaseSync,
  path: string,
  mode: SearchIndexMode,
  shared: SharedState,
  log: (message: string) => void
): SearchIndexer {
  const pendingStmt = db.prepare('SELECT coalesce((SELECT max(seq) FROM messages), 0) - indexed_seq AS n FROM fts_state')
  const pending = (): number => Math.max(0, (pendingStmt.get() as { n: number }).n)
  let current: SearchIndexMode = mode
  let closed = false
  let worker: Worker | null = null
  let inlineScheduled = false
  let inlineSteps: { range: StatementSync; index: StatementSync; mark: StatementSync } | null = null

  function inlineStep(): number {
    inlineSteps ??= { range: db.prepare(INDEX_SQL.range), index: db.prepare(INDEX_SQL.index), mark: db.prepare(INDEX_SQL.mark) }
    const { range, index, mark } = inlineSteps
    db.exec('BEGIN IMMEDIATE')
    try {
      const { from_seq: from, to_seq: to } = range.get(INDEX_BATCH_ROWS) as { from_seq: number; to_seq: number }
      if (to > from) {
        index.run(from, to)
        mark.run(to)
      }
      db.exec('COMMIT')
      return to - from
    } catch (err) {
      rollback(db)
      throw err
    }
  }

  function wakeInline(): void {
    if (inlineScheduled || closed) return
    inlineScheduled = true
    setImmediate(() => {
      inlineScheduled = false
      if (closed || current !== 'inline') return
      try {
        if (inlineStep() > 0) wakeInline()
      } catch (err) {
        log(`search indexing failed (will retry): ${String(err)}`)
        setTimeout(wakeInline, RETRY_MS).unref()
      }
    })
  }

  function fallBackToInline(why: string): void {
    if (closed || current !== 'worker') return
    log(`search indexer thread ${why}; indexing on this thread instead`)
    worker = null
    current = 'inline'
    // It may have died holding the write lock.
    shared.unlock()
    db.exec(`PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
    wakeInline()
  }

  if (mode === 'worker') {
    try {
      worker = new Worker(workerSource, {
        eval: true,
        workerData: {
          path,
          sql: INDEX_SQL,
          batchRows: INDEX_BATCH_ROWS,
          minRows: TAIL_MIN_ROWS,
          maxLagMs: TAIL_MAX_LAG_MS,
          idleMs: IDLE_MS,
          checkpointMs: CHECKPOINT_MS,
          retryMs: RETRY_MS,
          settleMs: SETTLE_MS,
          shared: shared.buffer
        }
      })
      // Indexing can always resume later from the watermark: never keep the process alive for it.
      worker.unref()
      db.exec('PRAGMA wal_autocheckpoint = 0')
      worker.on('message', (m: { type: string; message?: string }) => {
        if (m.type === 'failed') fallBackToInline(`could not start (${m.message})`)
        else if (m.type === 'error') log(`search indexing failed (will retry): ${m.message}`)
      })
      worker.on('error', (err) => fallBackToInline(`failed (${String(err)})`))
      worker.on('exit', (code) => fallBackToInline(`exited (${code})`))
    } catch (err) {
      current = 'worker'
      fallBackToInline(`could not be created (${String(err)})`)
    }
  } else if (mode === 'inline') {
    wakeInline()
  }

  return {
    get mode() {
      return current
    },
    pending,
    wake() {
      if (closed) return
      if (current === 'worker') shared.wakeWorker()
      else if (current === 'inline') wakeInline()
    },
    async caughtUp(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      // Whoever waits for the index wants it now, not after the worker has gathered a longer tail.
      if (current === 'worker' && !closed) shared.flushWorker()
      for (;;) {
        if (closed) return false
        if (pending() === 0) return true
        if (Date.now() >= until) return false
        await new Promise((r) => setTimeout(r, 10))
      }
    },
    close() {
      if (closed) return
      closed = true
      if (!worker) return
      shared.stopWorker()
      worker = null
      // Wait (blocking, briefly) until the worker's connection is closed: the owner's close then is the
      // last one (its checkpoint removes the WAL), and no file is touched after close() returns.
      shared.waitWorkerClosed(CLOSE_WAIT_MS)
    }
  }
}
