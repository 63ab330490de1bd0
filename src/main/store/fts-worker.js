// The background search indexer (a worker_threads Worker started by search-index.ts with `eval: true`,
// its source inlined into the bundle through Vite's `?raw`, so no build has to emit or locate a second
// file). Plain CommonJS JavaScript with no imports but node: built-ins, because it runs as an eval script.
//
// It owns its own connection to the account's database and, in a loop:
//  - indexes the rows above the persisted watermark (fts_state.indexed_seq) in short write transactions
//    (the SQL comes from search-index.ts in workerData, so the inline indexer runs exactly the same);
//  - runs the WAL checkpoints (PASSIVE), which the engine's connection leaves to it.
// It sleeps when caught up and is woken by 'wake' after every stored batch; 'stop' closes the connection
// and then raises `closedFlag` (shared memory), which the owner's close() waits for.
'use strict'
// An eval worker is a CommonJS script: require is the only way in.
/* eslint-disable @typescript-eslint/no-require-imports */
const { DatabaseSync } = require('node:sqlite')
const { parentPort, workerData } = require('node:worker_threads')
/* eslint-enable @typescript-eslint/no-require-imports */

function main() {
  const { path, sql, batchRows, idleMs, checkpointMs, retryMs } = workerData
  const db = new DatabaseSync(path)
  db.exec('PRAGMA busy_timeout = 5000')
  const range = db.prepare(sql.range)
  const index = db.prepare(sql.index)
  const mark = db.prepare(sql.mark)
  let timer = null
  let stopped = false
  let lastCheckpoint = Date.now()

  /** One short write transaction: at most batchRows rows indexed and the watermark moved past them. */
  function step() {
    // A plain read first: when caught up (most wake-ups) the write lock is never taken.
    const peek = range.get(batchRows)
    if (peek.to_seq <= peek.from_seq) return 0
    db.exec('BEGIN IMMEDIATE')
    try {
      const { from_seq: from, to_seq: to } = range.get(batchRows)
      if (to > from) {
        index.run(from, to)
        mark.run(to)
      }
      db.exec('COMMIT')
      return to - from
    } catch (err) {
      if (db.isTransaction) db.exec('ROLLBACK')
      throw err
    }
  }

  function schedule(ms) {
    if (stopped) return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(run, ms)
  }

  function run() {
    timer = null
    if (stopped) return
    let delay = idleMs
    try {
      const indexed = step()
      if (Date.now() - lastCheckpoint >= checkpointMs) {
        db.exec('PRAGMA wal_checkpoint(PASSIVE)')
        lastCheckpoint = Date.now()
      }
      if (indexed > 0) {
        parentPort.postMessage({ type: 'indexed', rows: indexed })
        // A macrotask between batches: 'wake' and 'stop' are handled, the engine's writes get the lock.
        delay = 0
      }
    } catch (err) {
      parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) })
      delay = retryMs
    }
    schedule(delay)
  }

  parentPort.on('message', (msg) => {
    if (msg === 'wake') {
      if (timer !== null) schedule(0)
    } else if (msg === 'stop') {
      stopped = true
      if (timer !== null) clearTimeout(timer)
      timer = null
      try {
        db.close()
      } finally {
        signalClosed()
        parentPort.close()
      }
    }
  })
  parentPort.postMessage({ type: 'started' })
  schedule(0)
}

function signalClosed() {
  const flag = new Int32Array(workerData.closedFlag)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

try {
  main()
} catch (err) {
  signalClosed()
  parentPort.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) })
}
