// The background search indexer (a worker_threads Worker started by search-index.ts with `eval: true`,
// its source inlined into the bundle through Vite's `?raw`, so no build has to emit or locate a second
// file). Plain CommonJS JavaScript with no imports but node: built-ins, because it runs as an eval script.
//
// It owns its own connection to the account's database and, in a loop:
//  - indexes the rows above the persisted watermark (fts_state.indexed_seq) in short write transactions
//    (the SQL comes from search-index.ts in workerData, so the inline indexer runs exactly the same);
//  - runs the WAL checkpoints (PASSIVE), which the engine's connection leaves to it.
// It talks to the owning thread through shared memory (shared-state.ts; SLOT numbers mirrored below):
// it sleeps on the wake word, takes the write lock only when it is free (never waiting for it), stops when
// the stop word is set, and raises the closed word once its connection is closed.
'use strict'
// node:sqlite prints one ExperimentalWarning per thread; drop exactly that one (the main thread does the
// same in src/main/quiet-sqlite-warning.ts) so it does not spam test logs, headless stderr or the app log.
const emitWarning = process.emitWarning
process.emitWarning = function (warning, ...rest) {
  const type = warning instanceof Error ? warning.name : typeof rest[0] === 'string' ? rest[0] : rest[0] && rest[0].type
  if (type === 'ExperimentalWarning' && /\bSQLite\b/i.test(String(warning instanceof Error ? warning.message : warning))) return
  return emitWarning.call(process, warning, ...rest)
}
// An eval worker is a CommonJS script: require is the only way in.
/* eslint-disable @typescript-eslint/no-require-imports */
const { DatabaseSync } = require('node:sqlite')
const { parentPort, workerData } = require('node:worker_threads')
/* eslint-enable @typescript-eslint/no-require-imports */

const SLOT = { lock: 0, wake: 1, stop: 2, closed: 3, sleeping: 4, flush: 5 }
const FREE = 0
const WORKER = 2
/** step() result when the owner holds the write lock: try again very soon. */
const BUSY = -1
/** step() result when the tail is too short to index yet: wait for more rows or for it to age. */
const GATHERING = -2

const words = new Int32Array(workerData.shared)

function signalClosed() {
  Atomics.store(words, SLOT.closed, 1)
  Atomics.notify(words, SLOT.closed)
}

async function main() {
  const { path, sql, batchRows, minRows, maxLagMs, idleMs, checkpointMs, retryMs, settleMs } = workerData
  const db = new DatabaseSync(path)
  try {
    db.exec('PRAGMA busy_timeout = 5000')
    const range = db.prepare(sql.range)
    const index = db.prepare(sql.index)
    const mark = db.prepare(sql.mark)
    let lastCheckpoint = Date.now()
    /** When the current short tail was first seen (null: no tail waiting). */
    let gatheringSince = null

    /** One short write transaction: at most batchRows rows indexed and the watermark moved past them. */
    const step = () => {
      // A plain read first: when caught up (most wake-ups) the write lock is never touched.
      const peek = range.get(batchRows)
      if (peek.to_seq <= peek.from_seq) {
        gatheringSince = null
        Atomics.store(words, SLOT.flush, 0)
        return 0
      }
      // A short tail waits for more rows (or until it is maxLagMs old, or someone asks for a flush): indexing
      // every few rows as they arrive meant a write transaction, and an FTS segment, per poll batch; each
      // could make the engine's next write wait, and the many tiny segments forced big merges. Searches
      // read the unindexed tail directly meanwhile.
      if (peek.to_seq - peek.from_seq < minRows && Atomics.load(words, SLOT.flush) === 0) {
        gatheringSince ??= Date.now()
        if (Date.now() - gatheringSince < maxLagMs) return GATHERING
      }
      if (Atomics.compareExchange(words, SLOT.lock, FREE, WORKER) !== FREE) return BUSY
      try {
        db.exec('BEGIN IMMEDIATE')
        try {
          const { from_seq: from, to_seq: to } = range.get(batchRows)
          if (to > from) {
            index.run(from, to)
            mark.run(to)
          }
          db.exec('COMMIT')
          gatheringSince = null
          return to - from
        } catch (err) {
          // isTransaction exists from Node 22.16 only; before it, ROLLBACK with nothing open throws.
          if (db.isTransaction !== false) {
            try {
              db.exec('ROLLBACK')
            } catch {
              // nothing was open
            }
          }
          throw err
        }
      } finally {
        Atomics.store(words, SLOT.lock, FREE)
        Atomics.notify(words, SLOT.lock)
      }
    }

    while (Atomics.load(words, SLOT.stop) === 0) {
      const seen = Atomics.load(words, SLOT.wake)
      let delay = idleMs
      try {
        const indexed = step()
        // A checkpoint takes no write lock: it runs alongside the owner's writes.
        if (Date.now() - lastCheckpoint >= checkpointMs) {
          db.exec('PRAGMA wal_checkpoint(PASSIVE)')
          lastCheckpoint = Date.now()
        }
        if (indexed === BUSY) delay = 1
        else if (indexed === GATHERING) delay = Math.max(1, gatheringSince + maxLagMs - Date.now())
        else if (indexed > 0) delay = 0
      } catch (err) {
        parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) })
        delay = retryMs
      }
      if (delay === 0) {
        // Between two steps of a backlog: a macrotask, so the owner (woken by the release) gets the lock first.
        await new Promise((resolve) => setImmediate(resolve))
        continue
      }
      // The owner notifies only while this is set (a wake bumped after `seen` was read ends the wait at once).
      Atomics.store(words, SLOT.sleeping, 1)
      const wait = Atomics.waitAsync(words, SLOT.wake, seen, delay)
      if (wait.async) {
        // A pending waitAsync does not keep a thread's event loop alive: without a timer the worker
        // would simply end here (exit code 0) the first time it has nothing to do.
        const keepAlive = setTimeout(() => {}, delay + 50)
        const outcome = await wait.value
        clearTimeout(keepAlive)
        Atomics.store(words, SLOT.sleeping, 0)
        // Woken by a stored batch: let the owner finish handling it (emitting a burst) before indexing
        // competes with it for the CPU; searches cover the not-yet-indexed rows meanwhile.
        if (outcome === 'ok' && settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs))
      } else {
        Atomics.store(words, SLOT.sleeping, 0)
      }
    }
  } finally {
    try {
      db.close()
    } finally {
      signalClosed()
    }
  }
}

main().then(
  () => parentPort.close(),
  (err) => {
    signalClosed()
    parentPort.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
  }
)
