/**
 * Whether the message history is being saved, and what happens when it is not.
 *
 *  - Opening: an account's store that cannot be opened (read-only profile, a folder where the file
 *    should be, a file damaged beyond moving aside) never stops the engine: it runs on an in-memory
 *    store (login, receiving, sending, this session's history and search all work) and says so. A
 *    damaged file the store moved aside is reported with where it went.
 *  - Writing: a batch that cannot be stored (disk full, damage, permissions) is still shown, kept in
 *    memory, and stored before the next batch as soon as the store accepts writes again (also retried on
 *    a timer, so freeing space is enough). Nothing reported as stored is ever dropped.
 *  - Telling: every change of the situation is one `storage` event (StorageStatusDto): headless prints
 *    it as a JSON line, the app shows a notice. More refused batches are no change (see set()).
 */
import type { StorageProblem, StorageStatusDto } from '../../shared/messenger'
import { StoreError, storageProblemOf } from '../store/errors'
import { openMemoryStore } from '../store/open'
import type { AccountStore, HistoryStore, NewMessage } from '../store/types'
import { SpareOutbox } from './spare-outbox'
import { withUnsaved } from './unsaved-overlay'

/** How often unsaved messages are retried while the store refuses writes (default). */
export const STORAGE_RETRY_MS = 5000
/**
 * Unsaved messages kept in memory at most (about 50 MB at worst); beyond it the oldest are dropped
 * from the retry queue, with a log line, rather than the process running out of memory.
 */
const MAX_UNSAVED = 100_000

export const STORAGE_OK: StorageStatusDto = { ok: true, reason: null, detail: null, path: null, movedTo: null, unsaved: 0 }

export interface StorageHealthDeps {
  emit(status: StorageStatusDto): void
  log(message: string): void
  /** Unsaved messages are retried this often while the store refuses writes. */
  retryMs: number
  /** Schedules `fn` after `ms` (a timer that must not keep the process alive); returns a canceller. */
  later(ms: number, fn: () => void): () => void
}

export class StorageHealth {
  private current: StorageStatusDto = STORAGE_OK
  private unsaved: NewMessage[] = []
  private history: HistoryStore | null = null
  private path: string | null = null
  /** Set when the store is the in-memory stand-in: nothing becomes durable, whatever succeeds. */
  private memoryOnly = false
  private movedTo: string | null = null
  /** What is said while writes work: STORAGE_OK, or that search is slower without FTS5 (settled()). */
  private calm: StorageStatusDto = STORAGE_OK
  private cancelRetry: (() => void) | null = null
  private spare: SpareOutbox | null = null

  constructor(private readonly deps: StorageHealthDeps) {}

  get status(): StorageStatusDto {
    return this.current
  }

  /** Opens an account's store through `open`; never throws (falls back to memory and reports why). */
  open(account: number, open: (account: number) => AccountStore): AccountStore {
    this.cancelRetry?.()
    this.cancelRetry = null
    this.unsaved = []
    let store: AccountStore
    try {
      store = open(account)
      this.memoryOnly = false
      this.path = store.path
      this.movedTo = store.report.movedAside
      if (store.report.movedAside) {
        this.deps.log(`the history file was damaged and moved to ${store.report.movedAside}; a new one was started`)
        this.set({
          ok: true,
          reason: 'damaged',
          detail: store.report.corruption?.message ?? null,
          path: store.path,
          movedTo: store.report.movedAside,
          unsaved: 0
        })
      } else {
        this.set(this.settled(store))
      }
    } catch (err) {
      this.memoryOnly = true
      this.path = err instanceof StoreError ? err.path : null
      this.movedTo = null
      const reason = storageProblemOf(err)
      const detail = err instanceof Error ? err.message : String(err)
      this.deps.log(`the history cannot be opened (${detail}); this session keeps messages in memory only`)
      store = openMemoryStore()
      this.set({ ok: false, reason, detail, path: this.path, movedTo: null, unsaved: 0 })
    }
    this.history = store.history
    // Sends the disk refuses go out from a spare in-memory outbox (spare-outbox.ts).
    this.spare?.close()
    const spare = (this.spare = new SpareOutbox(store.outbox, (err) => this.failed(err)))
    // Pages and searches also show what is waiting in memory (marked unsaved) while the disk refuses it.
    return withUnsaved(store, () => this.unsaved, spare)
  }

  /**
   * The status of a store that works: fine, or (where this runtime's SQLite has no FTS5) working with a
   * search that scans instead of using the index, which the person is told once, with why.
   */
  private settled(store: AccountStore): StorageStatusDto {
    this.calm = store.report.fullTextSearch
      ? STORAGE_OK
      : {
          ok: true,
          reason: 'no-full-text-search',
          detail: `this runtime's SQLite (Node ${process.versions.node}) has no FTS5 full-text index; search scans every message`,
          path: store.path,
          movedTo: null,
          unsaved: 0
        }
    if (!store.report.fullTextSearch) this.deps.log(this.calm.detail!)
    return this.calm
  }

  /** The store was closed (stop): forget it; unsaved messages cannot be saved any more. */
  closed(): void {
    if (this.unsaved.length > 0) this.deps.log(`${this.unsaved.length} message(s) could not be saved before the history was closed`)
    this.cancelRetry?.()
    this.cancelRetry = null
    this.unsaved = []
    this.history = null
    this.spare?.close()
    this.spare = null
  }

  /**
   * Stores `rows` after anything still unsaved. Returns the ids that were NOT stored because they already
   * were (usually none: a set of those is far cheaper than one of every id of a 20,000-message burst), or
   * null when the store refused them: they are then all new as far as anyone can tell, shown, and kept
   * for the next attempt.
   */
  persist(rows: readonly NewMessage[]): ReadonlySet<string> | null {
    const history = this.history
    if (!history) return null
    try {
      this.flush(history)
      const duplicates = new Set(history.appendBatch(rows).duplicates)
      this.recovered()
      return duplicates
    } catch (err) {
      this.keep(rows)
      this.failed(err)
      return null
    }
  }

  private flush(history: HistoryStore): void {
    if (this.unsaved.length === 0) return
    history.appendBatch(this.unsaved)
    this.deps.log(`${this.unsaved.length} message(s) kept in memory are saved now`)
    this.unsaved = []
  }

  private keep(rows: readonly NewMessage[]): void {
    this.unsaved.push(...rows)
    if (this.unsaved.length > MAX_UNSAVED) {
      const dropped = this.unsaved.length - MAX_UNSAVED
      this.unsaved.splice(0, dropped)
      this.deps.log(`${dropped} unsaved message(s) dropped from memory: the history has refused writes for too long`)
    }
  }

  private failed(err: unknown): void {
    const reason: StorageProblem = storageProblemOf(err)
    const detail = err instanceof Error ? err.message : String(err)
    if (this.current.ok || this.current.reason !== reason)
      this.deps.log(`storing messages failed (${detail}); they are shown and kept in memory until it works again`)
    this.set({ ok: false, reason, detail, path: this.path, movedTo: this.movedTo, unsaved: this.unsaved.length })
    this.scheduleRetry()
  }

  private recovered(): void {
    if (this.memoryOnly) {
      // Still in memory only: the count of what is not on disk is not tracked per message here.
      return
    }
    if (!this.current.ok) {
      this.deps.log('storing messages works again')
      this.set(this.movedTo ? { ...this.current, ok: true, reason: 'damaged', unsaved: 0 } : this.calm)
    }
  }

  private scheduleRetry(): void {
    if (this.cancelRetry) return
    this.cancelRetry = this.deps.later(this.deps.retryMs, () => {
      this.cancelRetry = null
      const history = this.history
      if (!history || this.unsaved.length === 0) return
      try {
        this.flush(history)
        this.recovered()
      } catch (err) {
        this.failed(err)
      }
    })
  }

  /**
   * The status now; emitted only when the situation changes (ok, reason, file, moved-aside file). The
   * count of unsaved messages and the error's wording change with every refused batch: emitting those
   * too said the same thing ~90 times in a few seconds of a full disk. `status` always has the latest.
   */
  private set(next: StorageStatusDto): void {
    const c = this.current
    this.current = next
    if (c.ok === next.ok && c.reason === next.reason && c.path === next.path && c.movedTo === next.movedTo) return
    this.deps.emit(next)
  }
}
