/**
 * The engine's public surface: its options and the Engine facade's commands (engine.ts builds it).
 */
import type { ConnectionTrouble, ConversationKind, SessionState } from '../../shared/domain'
import type { MessageFont } from '../../shared/fonts'
import type { QqLookupDto } from '../../shared/messenger'
import type { ProtocolClient } from '../protocol/types'
import type { AccountStore } from '../store/types'
import type { Clock } from './clock'
import type { PrefsInput } from './conversation-prefs'
import type { SecretStore } from './ports'
import type {
  AroundPage,
  ContactsDto,
  ConversationPrefsDto,
  ConversationSummaryDto,
  EngineEvents,
  ExportFormat,
  ExportResult,
  HistoryPage,
  MemberDto,
  OutboxDto,
  ProfileDto,
  SelfDto,
  SendInput,
  StorageStatusDto,
  UnreadDto
} from './types'

export interface EngineOptions {
  client: ProtocolClient
  secrets: SecretStore
  /** Opens (creating if needed) the history/outbox store of one account (QQ number). */
  openStore(account: number): AccountStore
  clock?: Clock
  /** Minimum time between two sends. Default 1000 ms. */
  sendIntervalMs?: number | (() => number)
  /** The font my messages are sent with (read at each send). Default: the seed's 宋体/10/black. */
  sendFont?: MessageFont | (() => MessageFont)
  /** Contacts are reloaded this often (and on demand). Default 10 minutes. */
  contactRefreshMs?: number
  /** Time between two QR state checks. Default 1000 ms. */
  qrPollIntervalMs?: number
  /** A poll that brings no news is not repeated sooner than this after the previous one started. Default 1000 ms. */
  pollMinIntervalMs?: number
  /** Ceiling of the network backoff (every retry wait). Default 15 s, so recovery is noticed within 20 s. */
  backoffMaxMs?: number
  /** Polls failing at least this long leave a "messages may be missing here" mark. Default 60 s. */
  outageGapMs?: number
  /** Human log lines (stderr headless, the app log in Electron). */
  log?(message: string): void
  /** While the store refuses writes, unsaved messages are retried this often. Default 5 s. */
  storageRetryMs?: number
  /** See LoginFlowDeps.signInReachMs: the app stops a sign-in that cannot reach the server and says why. */
  signInReachMs?: number | null
}

export interface HistoryQuery {
  limit?: number
  before?: string | null
  /** Newer than this cursor instead (paging forward from a search jump). */
  after?: string | null
}

export interface Engine {
  on<K extends keyof EngineEvents>(event: K, cb: (payload: EngineEvents[K]) => void): () => void
  /** Starts the lifecycle: remembered session if any, else the QR. Resolves once running (not once online). */
  start(): void
  /** Stops polling; waits for a send in flight; closes the store. Queued sends stay for the next start. */
  stop(): Promise<void>
  /** Ends the session on purpose (forgets the remembered one) and shows a new QR; also while still signing in or unreachable. */
  logout(): Promise<void>
  readonly state: SessionState
  /** While `unreachable` or `reconnecting` for network trouble: the cause and the next attempt. */
  readonly connection: ConnectionTrouble | null
  /** Starts the next attempt now instead of waiting for it (a person pressed "Retry now"); false when none was waiting. */
  retryNow(): boolean
  /** Whether messages are being saved (the last `storage` event). */
  readonly storage: StorageStatusDto
  readonly self: SelfDto | null
  /** The directory; reloaded from the server first when older than the refresh interval or with `refresh`. */
  contacts(options?: { refresh?: boolean }): Promise<ContactsDto>
  members(kind: 'group' | 'discuss', id: number, options?: { refresh?: boolean }): Promise<MemberDto[]>
  /** Queues a message (split if long); it goes out now or after the next login. */
  send(input: SendInput): OutboxDto[]
  retry(outboxId: number): OutboxDto
  /** Entries not yet sent (queued, sending, unconfirmed, failed). */
  outbox(): OutboxDto[]
  /** The newest outbox entry with this ref (any state), or null. */
  outboxByRef(ref: string): OutboxDto | null
  history(kind: ConversationKind, id: number, query?: HistoryQuery): HistoryPage
  /** The stored message `messageId` with up to `limit` older and `limit` newer ones (a search jump). */
  around(kind: ConversationKind, id: number, messageId: string, limit?: number): AroundPage
  /** Writes the whole stored history of a conversation to `path` (absolute; file mode 0600). */
  exportConversation(kind: ConversationKind, id: number, format: ExportFormat, path: string): ExportResult
  search(text: string, scope?: { kind: ConversationKind; id: number } | null, query?: HistoryQuery): HistoryPage
  unread(): UnreadDto[]
  markRead(kind: ConversationKind, id: number): void
  /** Our own presence (change_status2); 'invisible' is SmartQQ's 'hidden'. Needs an online session. */
  setStatus(status: 'online' | 'away' | 'busy' | 'invisible'): Promise<void>
  /** Every conversation with a pin, mute or draft (`id` null when not in the current contacts). */
  conversationPrefs(): ConversationPrefsDto[]
  /** Changes a conversation's pin, mute or draft (persisted) and emits `prefs`. */
  setConversationPrefs(input: PrefsInput): ConversationPrefsDto
  /** Stored conversations, newest activity first, with their last message and unread count. */
  conversations(): ConversationSummaryDto[]
  /** A profile card: buddy (get_friend_info2 + signature), group (announcement, owner, members) or discussion. */
  profile(kind: ConversationKind, id: number): Promise<ProfileDto>
  /** Signatures of up to 60 buddies (cached; fetched a few at a time); failed ones are left out. */
  signatures(uins: number[]): Promise<Record<number, string>>
  /** A buddy's real QQ number (get_friend_uin2, cached; qq-lookup.ts). */
  lookupQQ(uin: number): Promise<QqLookupDto>
}
