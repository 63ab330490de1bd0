/**
 * Writing a batch of messages (history.ts appendBatch, inside its transaction): multi-row INSERT OR
 * IGNORE statements, conversation and sender ids looked up once per batch, and the conversation rows'
 * unread counts and last-message previews brought up to date. Poll batches are written in ONE
 * transaction, not per message (anchors §3).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { segmentsToText, type ConversationKind } from '../../shared/domain'
import { encodeFont } from './font-codec'
import { encodeSegments } from './segment-codec'
import { encodeText } from './text-codec'
import type { AppendResult, NewMessage } from './types'

const PREVIEW_CHARS = 60
/**
 * Messages per INSERT statement: a few hundred rows per statement instead of one saves most of the
 * per-statement overhead; 200 rows x 11 columns stays far below SQLite's bound-parameter limit.
 */
const INSERT_CHUNK = 200
const MESSAGE_COLUMNS = 11

interface Touched {
  unread: number
  newest: { time: number; seq: number; text: string; senderName: string } | null
}

export class MessageWriter {
  private readonly q: Record<'convByKey' | 'insertConv' | 'senderId' | 'insertSender' | 'addUnread' | 'setLast' | 'storedAfter', StatementSync>
  private readonly insertMany = new Map<number, StatementSync>()

  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number
  ) {
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      convByKey: p('SELECT id FROM conversations WHERE key = ?'),
      insertConv: p('INSERT INTO conversations (key, kind, title) VALUES (?, ?, ?)'),
      senderId: p('SELECT id FROM senders WHERE key = ? AND name = ?'),
      insertSender: p('INSERT INTO senders (key, name) VALUES (?, ?)'),
      addUnread: p('UPDATE conversations SET unread = unread + ? WHERE id = ?'),
      setLast: p(`UPDATE conversations SET last_time = ?, last_seq = ?, last_preview = ?, last_sender_name = ?
        WHERE id = ? AND (last_time IS NULL OR (last_time, last_seq) < (?, ?))`),
      storedAfter: p('SELECT id, seq FROM messages WHERE seq > ?')
    }
  }

  /** Stores well-formed messages (the caller validated them and holds the transaction). */
  insertAll(messages: readonly NewMessage[]): AppendResult {
    // Per-call caches: a batch usually hits a handful of conversations and senders many times (senders
    // by key, then name: no combined key string built per row).
    const convIds = new Map<string, number>()
    const senderIds = new Map<string, Map<string, number>>()
    const convs: number[] = []
    const texts: string[] = []
    const times: number[] = []
    const adjusted: string[] = []
    const nowS = Math.floor(this.now() / 1000)
    // INSERT OR IGNORE stores only new ids; seqs[i] is the seq message i got, or 0 when it was ignored.
    // A chunk that stored every row (the usual case) got consecutive seqs in VALUES order (each new rowid
    // is the maximum + 1), so only a chunk with duplicates is read back (cheaper than RETURNING on every
    // row). Parameters are built per chunk into an array of the exact size: one big array sliced per
    // chunk cost more than the inserts themselves on a 20k burst.
    const seqs = new Array<number>(messages.length).fill(0)
    for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
      const rows = Math.min(INSERT_CHUNK, messages.length - i)
      const params = new Array<string | number | null>(rows * MESSAGE_COLUMNS)
      for (let k = 0, p = 0; k < rows; k++) {
        const m = messages[i + k]!
        let conv = convIds.get(m.conversation)
        if (conv === undefined) {
          conv = this.conversationId(m.conversation, m.kind)
          convIds.set(m.conversation, conv)
        }
        let byName = senderIds.get(m.sender)
        if (byName === undefined) senderIds.set(m.sender, (byName = new Map()))
        let sender = byName.get(m.senderName)
        if (sender === undefined) {
          sender = this.senderId(m.sender, m.senderName)
          byName.set(m.senderName, sender)
        }
        const text = m.text ?? segmentsToText(m.segments)
        const time = plausibleTime(m.time, nowS)
        if (time !== m.time) adjusted.push(m.id)
        convs.push(conv)
        texts.push(text)
        times.push(time)
        params[p++] = m.id
        params[p++] = conv
        params[p++] = sender
        params[p++] = m.self ? 1 : 0
        params[p++] = time
        params[p++] = encodeSegments(m.segments)
        params[p++] = encodeText(text)
        params[p++] = m.outboxId ?? null
        params[p++] = m.ref ?? null
        params[p++] = m.state ?? null
        params[p++] = encodeFont(m.font)
      }
      const run = this.insertStatement(rows).run(...params)
      const last = Number(run.lastInsertRowid)
      const stored = Number(run.changes)
      if (stored === rows) {
        for (let k = 0; k < rows; k++) seqs[i + k] = last - rows + 1 + k
      } else if (stored > 0) {
        // Some rows were duplicates: the first row of this chunk with each stored id got it.
        const seqOf = new Map<string, number>()
        for (const r of this.q.storedAfter.all(last - stored) as Array<{ id: string; seq: number }>) seqOf.set(r.id, r.seq)
        for (let k = 0; k < rows; k++) {
          const id = messages[i + k]!.id
          const seq = seqOf.get(id)
          if (seq === undefined) continue
          seqs[i + k] = seq
          seqOf.delete(id) // the same id again later in this chunk was ignored: a duplicate
        }
      }
    }

    const result: AppendResult = { inserted: [], duplicates: [] }
    if (adjusted.length > 0) result.timeAdjusted = adjusted
    const touched = new Map<number, Touched>()
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!
      const seq = seqs[i]!
      if (seq === 0) {
        result.duplicates.push(m.id)
        continue
      }
      result.inserted.push(m.id)
      const conv = convs[i]!
      let t = touched.get(conv)
      if (!t) touched.set(conv, (t = { unread: 0, newest: null }))
      if (!m.self) t.unread++
      const time = times[i]!
      if (!t.newest || time > t.newest.time || (time === t.newest.time && seq > t.newest.seq)) {
        t.newest = { time, seq, text: texts[i]!, senderName: m.senderName }
      }
    }
    for (const [conv, t] of touched) {
      if (t.unread > 0) this.q.addUnread.run(t.unread, conv)
      const n = t.newest!
      const preview = [...n.text].slice(0, PREVIEW_CHARS).join('')
      this.q.setLast.run(n.time, n.seq, encodeText(preview), encodeText(n.senderName), conv, n.time, n.seq)
    }
    return result
  }

  /** INSERT OR IGNORE of `rows` messages in one statement, prepared once per row count. */
  private insertStatement(rows: number): StatementSync {
    let stmt = this.insertMany.get(rows)
    if (!stmt) {
      const values = Array.from({ length: rows }, () => `(${Array(MESSAGE_COLUMNS).fill('?').join(', ')})`).join(', ')
      stmt = this.db.prepare(`INSERT OR IGNORE INTO messages (id, conv, sender, self, time, segs, text, outbox_id, ref, state, font)
        VALUES ${values}`)
      this.insertMany.set(rows, stmt)
    }
    return stmt
  }

  private conversationId(key: string, kind: ConversationKind): number {
    const row = this.q.convByKey.get(key) as { id: number } | undefined
    if (row) return row.id
    return Number(this.q.insertConv.run(key, kind, '').lastInsertRowid)
  }

  private senderId(key: string, name: string): number {
    const stored = encodeText(name)
    const row = this.q.senderId.get(key, stored) as { id: number } | undefined
    if (row) return row.id
    return Number(this.q.insertSender.run(key, stored).lastInsertRowid)
  }
}

/** Message times before this (2000-01-01) are impossible for SmartQQ. */
const EARLIEST_TIME_S = 946_684_800
/** A message may be stamped a little ahead of our clock (skew), not a day or more. */
const MAX_AHEAD_S = 86_400

/**
 * `time`, or `nowS` when it is impossible (before 2000, a day or more ahead): one such time used to sort
 * above everything for ever (paging started below it, the conversation preview stayed pinned on it).
 * The engine already replaces them when decoding a poll; this keeps any other caller from storing one.
 */
export function plausibleTime(time: number, nowS: number): number {
  return time >= EARLIEST_TIME_S && time <= nowS + MAX_AHEAD_S ? time : nowS
}
