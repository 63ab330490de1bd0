/**
 * Public contract of the per-account store: message history (history.ts) and the persisted outbox
 * (outbox.ts), both in ONE SQLite file per account opened by open.ts.
 *
 * Identity: everything is keyed by STABLE strings chosen by the engine (conversation keys such as
 * `buddy:qq:12345`, `group:code:...`; sender keys; event ids), never by session uins, which change
 * every login (reference anchors §5.4).
 *
 * Times: message `time` is unix SECONDS (what the protocol gives); outbox times are epoch MILLISECONDS
 * (backoff needs sub-second precision).
 */
import type { ConversationKind, Segment } from '../../shared/domain'
import type { MessageFont } from '../../shared/fonts'
import type { DeliveryState, GapReason } from '../../shared/messenger'
import type { SnapshotStore } from './snapshots'
import type { StoreError } from './errors'
import type { SearchIndexMode } from './search-index'

/** Delivery state of one of our own messages (declared once in src/shared/messenger.ts). */
export type { DeliveryState }

/** What every message has, whether about to be stored or read back. */
interface MessageBase {
  /** Stable event id: the same event delivered twice carries the same id and is stored once. */
  id: string
  conversation: string
  kind: ConversationKind
  /** Stable sender key (e.g. `qq:12345`, or the engine's fallback key). */
  sender: string
  /** Display name of the sender at the time of the message (cards and remarks change later). */
  senderName: string
  /** Our own message: sent from here, or echoed back from another device. Never counts as unread. */
  self: boolean
  /** Unix seconds. */
  time: number
}

/** A message to store. */
export interface NewMessage extends MessageBase {
  segments: readonly Segment[]
  /** `segmentsToText(segments)` when the caller has it already (the pipeline does); computed when absent. */
  text?: string
  /** Link to the outbox entry this message was sent through, if any. */
  outboxId?: number | null
  ref?: string | null
  /** For self messages; null/absent for received ones. */
  state?: DeliveryState | null
  /** The sender's font as it came with the message (null/absent: none known). */
  font?: MessageFont | null
}

export interface StoredMessage extends MessageBase {
  segments: Segment[]
  /** What a person reads: `segmentsToText(segments)` (faces as `[name]`, images as `[图片]`). */
  text: string
  outboxId: number | null
  ref: string | null
  state: DeliveryState | null
  font: MessageFont | null
  /** Position of this message, usable as `before` to page or search older than it. */
  cursor: string
  /**
   * Set when the stored segments failed validation: `segments` then falls back to one text segment
   * holding `text`, so the message is still shown and nothing is lost.
   */
  damage?: StoreError
  /** Messages may be missing just before this one (see navigation.ts); set by page() and around(). */
  gapBefore?: GapInfo
  /** Not on disk yet: the history refused to store it (a full disk); kept in memory and stored later (engine/unsaved-overlay.ts). */
  unsaved?: true
}

/** A recorded "messages may be missing here" point. */
export interface GapInfo {
  reason: GapReason
  /** Epoch ms when the engine noticed it. */
  recordedAt: number
}

export interface AroundQuery {
  /** Messages on EACH side of the anchor; default 25, at most 500. */
  limit?: number
}

/** The anchor with its neighbours, newest first, and cursors to continue both ways. */
export interface StoredAround {
  messages: StoredMessage[]
  anchor: string
  /** `before` cursor for older pages; null at the start of the history. */
  older: string | null
  /** `after` cursor for newer pages; null when the newest message is included. */
  newer: string | null
}

export interface AppendResult {
  /** Ids stored by this call, in input order. */
  inserted: string[]
  /** Ids that were already stored (or repeated within the batch) and were ignored. */
  duplicates: string[]
  /** Ids stored with the time of storing instead of an impossible time (see message-writer.ts plausibleTime); absent when none. */
  timeAdjusted?: string[]
}

export interface ConversationInfo {
  key: string
  kind: ConversationKind
  title: string
  /** Unix seconds of the newest message, null when the conversation has none. */
  lastTime: number | null
  lastPreview: string | null
  lastSenderName: string | null
  /** Messages from others stored since the last markRead. */
  unread: number
  /** Cursor of the newest message at the last markRead, null if never read. */
  lastRead: string | null
}

/** Newest first. `next` is the cursor to pass as `before` for older results, null when none are left. */
export interface MessagePage {
  messages: StoredMessage[]
  next: string | null
}

export interface PageQuery {
  /** Default 50, at most 500. */
  limit?: number
  /** Only messages older than this cursor (a `next` or `cursor` value from this store). */
  before?: string | null
  /**
   * Only messages newer than this cursor (instead of `before`); the page is still newest first, and
   * `next` then continues towards the newest (null once it is included).
   */
  after?: string | null
}

export interface SearchQuery extends PageQuery {
  /** Matched as a case-insensitive (for Latin) substring of what a person reads. */
  text: string
  /** Restrict to one conversation; omitted = all conversations. */
  conversation?: string
}

export type ExportFormat = 'txt' | 'json'

/** What the user chose for one conversation (pin, mute, unsent draft); defaults when never set. */
export interface StoredPrefs {
  /** Stable conversation key. */
  key: string
  pinned: boolean
  muted: boolean
  /** Unsent text, null when none. */
  draft: string | null
  /** Unix seconds of the last draft change, null when there is no draft. */
  draftTime: number | null
}

/** Fields to change; `draft: null` (or blank text) clears the draft. */
export interface PrefsPatch {
  pinned?: boolean
  muted?: boolean
  draft?: string | null
}

export interface ExportOptions {
  /** IANA zone for timestamps in TXT exports; default: the system zone. */
  timeZone?: string
}

export interface HistoryStore {
  /** Stores a poll batch in ONE transaction (all or nothing); unread counts move in the same transaction. */
  appendBatch(messages: readonly NewMessage[]): AppendResult
  /** Creates the conversation or updates its title/kind (titles come from contact lists). */
  upsertConversation(key: string, kind: ConversationKind, title: string): void
  /** upsertConversation for several at once, in one transaction (a burst names dozens of conversations). */
  upsertConversations(entries: ReadonlyArray<{ key: string; kind: ConversationKind; title: string }>): void
  getConversation(key: string): ConversationInfo | null
  /** Conversations with the most recent activity first. */
  listConversations(): ConversationInfo[]
  /** Newest messages of a conversation, keyset-paged. */
  page(conversation: string, query?: PageQuery): MessagePage
  /**
   * Full-text search (FTS5 trigram; LIKE for 1-2 character queries), newest matches first. Within one
   * conversation "newest" is by message time like `page`; across all conversations it is by arrival
   * (storage order), which equals time order except for messages delivered late (offline messages at
   * login), and lets a global search stop after `limit` hits instead of sorting every match.
   */
  search(query: SearchQuery): MessagePage
  getMessage(id: string): StoredMessage | null
  /** The message `messageId` of `conversation` with its neighbours; throws not-found if it is not there. */
  around(conversation: string, messageId: string, query?: AroundQuery): StoredAround
  /**
   * Records that messages may be missing after everything stored so far (conversation null: in all of
   * them); null when nothing is stored yet or no message came since the previous gap.
   */
  recordGap(reason: GapReason, conversation?: string | null, recordedAt?: number): GapInfo | null
  /** Unread to 0 and read position to the newest message. */
  markRead(key: string): void
  /** Moves a conversation's history (and outbox entries) under a new stable key, merging if it exists. One transaction. */
  rekeyConversation(oldKey: string, newKey: string): void
  /** Whole conversation, oldest first. TXT for people, JSON (with segments) for programs. */
  exportConversation(key: string, format: ExportFormat, options?: ExportOptions): string
  /** Same, streamed to a file created owner-only (0600). */
  exportConversationToFile(key: string, format: ExportFormat, path: string, options?: ExportOptions): void
  /** Every conversation with a non-default pin, mute or draft (rekeyConversation moves them along). */
  conversationPrefs(): StoredPrefs[]
  /** Changes some prefs of one conversation (known to the history or not) and returns all of its prefs. */
  setConversationPrefs(key: string, patch: PrefsPatch): StoredPrefs
}

export type OutboxState = DeliveryState

export interface OutboxEntry {
  id: number
  /** Client-supplied correlation string (e.g. from the renderer), null if none. */
  ref: string | null
  conversation: string
  kind: ConversationKind
  /** Whatever stable target info the engine needs to send (stored as JSON; the engine validates it). */
  target: unknown
  segments: Segment[]
  state: OutboxState
  /** Number of times markSending was called. */
  attempts: number
  lastError: string | null
  /** Epoch ms. */
  createdAt: number
  updatedAt: number
  /** Epoch ms; a queued entry is not due before this. */
  nextAttemptAt: number
  /** Id of the history message created with the entry (`outbox:<id>`), null if none. */
  messageId: string | null
}

export interface EnqueueInput {
  ref?: string | null
  conversation: string
  kind: ConversationKind
  target: unknown
  segments: readonly Segment[]
  /**
   * When given, a self message (`id = outbox:<entry id>`, state 'queued') is stored in the history
   * in the same transaction, and its state follows the entry from then on.
   */
  message?: { sender: string; senderName: string; font?: MessageFont | null } | null
}

export interface OutboxStore {
  enqueue(input: EnqueueInput): OutboxEntry
  /**
   * The next entry to send at `now` (epoch ms), or null. Order is kept per conversation: only the
   * oldest queued entry of a conversation is a candidate, and none while one of its entries is sending.
   */
  nextDue(now?: number): OutboxEntry | null
  /** Earliest nextAttemptAt among the candidates of nextDue (for a timer), or null if nothing is queued. */
  nextWakeAt(): number | null
  /** queued -> sending; counts an attempt. */
  markSending(id: number): OutboxEntry
  /** sending | unconfirmed -> sent (unconfirmed -> sent when the echo confirms it later). */
  markSent(id: number): OutboxEntry
  /** sending -> unconfirmed: the request may have reached the server but we cannot tell. */
  markUnconfirmed(id: number, reason: string): OutboxEntry
  /** queued | sending | unconfirmed -> failed. */
  markFailed(id: number, reason: string): OutboxEntry
  /** queued | sending -> queued, not due before now + delayMs (rate-limit backoff, "session died, not delivered"). */
  requeue(id: number, delayMs: number, reason: string): OutboxEntry
  /** failed | unconfirmed -> queued, due now (an explicit user retry). */
  retry(id: number): OutboxEntry
  get(id: number): OutboxEntry | null
  /** Newest entry with this ref, or null. */
  findByRef(ref: string): OutboxEntry | null
  /** Every entry not yet sent (queued, sending, unconfirmed, failed), oldest first. */
  pending(): OutboxEntry[]
}

/** What happened while opening; the caller decides what to tell the user. */
export interface OpenReport {
  path: string
  /** A new, empty database was created (first run, or after moving a corrupt one aside). */
  created: boolean
  /** Where a corrupt database was moved (`<name>.corrupt-<ts>`), null if none was. */
  movedAside: string | null
  /** Why it was moved aside. */
  corruption: StoreError | null
  /** user_version before and after migrations. */
  fromVersion: number
  toVersion: number
  /** Outbox entries found in `sending` (left by a crashed process) and marked unconfirmed. */
  interruptedSends: number[]
  /** false where this runtime's SQLite has no FTS5: search works by scanning, slower (full-text.ts). */
  fullTextSearch: boolean
}

export interface AccountStore {
  readonly history: HistoryStore
  readonly outbox: OutboxStore
  /** Small JSON documents of the account (the last contact list); snapshots.ts. */
  readonly snapshots: SnapshotStore
  readonly report: OpenReport
  readonly path: string
  /** The background full-text indexer (search-index.ts); searches are complete whatever it has done. */
  readonly searchIndex: {
    readonly mode: SearchIndexMode
    /** Rows stored but not yet indexed. */
    pending(): number
    /** Resolves true once nothing is pending, false after `timeoutMs`. */
    caughtUp(timeoutMs?: number): Promise<boolean>
  }
  /** Checkpoints the WAL and closes; further calls throw. */
  close(): void
}

export interface OpenOptions {
  /** Clock for outbox times (epoch ms); tests pass a fake one. */
  now?: () => number
  /**
   * How search indexing runs: 'worker' (default; a thread with its own connection, which also runs the
   * WAL checkpoints), 'inline' (on the caller's thread, a step per macrotask) or 'off' (tests only).
   */
  searchIndex?: SearchIndexMode
  /** Indexer trouble (it retries by itself); default: nowhere. */
  log?(message: string): void
  /**
   * false: keep the file as if SQLite had no FTS5 (search scans; full-text.ts). Default: use the index
   * when this runtime's SQLite has FTS5. Tests use it to run the fallback on any Node.
   */
  fullTextSearch?: boolean
}
