/**
 * The session engine's public facade types. Plain data only (no class instances, no functions in
 * payloads) so every event and answer can cross Electron IPC or be printed as JSON.
 * All `uin`/`gid`/`did` numbers are the CURRENT session's ids; `key`s are stable (identity.ts).
 */
import type { ConnectionTrouble, ConversationKind, PresenceStatus, Segment, SessionState } from '../../shared/domain'
import type { ExportFormat, OutboxState } from '../store/types'
import type { ConversationPrefsDto, GapRecordedDto, MessageDto, OutboxDto, StorageStatusDto } from '../../shared/messenger'
import type { Unreachable } from '../protocol/unreachable'

export type { ExportFormat, OutboxState, Unreachable }
// The plain-data DTOs cross IPC, so they are declared once in src/shared (the renderer's side).
export type * from '../../shared/messenger'

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
  /** While retrying a server that cannot be reached: why, and when the next attempt starts. */
  retry: ConnectionTrouble | null
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

export interface PresenceEvent {
  uin: number
  status: PresenceStatus
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
  /** History may be missing from here on (the session was relinked or lost, or polls failed long). */
  gap: GapRecordedDto
  /** A conversation's pin, mute or draft changed (through setConversationPrefs). */
  prefs: ConversationPrefsDto
  /** Whether messages are being saved changed (storage-health.ts). */
  storage: StorageStatusDto
  /** A sign-in stopped: the server cannot be reached (only with EngineOptions.signInReachMs). */
  unreachable: Unreachable
}

export type SendInput =
  { kind: ConversationKind; to: number; text: string; ref?: string } | { kind: ConversationKind; to: number; segments: Segment[]; ref?: string }

/** Where a conversation export was written. */
export interface ExportResult {
  path: string
  format: ExportFormat
}

/** Thrown by engine commands for caller errors (unknown target, empty text...). */
export class EngineCommandError extends Error {
  override name = 'EngineCommandError'
}
