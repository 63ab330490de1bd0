/**
 * Message history of one account. Fixes what Icalingua got wrong (anchors §3): poll batches are
 * written in ONE transaction (not per message), paging is keyset on (time, seq) (never OFFSET, which
 * slows down deep in history), and search uses an FTS5 trigram index (CJK has no word breaks).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import { segmentsToText, type ConversationKind } from '../../shared/domain'
import type { GapReason } from '../../shared/messenger'
import { encodeCursor, decodeCursor, type Position } from './cursor'
import { guarded } from './db'
import { StoreError } from './errors'
import { exportChunks } from './export'
import { writeExportFile } from './export-file'
import { MessageDeleter } from './delete-message'
import { Navigation } from './navigation'
import { ConversationPrefsTable } from './prefs'
import { ConversationRowSchema, MessageRowSchema, NewMessageSchema, isWellFormedNewMessage, parseRow } from './schemas'
import { MessageSearch } from './search'
import { decodeSegments, encodeSegments } from './segment-codec'
import type {
  AppendResult,
  AroundQuery,
  ConversationInfo,
  ExportFormat,
  ExportOptions,
  GapInfo,
  HistoryStore,
  MessagePage,
  NewMessage,
  PageQuery,
  PrefsPatch,
  SearchQuery,
  StoredAround,
  StoredMessage,
  StoredPrefs
} from './types'

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 500
const PREVIEW_CHARS = 60
/**
 * Messages per INSERT statement: a few hundred rows per statement instead of one saves most of the
 * per-statement overhead; 200 rows x 10 columns stays far below SQLite's bound-parameter limit.
 */
const INSERT_CHUNK = 200
const MESSAGE_COLUMNS = 10

export const MESSAGE_SELECT = `SELECT m.seq, m.id, c.key, c.kind, s.key AS sender_key, s.name AS sender_name,
  m.self, m.time, m.segs, m.text, m.outbox_id, m.ref, m.state
  FROM messages m JOIN conversations c ON c.id = m.conv JOIN senders s ON s.id = m.sender`
const NEWEST_FIRST = `ORDER BY m.time DESC, m.seq DESC LIMIT ?`
const OLDER_THAN = `(m.time, m.seq) < (?, ?)`

type Transactor = <T>(fn: () => T) => T
type ConversationRow = v.InferOutput<typeof ConversationRowSchema>

interface Touched {
  unread: number
  newest: { time: number; seq: number; text: string; senderName: string } | null
}

export class History implements HistoryStore {
  private readonly q: Record<string, StatementSync>
  private readonly insertMany = new Map<number, StatementSync>()
  private readonly nav: Navigation
  private readonly searcher: MessageSearch
  /** Called after every stored batch (open.ts: wakes the background search indexer). */
  onAppended: () => void = () => {}
  /** The folder holding this store (open.ts): exports never overwrite its own files (export-file.ts). */
  profileDir: string | null = null
  private readonly prefs: ConversationPrefsTable
  private readonly deleter: MessageDeleter

  constructor(
    private readonly db: DatabaseSync,
    private readonly tx: Transactor,
    private readonly now: () => number = Date.now
  ) {
    this.prefs = new ConversationPrefsTable(db, tx, now)
    this.deleter = new MessageDeleter(db, tx)
    this.searcher = new MessageSearch(db, MESSAGE_SELECT)
    this.nav = new Navigation(db)
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      convByKey: p('SELECT * FROM conversations WHERE key = ?'),
      insertConv: p('INSERT INTO conversations (key, kind, title) VALUES (?, ?, ?)'),
      upsertConv: p(`INSERT INTO conversations (key, kind, title) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, title = excluded.title`),
      listConvs: p('SELECT * FROM conversations ORDER BY last_time DESC NULLS LAST, last_seq DESC, id'),
      senderId: p('SELECT id FROM senders WHERE key = ? AND name = ?'),
      insertSender: p('INSERT INTO senders (key, name) VALUES (?, ?)'),
      addUnread: p('UPDATE conversations SET unread = unread + ? WHERE id = ?'),
      setLast: p(`UPDATE conversations SET last_time = ?, last_seq = ?, last_preview = ?, last_sender_name = ?
        WHERE id = ? AND (last_time IS NULL OR (last_time, last_seq) < (?, ?))`),
      markRead: p('UPDATE conversations SET unread = 0, read_time = last_time, read_seq = last_seq WHERE key = ?'),
      page: p(`${MESSAGE_SELECT} WHERE m.conv = ? AND ${OLDER_THAN} ${NEWEST_FIRST}`),
      byId: p(`${MESSAGE_SELECT} WHERE m.id = ?`),
      storedAfter: p('SELECT id, seq FROM messages WHERE seq > ?'),
      oldestFirst: p(`${MESSAGE_SELECT} WHERE m.conv = ? ORDER BY m.time, m.seq`),
      moveMessages: p('UPDATE messages SET conv = ? WHERE conv = ?'),
      renameConv: p('UPDATE conversations SET key = ? WHERE id = ?'),
      mergeConv: p(`UPDATE conversations SET unread = ?, title = ?, last_time = ?, last_seq = ?, last_preview = ?,
        last_sender_name = ?, read_time = ?, read_seq = ? WHERE id = ?`),
      deleteConv: p('DELETE FROM conversations WHERE id = ?'),
      rekeyOutbox: p('UPDATE outbox SET conversation = ? WHERE conversation = ?')
    }
  }

  appendBatch(messages: readonly NewMessage[]): AppendResult {
    messages.forEach((m, i) => {
      if (isWellFormedNewMessage(m)) return
      const r = v.safeParse(NewMessageSchema, m)
      if (!r.success) throw new StoreError('bad-input', `message ${i} (${String(m?.id)}): ${v.summarize(r.issues)}`)
    })
    const result = guarded('appendBatch', () => this.tx(() => this.insertAll(messages)))
    if (result.inserted.length > 0) this.onAppended()
    return result
  }

  private insertAll(messages: readonly NewMessage[]): AppendResult {
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
        params[p++] = text
        params[p++] = m.outboxId ?? null
        params[p++] = m.ref ?? null
        params[p++] = m.state ?? null
      }
      const run = this.insertStatement(rows).run(...params)
      const last = Number(run.lastInsertRowid)
      const stored = Number(run.changes)
      if (stored === rows) {
        for (let k = 0; k < rows; k++) seqs[i + k] = last - rows + 1 + k
      } else if (stored > 0) {
        // Some rows were duplicates: the first row of this chunk with each stored id got it.
        const seqOf = new Map<string, number>()
        for (const r of this.q.storedAfter!.all(last - stored) as Array<{ id: string; seq: number }>) seqOf.set(r.id, r.seq)
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
      if (t.unread > 0) this.q.addUnread!.run(t.unread, conv)
      const n = t.newest!
      const preview = [...n.text].slice(0, PREVIEW_CHARS).join('')
      this.q.setLast!.run(n.time, n.seq, preview, n.senderName, conv, n.time, n.seq)
    }
    return result
  }

  /** INSERT OR IGNORE of `rows` messages in one statement, prepared once per row count. */
  private insertStatement(rows: number): StatementSync {
    let stmt = this.insertMany.get(rows)
    if (!stmt) {
      const values = Array.from({ length: rows }, () => `(${Array(MESSAGE_COLUMNS).fill('?').join(', ')})`).join(', ')
      stmt = this.db.prepare(`INSERT OR IGNORE INTO messages (id, conv, sender, self, time, segs, text, outbox_id, ref, state)
        VALUES ${values}`)
      this.insertMany.set(rows, stmt)
    }
    return stmt
  }

  private conversationId(key: string, kind: ConversationKind): number {
    const row = this.q.convByKey!.get(key) as { id: number } | undefined
    if (row) return row.id
    return Number(this.q.insertConv!.run(key, kind, '').lastInsertRowid)
  }

  private senderId(key: string, name: string): number {
    const row = this.q.senderId!.get(key, name) as { id: number } | undefined
    if (row) return row.id
    return Number(this.q.insertSender!.run(key, name).lastInsertRowid)
  }

  upsertConversation(key: string, kind: ConversationKind, title: string): void {
    this.upsertConversations([{ key, kind, title }])
  }

  upsertConversations(entries: ReadonlyArray<{ key: string; kind: ConversationKind; title: string }>): void {
    if (entries.length === 0) return
    // Through tx for the write lock it takes (a bare statement would wait in SQLite's busy handler).
    guarded('upsertConversation', () =>
      this.tx(() => {
        for (const e of entries) this.q.upsertConv!.run(e.key, e.kind, e.title)
      })
    )
  }

  getConversation(key: string): ConversationInfo | null {
    const row = this.conversationRow(key)
    return row ? toConversationInfo(row) : null
  }

  listConversations(): ConversationInfo[] {
    return guarded('listConversations', () =>
      this.q.listConvs!.all().map((r) => toConversationInfo(parseRow(ConversationRowSchema, r, 'conversation row')))
    )
  }

  page(conversation: string, query: PageQuery = {}): MessagePage {
    const limit = clampLimit(query.limit)
    const before = decodeCursor(query.before)
    const row = this.conversationRow(conversation)
    if (!row) return { messages: [], next: null }
    const page = query.after ? this.nav.newerPage(row.id, query.after, limit) : this.runPage(this.q.page!, [row.id, before.time, before.seq], limit)
    this.nav.annotate(row.id, conversation, page.messages)
    return page
  }

  around(conversation: string, messageId: string, query: AroundQuery = {}): StoredAround {
    const row = this.conversationRow(conversation)
    const anchor = this.getMessage(messageId)
    if (!row || !anchor || anchor.conversation !== conversation) throw new StoreError('not-found', `no message ${messageId} in ${conversation}`)
    const around = this.nav.around(row.id, query, anchor, (before, limit) => {
      const b = decodeCursor(before)
      return this.runPage(this.q.page!, [row.id, b.time, b.seq], limit)
    })
    this.nav.annotate(row.id, conversation, around.messages)
    return around
  }

  recordGap(reason: GapReason, conversation: string | null = null, recordedAt = Date.now()): GapInfo | null {
    return this.nav.recordGap(reason, conversation, recordedAt)
  }

  search(query: SearchQuery): MessagePage {
    const limit = clampLimit(query.limit)
    const before = decodeCursor(query.before)
    const needle = query.text
    if (needle.trim() === '') return { messages: [], next: null }
    let convId: number | null = null
    if (query.conversation !== undefined) {
      const row = this.conversationRow(query.conversation)
      if (!row) return { messages: [], next: null }
      convId = row.id
    }
    return this.pageOf(
      guarded('search', () => this.searcher.rows(needle, convId, before, limit + 1)),
      limit
    )
  }

  getMessage(id: string): StoredMessage | null {
    const row = guarded('getMessage', () => this.q.byId!.get(id))
    return row ? toMessage(row) : null
  }

  deleteMessage(conversation: string, id: string): void {
    this.deleter.delete(conversation, id)
  }

  markRead(key: string): void {
    const run = guarded('markRead', () => this.q.markRead!.run(key))
    if (run.changes === 0) throw new StoreError('not-found', `no conversation ${key}`)
  }

  rekeyConversation(oldKey: string, newKey: string): void {
    if (oldKey === newKey) return
    if (newKey === '') throw new StoreError('bad-input', 'empty conversation key')
    guarded('rekeyConversation', () =>
      this.tx(() => {
        const from = this.conversationRow(oldKey)
        // A pinned or drafted conversation may have no message yet: its prefs still follow the key.
        if (!from && this.prefs.rekey(oldKey, newKey)) return
        if (!from) throw new StoreError('not-found', `no conversation ${oldKey}`)
        const into = this.conversationRow(newKey)
        if (!into) {
          this.q.renameConv!.run(newKey, from.id)
        } else {
          this.q.moveMessages!.run(into.id, from.id)
          const last = laterOf(into.last_time, into.last_seq, from.last_time, from.last_seq) === 'a' ? into : from
          const readFromInto = laterOf(into.read_time, into.read_seq, from.read_time, from.read_seq) === 'a'
          this.q.mergeConv!.run(
            into.unread + from.unread,
            into.title || from.title,
            last.last_time,
            last.last_seq,
            last.last_preview,
            last.last_sender_name,
            readFromInto ? into.read_time : from.read_time,
            readFromInto ? into.read_seq : from.read_seq,
            into.id
          )
          this.q.deleteConv!.run(from.id)
        }
        this.q.rekeyOutbox!.run(newKey, oldKey)
        this.prefs.rekey(oldKey, newKey)
      })
    )
  }

  exportConversation(key: string, format: ExportFormat, options?: ExportOptions): string {
    let out = ''
    for (const chunk of this.exportStream(key, format, options)) out += chunk
    return out
  }

  exportConversationToFile(key: string, format: ExportFormat, path: string, options?: ExportOptions): void {
    writeExportFile(path, this.exportStream(key, format, options), this.profileDir)
  }

  private exportStream(key: string, format: ExportFormat, options?: ExportOptions): Generator<string> {
    const row = this.conversationRow(key)
    if (!row) throw new StoreError('not-found', `no conversation ${key}`)
    const rows = guarded('export', () => this.q.oldestFirst!.iterate(row.id))
    return exportChunks(toConversationInfo(row), mapIterator(rows, toMessage), format, options)
  }

  conversationPrefs(): StoredPrefs[] {
    return this.prefs.list()
  }

  setConversationPrefs(key: string, patch: PrefsPatch): StoredPrefs {
    return this.prefs.set(key, patch)
  }

  private conversationRow(key: string): ConversationRow | null {
    const row = guarded('conversation', () => this.q.convByKey!.get(key))
    return row ? parseRow(ConversationRowSchema, row, 'conversation row') : null
  }

  private runPage(stmt: StatementSync, params: Array<string | number>, limit: number): MessagePage {
    // One extra row tells whether anything older is left, so `next` is null exactly at the end.
    return this.pageOf(
      guarded('read messages', () => stmt.all(...params, limit + 1)),
      limit
    )
  }

  /** `rows` holds up to limit + 1 rows: the extra one only tells that more are left. */
  private pageOf(rows: readonly unknown[], limit: number): MessagePage {
    const messages = rows.slice(0, limit).map(toMessage)
    const next = rows.length > limit ? messages[messages.length - 1]!.cursor : null
    return { messages, next }
  }
}

export function toMessage(raw: unknown): StoredMessage {
  const row = parseRow(MessageRowSchema, raw, 'message row')
  const message: StoredMessage = {
    id: row.id,
    conversation: row.key,
    kind: row.kind,
    sender: row.sender_key,
    senderName: row.sender_name,
    self: row.self === 1,
    time: row.time,
    segments: [],
    text: row.text,
    outboxId: row.outbox_id,
    ref: row.ref,
    state: row.state,
    cursor: encodeCursor({ time: row.time, seq: row.seq })
  }
  try {
    message.segments = decodeSegments(row.segs, row.text)
  } catch (err) {
    // Keep the message readable from its text; the damage is reported, not hidden.
    if (!(err instanceof StoreError)) throw err
    message.segments = [{ type: 'text', text: row.text }]
    message.damage = new StoreError('corrupt-row', `message ${row.id}: ${err.message}`, { cause: err })
  }
  return message
}

function toConversationInfo(row: ConversationRow): ConversationInfo {
  return {
    key: row.key,
    kind: row.kind,
    title: row.title,
    lastTime: row.last_time,
    lastPreview: row.last_preview,
    lastSenderName: row.last_sender_name,
    unread: row.unread,
    lastRead: row.read_time !== null && row.read_seq !== null ? encodeCursor({ time: row.read_time, seq: row.read_seq }) : null
  }
}

/** Which of two nullable (time, seq) positions is later; 'a' on ties and when both are null. */
function laterOf(aTime: number | null, aSeq: number | null, bTime: number | null, bSeq: number | null): 'a' | 'b' {
  if (bTime === null) return 'a'
  if (aTime === null) return 'b'
  const a: Position = { time: aTime, seq: aSeq ?? 0 }
  const b: Position = { time: bTime, seq: bSeq ?? 0 }
  return b.time > a.time || (b.time === a.time && b.seq > a.seq) ? 'b' : 'a'
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

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1) throw new StoreError('bad-input', `limit must be a positive integer, got ${limit}`)
  return Math.min(limit, MAX_LIMIT)
}

function* mapIterator<T, U>(it: Iterable<T>, fn: (x: T) => U): Generator<U> {
  for (const x of it) yield fn(x)
}
