/**
 * Shared memory between the thread that owns a store (the engine's) and its search indexer worker
 * (fts-worker.js, which mirrors these slot numbers): no message passing on the hot path.
 *
 * The write lock is a mutex around write transactions. SQLite alone would serialise the two connections
 * too, but a writer that finds the lock taken sleeps in SQLite's busy handler (1, 2, 5, 10... ms) and
 * retries, and a worker indexing a backlog retakes the lock microseconds after releasing it: the engine
 * then starved for tens of milliseconds per batch. Here the engine waits exactly until the worker's
 * current step ends (Atomics.wait is woken by the release), and the worker never starts a step while the
 * engine holds or wants the lock (it only tries, never waits).
 */
export const SLOT = {
  /** 0 free, 1 the owning thread, 2 the worker. */
  lock: 0,
  /** Bumped after every stored batch; the worker sleeps on it (Atomics.waitAsync). */
  wake: 1,
  /** 1 once the owner asked the worker to stop. */
  stop: 2,
  /** 1 once the worker's connection is closed (or could not be opened). */
  closed: 3,
  /** 1 while the worker waits on the wake word: only then does a wake need a notify. */
  sleeping: 4,
  /** 1 asks the worker to index a short tail now instead of gathering more rows; it clears it once caught up. */
  flush: 5
} as const

const FREE = 0
const OWNER = 1
/** If the worker died holding the lock, the owner takes it anyway after this long (SQLite still serialises). */
const STEAL_AFTER_MS = 5000

export class SharedState {
  readonly buffer = new SharedArrayBuffer(4 * Object.keys(SLOT).length)
  private readonly words = new Int32Array(this.buffer)

  /** Blocks until the owner holds the write lock. */
  lockForOwner(): void {
    const deadline = Date.now() + STEAL_AFTER_MS
    for (;;) {
      const seen = Atomics.compareExchange(this.words, SLOT.lock, FREE, OWNER)
      if (seen === FREE) return
      if (Date.now() >= deadline) {
        Atomics.store(this.words, SLOT.lock, OWNER)
        return
      }
      Atomics.wait(this.words, SLOT.lock, seen, 50)
    }
  }

  unlock(): void {
    Atomics.store(this.words, SLOT.lock, FREE)
    Atomics.notify(this.words, SLOT.lock)
  }

  /** After every stored batch: a counter bump, and a cross-thread notify only when the worker sleeps. */
  wakeWorker(): void {
    Atomics.add(this.words, SLOT.wake, 1)
    if (Atomics.load(this.words, SLOT.sleeping) === 1) Atomics.notify(this.words, SLOT.wake)
  }

  /** Index whatever is pending now (see SLOT.flush). */
  flushWorker(): void {
    Atomics.store(this.words, SLOT.flush, 1)
    Atomics.add(this.words, SLOT.wake, 1)
    Atomics.notify(this.words, SLOT.wake)
  }
  stopWorker(): void {
    Atomics.store(this.words, SLOT.stop, 1)
    Atomics.add(this.words, SLOT.wake, 1)
    Atomics.notify(this.words, SLOT.wake)
  }

  /** Waits (blocking) up to `ms` for the worker to report its connection closed; true if it did. */
  waitWorkerClosed(ms: number): boolean {
    return Atomics.wait(this.words, SLOT.closed, 0, ms) !== 'timed-out'
  }
}
