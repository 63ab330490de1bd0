/**
 * "Delete from this computer": one message leaves the local history only (QQ had no recall in SmartQQ,
 * so the other side and other devices keep it). The conversation's preview and unread count follow, the
 * search index forgets it (the delete trigger), and a dead outbox entry behind our own message goes too.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import { guarded } from './db'
import { StoreError } from './errors'
import { parseRow } from './schemas'

type Transactor = <T>(fn: () => T) => T

const TargetRowSchema = v.object({
  seq: v.number(),
  conv: v.number(),
  self: v.number(),
  time: v.number(),
  outbox_id: v.nullable(v.number()),
  outbox_state: v.nullable(v.string()),
  last_seq: v.nullable(v.number()),
  read_time: v.nullable(v.number()),
  read_seq: v.nullable(v.number())
})

/** Outbox states whose entry may still send: its message cannot go while the outbox may need it. */
const LIVE_OUTBOX = new Set(['queued', 'sending'])

export class MessageDeleter {
  private readonly q: Record<string, StatementSync>

  constructor(
    db: DatabaseSync,
    private readonly tx: Transactor
  ) {
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      target: p(`SELECT m.seq, m.conv, m.self, m.time, m.outbox_id, o.state AS outbox_state, c.last_seq, c.read_time, c.read_seq
        FROM messages m JOIN conversations c ON c.id = m.conv LEFT JOIN outbox o ON o.id = m.outbox_id
        WHERE m.id = ? AND c.key = ?`),
      remove: p('DELETE FROM messages WHERE seq = ?'),
      removeOutbox: p('DELETE FROM outbox WHERE id = ?'),
      lessUnread: p('UPDATE conversations SET unread = max(unread - 1, 0) WHERE id = ?'),
      // The preview falls back to the newest message left (as the impossible-times repair recomputes it).
      relast: p(`UPDATE conversations SET
        last_time = (SELECT m.time FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
        last_seq = (SELECT m.seq FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
        last_preview = (SELECT substr(m.text, 1, 60) FROM messages m WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1),
        last_sender_name = (SELECT s.name FROM messages m JOIN senders s ON s.id = m.sender
          WHERE m.conv = conversations.id ORDER BY m.time DESC, m.seq DESC LIMIT 1)
        WHERE id = ?`)
    }
  }

  /** Deletes message `id` of `conversation`; throws not-found when it is not there, bad-input while it may still send. */
  delete(conversation: string, id: string): void {
    guarded('deleteMessage', () =>
      this.tx(() => {
        const raw = this.q.target!.get(id, conversation)
        if (!raw) throw new StoreError('not-found', `no message ${id} in ${conversation}`)
        const row = parseRow(TargetRowSchema, raw, 'message to delete')
        if (row.outbox_state !== null && LIVE_OUTBOX.has(row.outbox_state)) throw new StoreError('bad-input', `message ${id} is still being sent`)
        const afterRead = row.read_time === null || row.time > row.read_time || (row.time === row.read_time && row.seq > (row.read_seq ?? 0))
        const unread = row.self === 0 && afterRead
        this.q.remove!.run(row.seq)
        if (row.outbox_id !== null) this.q.removeOutbox!.run(row.outbox_id)
        if (unread) this.q.lessUnread!.run(row.conv)
        if (row.last_seq === row.seq) this.q.relast!.run(row.conv)
      })
    )
  }
}
