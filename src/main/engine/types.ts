/**
 * The session engine's public facade types. Plain data only (no class instances, no functions in
 * payloads) so every event and answer can cross Electron IPC or be printed as JSON.
 * All `uin`/`gid`/`did` numbers are the CURRENT session's ids; `key`s are stable (identity.ts).
 */
import type { ConversationKind, PresenceStatus, Segment, SessionState } from '../../shared/domain'
import type { OutboxState } from '../store/types'

export type { OutboxState }

/** Why the lifecycle moved. */
export type StateReason =
  | 'start'
  | 'qr'
  | 'qr-scanned'
  | 'qr-expired'
  | 'confirmed'
  | 'remembered'
  | 'remembered-refused'
  | 'login-failed'
  | 'online'
  | 'network'
  | 'relink'
  | 'not-registered'
  | 'expired'
  | 'kicked'
  | 'logout'
  | 'stopped'

export interface StateEvent {
  state: SessionState
  previous: SessionState
  reason: StateReason
  /** Human text (server kick reason, error message), when there is one. */
  detail: string | null
  at: number
}

export interface QrEvent {
  png: Uint8Array
}

export interface SelfDto {
  uin: number
  /** Real QQ number (equals uin in SmartQQ). */
  qq: number
  nick: string
}

export interface ReadyEvent {
  self: SelfDto
  buddies: number
  groups: number
  discussions: number
  /** True when the login reused a remembered session (no QR). */
  remembered: boolean
}

export interface PartyDto {
  uin: number
  name: string
}

export interface MessageDto {
  id: string
  kind: ConversationKind
  /** Stable conversation key (history, unread). */
  conversationKey: string
  /** The conversation's current id: buddy uin, gid or did. */
  conversationId: number
  from: PartyDto
  /** Group/discussion for those kinds; for buddy messages the account itself (or the peer for our own sends). */
  to: PartyDto
  text: string
  segments: Segment[]
  time: number
  /** Sent by this account (from this client, or from another device). */
  self: boolean
  /** Our own sends from this client: the outbox state. */
  state: OutboxState | null
}

export interface BuddyDto {
  uin: number
  nick: string
  markname: string | null
  category: string
  online: boolean
  status: PresenceStatus
  key: string
}

export interface GroupDto {
  gid: number
  code: number
  name: string
  markname: string | null
  key: string
}

export interface DiscussionDto {
  did: number
  name: string
  key: string
}

export interface RecentDto {
  kind: ConversationKind
  id: number
  key: string | null
}

export interface ContactsDto {
  buddies: BuddyDto[]
  groups: GroupDto[]
  discussions: DiscussionDto[]
  recent: RecentDto[]
  /** When the directory was last loaded from the server (ms). */
  loadedAt: number
}

export interface MemberDto {
  uin: number
  nick: string
  card: string | null
  /** Display name per the naming rules. */
  name: string
}

export interface OutboxDto {
  id: number
  ref: string | null
  kind: ConversationKind
  targetKey: string
  text: string
  state: OutboxState
  error: string | null
  part: number
  parts: number
  createdAt: number
}

export interface HistoryPage {
  messages: MessageDto[]
  next: string | null
}

export interface PresenceEvent {
  uin: number
  status: PresenceStatus
}

export interface UnreadDto {
  conversationKey: string
  kind: ConversationKind
  /** Current id, or null when the conversation is not in this session's directory. */
  id: number | null
  count: number
}

/** Events delivered by `engine.on(name, cb)`. */
export interface EngineEvents {
  state: StateEvent
  qr: QrEvent
  ready: ReadyEvent
  /** A new incoming message (duplicates and echoes of our own sends are never emitted). */
  message: MessageDto
  /** An outbox entry changed state. */
  outbox: OutboxDto
  presence: PresenceEvent
  /** The directory changed (refresh, lookup); re-read contacts() when interested. */
  contacts: { reason: 'refresh' | 'lookup' }
  /** A name shown as a placeholder was resolved (conversation current id + sender uin). */
  'sender-resolved': { kind: ConversationKind; conversationId: number; uin: number; name: string }
}

export type SendInput =
  | { kind: ConversationKind; to: number; text: string; ref?: string }
  | { kind: ConversationKind; to: number; segments: Segment[]; ref?: string }

/** Thrown by engine commands for caller errors (unknown target, empty text...). */
export class EngineCommandError extends Error {
  override name = 'EngineCommandError'
}
