/**
 * Sending while the disk is full. The outbox lives in the history database, so a full disk refused
 * every send ("store-io"), although the README promises that sending keeps working. Here an enqueue the
 * store refuses for lack of space (or a read-only file) goes into a spare in-memory outbox instead, and
 * is sent from there like any other entry: its message is shown (marked unsaved, unsaved-overlay.ts)
 * for this session, but not stored. Entries of the spare outbox have ids from SPARE_ID_BASE on, so an id
 * always says which outbox holds it.
 */
import { StoreError, storageProblemOf } from '../store/errors'
import { openMemoryStore } from '../store/open'
import type { AccountStore, EnqueueInput, MessagePage, OutboxEntry, OutboxStore, StoredMessage } from '../store/types'

/** Far above any real rowid, and still a safe integer (ids travel over IPC and in `outbox:<id>`). */
export const SPARE_ID_BASE = 1_000_000_000_000

const OUTBOX_MESSAGE = /^outbox:(\d+)$/

function outward(e: OutboxEntry): OutboxEntry {
  return { ...e, id: e.id + SPARE_ID_BASE, messageId: e.messageId === null ? null : `outbox:${e.id + SPARE_ID_BASE}` }
}

/** True for a refusal of the medium (no space, read-only), not of the input. */
function refusedByDisk(err: unknown): boolean {
  if (err instanceof StoreError && (err.code === 'bad-input' || err.code === 'not-found' || err.code === 'bad-transition')) return false
  const problem = storageProblemOf(err)
  return problem === 'disk-full' || problem === 'read-only'
}

export class SpareOutbox implements OutboxStore {
  private spare: AccountStore | null = null

  constructor(
    private readonly disk: OutboxStore,
    /** The disk refused an enqueue: the storage status should say so. */
    private readonly onRefused: (err: unknown) => void
  ) {}

  /** The spare's own messages (sends made while the disk refused them), as history rows; none when unused. */
  messages(conversation: string): StoredMessage[] {
    if (!this.spare) return []
    // All of them (a full disk's worth of sends is small): the overlay orders and pages them with the rest.
    const page: MessagePage = this.spare.history.page(conversation, { limit: 500 })
    return page.messages.map((m) => {
      const n = OUTBOX_MESSAGE.exec(m.id)
      return { ...m, id: n ? `outbox:${Number(n[1]) + SPARE_ID_BASE}` : m.id, outboxId: m.outboxId === null ? null : m.outboxId + SPARE_ID_BASE }
    })
  }

  enqueue(input: EnqueueInput): OutboxEntry {
    try {
      return this.disk.enqueue(input)
    } catch (err) {
      if (!refusedByDisk(err)) throw err
      this.onRefused(err)
      this.spare ??= openMemoryStore()
      return outward(this.spare.outbox.enqueue(input))
    }
  }

  nextDue(now?: number): OutboxEntry | null {
    const fromDisk = this.disk.nextDue(now)
    if (fromDisk || !this.spare) return fromDisk
    const e = this.spare.outbox.nextDue(now)
    return e ? outward(e) : null
  }

  nextWakeAt(): number | null {
    const a = this.disk.nextWakeAt()
    const b = this.spare?.outbox.nextWakeAt() ?? null
    return a === null ? b : b === null ? a : Math.min(a, b)
  }

  private on<T extends OutboxEntry | null>(id: number, disk: (id: number) => T, spare: (o: OutboxStore, id: number) => T): T {
    if (id < SPARE_ID_BASE || !this.spare) return disk(id)
    const e = spare(this.spare.outbox, id - SPARE_ID_BASE)
    return (e ? outward(e) : e) as T
  }

  markSending(id: number): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.markSending(i),
      (o, i) => o.markSending(i)
    )
  }
  markSent(id: number): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.markSent(i),
      (o, i) => o.markSent(i)
    )
  }
  markUnconfirmed(id: number, reason: string): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.markUnconfirmed(i, reason),
      (o, i) => o.markUnconfirmed(i, reason)
    )
  }
  markFailed(id: number, reason: string): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.markFailed(i, reason),
      (o, i) => o.markFailed(i, reason)
    )
  }
  requeue(id: number, delayMs: number, reason: string): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.requeue(i, delayMs, reason),
      (o, i) => o.requeue(i, delayMs, reason)
    )
  }
  retry(id: number): OutboxEntry {
    return this.on(
      id,
      (i) => this.disk.retry(i),
      (o, i) => o.retry(i)
    )
  }
  get(id: number): OutboxEntry | null {
    return this.on(
      id,
      (i) => this.disk.get(i),
      (o, i) => o.get(i)
    )
  }

  findByRef(ref: string): OutboxEntry | null {
    const e = this.spare?.outbox.findByRef(ref)
    return e ? outward(e) : this.disk.findByRef(ref)
  }

  pending(): OutboxEntry[] {
    return [...this.disk.pending(), ...(this.spare?.outbox.pending().map(outward) ?? [])]
  }

  close(): void {
    this.spare?.close()
    this.spare = null
  }
}
