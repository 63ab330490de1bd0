/**
 * Message history of one account. Fixes what Icalingua got wrong (anchors §3): poll batches are
 * written in ONE transaction (not per message; message-writer.ts), paging is keyset on (time, seq)
 * (never OFFSET, which slows down deep in history), and search uses an FTS5 trigram index (CJK has no
 * word breaks). Rows become domain objects in message-rows.ts; moving around a message in navigation.ts.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import type { ConversationKind } from '../../shared/domain'
import type { GapReason } from '../../shared/messenger'
import { decodeCursor, type Position } from './cursor'
import { guarded } from './db'
import { StoreError } from './errors'
import { exportChunks } from './export'
import { writeExportFile } from './export-file'
import { MESSAGE_SELECT, clampLimit, parseConversationRow, toConversationInfo, toMessage, type ConversationRow } from './message-rows'
import { MessageWriter } from './message-writer'
import { Navigation } from './navigation'
import { ConversationPrefsTable } from './prefs'
import { NewMessageSchema, isWellFormedNewMessage } from './schemas'
import { MessageSearch } from './search'
import { encodeText } from './text-codec'
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

const NEWEST_FIRST = `ORDER BY m.time DESC, m.seq DESC LIMIT ?`
const OLDER_THAN = `(m.time, m.seq) < (?, ?)`

type Transactor = <T>(fn: () => T) => T

export class History implements HistoryStore {
  private readonly q: Record<string, StatementSync>
  private readonly writer: MessageWriter
  private readonly nav: Navigation
  private readonly searcher: MessageSearch
  /** Called after every stored batch (open.ts: wakes the background search indexer). */
  onAppended: () => void = () => {}
  /** The folder holding this store (open.ts): exports never overwrite its own files (export-file.ts). */
  profileDir: string | null = null
  private readonly prefs: ConversationPrefsTable

  constructor(
    db: DatabaseSync,
    private readonly tx: Transactor,
    now: () => number = Date.now
  ) {
    this.prefs = new ConversationPrefsTable(db, tx, now)
    this.searcher = new MessageSearch(db, MESSAGE_SELECT)
    this.nav = new Navigation(db)
    this.writer = new MessageWriter(db, now)
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      convByKey: p('SELECT * FROM conversations WHERE key = ?'),
      upsertConv: p(`INSERT INTO conversations (key, kind, title) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, title = excluded.title`),
      listConvs: p('SELECT * FROM conversations ORDER BY last_time DESC NULLS LAST, last_seq DESC, id'),
      markRead: p('UPDATE conversations SET unread = 0, read_time = last_time, read_seq = last_seq WHERE key = ?'),
      page: p(`${MESSAGE_SELECT} WHERE m.conv = ? AND ${OLDER_THAN} ${NEWEST_FIRST}`),
      byId: p(`${MESSAGE_SELECT} WHERE m.id = ?`),
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
    const result = guarded('appendBatch', () => this.tx(() => this.writer.insertAll(messages)))
    if (result.inserted.length > 0) this.onAppended()
    return result
  }

  upsertConversation(key: string, kind: ConversationKind, title: string): void {
    this.upsertConversations([{ key, kind, title }])
  }

  upsertConversations(entries: ReadonlyArray<{ key: string; kind: ConversationKind; title: string }>): void {
    if (entries.length === 0) return
    // Through tx for the write lock it takes (a bare statement would wait in SQLite's busy handler).
    guarded('upsertConversation', () =>
      this.tx(() => {
        for (const e of entries) this.q.upsertConv!.run(e.key, e.kind, encodeText(e.title))
      })
    )
  }

  getConversation(key: string): ConversationInfo | null {
    const row = this.conversationRow(key)
    return row ? toConversationInfo(row) : null
  }

  listConversations(): ConversationInfo[] {
    return guarded('listConversations', () => this.q.listConvs!.all().map((r) => toConversationInfo(parseConversationRow(r))))
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
    const needle = encodeText(query.text)
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
    return row ? parseConversationRow(row) : null
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

/** Which of two nullable (time, seq) positions is later; 'a' on ties and when both are null. */
function laterOf(aTime: number | null, aSeq: number | null, bTime: number | null, bSeq: number | null): 'a' | 'b' {
  if (bTime === null) return 'a'
  if (aTime === null) return 'b'
  const a: Position = { time: aTime, seq: aSeq ?? 0 }
  const b: Position = { time: bTime, seq: bSeq ?? 0 }
  return b.time > a.time || (b.time === a.time && b.seq > a.seq) ? 'b' : 'a'
}

function* mapIterator<T, U>(it: Iterable<T>, fn: (x: T) => U): Generator<U> {
  for (const x of it) yield fn(x)
}
