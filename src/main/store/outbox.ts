/**
 * Persisted send queue (anchors §5.2: honest send states). Lifecycle:
 *
 *   queued -> sending -> sent | unconfirmed | failed
 *   queued | sending -> queued (requeue: backoff, or "session died before the request left")
 *   failed | unconfirmed -> queued (retry by the user)      unconfirmed -> sent (echo confirmed it)
 *
 * The room (conversation + target) is bound at enqueue time, so a message can never go to a room the
 * user did not choose (Icalingua#733). An entry's linked history message follows its state in the same
 * transaction, so the UI never shows a state the queue does not have.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import { guarded } from './db'
import { StoreError } from './errors'
import type { History } from './history'
import { DeliveryStateSchema, KindSchema, SegmentsSchema, parseRow } from './schemas'
import type { EnqueueInput, OutboxEntry, OutboxState, OutboxStore } from './types'

type Transactor = <T>(fn: () => T) => T

/** Reason recorded for entries a crashed process left in `sending`: the request may or may not have left. */
export const INTERRUPTED_REASON = 'interrupted: the app stopped while sending; it may or may not have been delivered'

const OutboxRowSchema = v.object({
  id: v.number(),
  ref: v.nullable(v.string()),
  conversation: v.string(),
  kind: KindSchema,
  target: v.string(),
  segments: v.string(),
  state: DeliveryStateSchema,
  attempts: v.number(),
  last_error: v.nullable(v.string()),
  created_at: v.number(),
  updated_at: v.number(),
  next_attempt_at: v.number(),
  message_id: v.nullable(v.string())
})

/** The oldest queued entry of each conversation that has nothing in flight: what may be sent next. */
const CANDIDATES = `SELECT * FROM outbox o WHERE o.state = 'queued'
  AND o.id = (SELECT min(id) FROM outbox q WHERE q.state = 'queued' AND q.conversation = o.conversation)
  AND NOT EXISTS (SELECT 1 FROM outbox s WHERE s.state = 'sending' AND s.conversation = o.conversation)`

export class Outbox implements OutboxStore {
  private readonly q: Record<string, StatementSync>

  constructor(
    db: DatabaseSync,
    private readonly tx: Transactor,
    private readonly history: History,
    private readonly now: () => number
  ) {
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      insert: p(`INSERT INTO outbox (ref, conversation, kind, target, segments, state, created_at, updated_at, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`),
      setMessageId: p('UPDATE outbox SET message_id = ? WHERE id = ?'),
      get: p('SELECT * FROM outbox WHERE id = ?'),
      byRef: p('SELECT * FROM outbox WHERE ref = ? ORDER BY id DESC LIMIT 1'),
      pending: p(`SELECT * FROM outbox WHERE state != 'sent' ORDER BY id`),
      due: p(`${CANDIDATES} AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT 1`),
      wake: p(`SELECT min(o.next_attempt_at) AS at FROM (${CANDIDATES}) o`),
      transition: p(`UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = coalesce(?, last_error),
        updated_at = ?, next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?`),
      messageState: p('UPDATE messages SET state = ? WHERE outbox_id = ?'),
      stuckSending: p(`SELECT id FROM outbox WHERE state = 'sending' ORDER BY id`)
    }
  }

  enqueue(input: EnqueueInput): OutboxEntry {
    const segments = v.safeParse(SegmentsSchema, input.segments)
    if (!segments.success) throw new StoreError('bad-input', `segments: ${v.summarize(segments.issues)}`)
    if (!v.is(KindSchema, input.kind) || input.conversation === '') {
      throw new StoreError('bad-input', `bad conversation ${JSON.stringify(input.conversation)} / kind ${String(input.kind)}`)
    }
    const target = JSON.stringify(input.target)
    if (target === undefined) throw new StoreError('bad-input', 'target is not JSON-serialisable')
    const now = this.now()
    return guarded('enqueue', () =>
      this.tx(() => {
        const ref = input.ref ?? null
        const id = Number(
          this.q.insert!.run(ref, input.conversation, input.kind, target, JSON.stringify(segments.output), now, now, now).lastInsertRowid
        )
        if (input.message) {
          const messageId = `outbox:${id}`
          this.history.appendBatch([
            {
              id: messageId,
              conversation: input.conversation,
              kind: input.kind,
              sender: input.message.sender,
              senderName: input.message.senderName,
              self: true,
              time: Math.floor(now / 1000),
              segments: segments.output,
              outboxId: id,
              ref,
              state: 'queued',
              font: input.message.font ?? null
            }
          ])
          this.q.setMessageId!.run(messageId, id)
        }
        return this.mustGet(id)
      })
    )
  }

  nextDue(now: number = this.now()): OutboxEntry | null {
    const row = guarded('nextDue', () => this.q.due!.get(now))
    return row ? toEntry(row) : null
  }

  nextWakeAt(): number | null {
    const row = guarded('nextWakeAt', () => this.q.wake!.get()) as { at: number | null } | undefined
    return row?.at ?? null
  }

  markSending(id: number): OutboxEntry {
    return this.move(id, ['queued'], 'sending', { attempt: true })
  }

  markSent(id: number): OutboxEntry {
    return this.move(id, ['sending', 'unconfirmed'], 'sent', {})
  }

  markUnconfirmed(id: number, reason: string): OutboxEntry {
    return this.move(id, ['sending'], 'unconfirmed', { reason })
  }

  markFailed(id: number, reason: string): OutboxEntry {
    return this.move(id, ['queued', 'sending', 'unconfirmed'], 'failed', { reason })
  }

  requeue(id: number, delayMs: number, reason: string): OutboxEntry {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new StoreError('bad-input', `bad delay ${delayMs}`)
    return this.move(id, ['queued', 'sending'], 'queued', { reason, dueAt: this.now() + delayMs })
  }

  retry(id: number): OutboxEntry {
    return this.move(id, ['failed', 'unconfirmed'], 'queued', { dueAt: this.now() })
  }

  get(id: number): OutboxEntry | null {
    const row = guarded('outbox get', () => this.q.get!.get(id))
    return row ? toEntry(row) : null
  }

  findByRef(ref: string): OutboxEntry | null {
    const row = guarded('outbox findByRef', () => this.q.byRef!.get(ref))
    return row ? toEntry(row) : null
  }

  pending(): OutboxEntry[] {
    return guarded('outbox pending', () => this.q.pending!.all().map(toEntry))
  }

  /**
   * Called once at open: whatever a previous process left in `sending` may have reached the server,
   * so resending it blindly could post it twice. It becomes `unconfirmed` and the user decides.
   */
  recoverInterrupted(): number[] {
    return guarded('outbox recovery', () =>
      this.tx(() => {
        const ids = (this.q.stuckSending!.all() as Array<{ id: number }>).map((r) => r.id)
        for (const id of ids) this.move(id, ['sending'], 'unconfirmed', { reason: INTERRUPTED_REASON })
        return ids
      })
    )
  }

  private move(id: number, from: readonly OutboxState[], to: OutboxState, opts: { attempt?: boolean; reason?: string; dueAt?: number }): OutboxEntry {
    return guarded('outbox transition', () =>
      this.tx(() => {
        const entry = this.mustGet(id)
        if (!from.includes(entry.state)) {
          throw new StoreError('bad-transition', `outbox ${id}: cannot go ${entry.state} -> ${to}`)
        }
        this.q.transition!.run(to, opts.attempt ? 1 : 0, opts.reason ?? null, this.now(), opts.dueAt ?? null, id)
        this.q.messageState!.run(to, id)
        return this.mustGet(id)
      })
    )
  }

  private mustGet(id: number): OutboxEntry {
    const entry = this.get(id)
    if (!entry) throw new StoreError('not-found', `no outbox entry ${id}`)
    return entry
  }
}

function toEntry(raw: unknown): OutboxEntry {
  const row = parseRow(OutboxRowSchema, raw, 'outbox row')
  const segments = v.safeParse(SegmentsSchema, parseJson(row.segments, row.id))
  if (!segments.success) throw new StoreError('corrupt-row', `outbox ${row.id} segments: ${v.summarize(segments.issues)}`)
  return {
    id: row.id,
    ref: row.ref,
    conversation: row.conversation,
    kind: row.kind,
    target: parseJson(row.target, row.id),
    segments: segments.output,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextAttemptAt: row.next_attempt_at,
    messageId: row.message_id
  }
}

function parseJson(text: string, id: number): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new StoreError('corrupt-row', `outbox ${id}: stored JSON is damaged`, { cause: err })
  }
}
