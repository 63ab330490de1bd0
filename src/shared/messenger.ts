/**
 * The messenger data the session engine produces and the renderer receives over IPC: plain-data
 * DTOs, declared once here (src/shared may not import from src/main; the engine's types.ts
 * re-exports these).
 * All `uin`/`gid`/`did`/`id` numbers are the CURRENT session's ids; `key`s are stable across logins.
 */
import type { ConversationKind, PresenceStatus, Segment } from './domain'
import type { MessageFont } from './fonts'

/** One compose box at most (the engine splits long texts into several sends). */
export const MAX_MESSAGE_CHARS = 4000
/** A history search query at most. */
export const MAX_SEARCH_CHARS = 100

/** Delivery state of one of our own messages. */
export type DeliveryState = 'queued' | 'sending' | 'sent' | 'unconfirmed' | 'failed'

export interface PartyDto {
  uin: number
  name: string
}

export interface MessageDto {
  id: string
  kind: ConversationKind
  conversationKey: string
  /** The conversation's current id: buddy uin, gid or did. */
  conversationId: number
  from: PartyDto
  to: PartyDto
  text: string
  segments: Segment[]
  /** Unix seconds. */
  time: number
  self: boolean
  /** Our own sends from this client: the outbox state. */
  state: DeliveryState | null
  /** History may be missing just before this message (the engine lost its session or polls meanwhile). */
  gapBefore?: GapDto | null
  /** The sender's font (shown per the peerFonts setting); null or absent when none is known. */
  font?: MessageFont | null
  /** Shown but not saved yet: the history cannot be written (a full disk); saved by itself once it can. */
  unsaved?: boolean
}

/**
 * Why messages may be missing: the session was relinked, ended (new login), polls failed for a long
 * time, or a poll answer came back broken after the server may have handed its messages over.
 */
export type GapReason = 'relink' | 'session-ended' | 'outage' | 'broken-answer'

export interface GapDto {
  reason: GapReason
  /** Epoch ms when the engine noticed it. */
  recordedAt: number
}

/** A gap just noticed: `conversationKey` null means every conversation. */
export interface GapRecordedDto extends GapDto {
  conversationKey: string | null
}

/**
 * Why messages are not (or were not) being saved: the disk is full, the profile cannot be written, the
 * history file is damaged, or it cannot be opened at all (e.g. a folder where the file should be).
 * 'no-full-text-search' (with ok true) says everything is saved but search is slower: the runtime's
 * SQLite has no FTS5, so search scans every message.
 */
export type StorageProblem = 'disk-full' | 'read-only' | 'damaged' | 'unavailable' | 'no-full-text-search'

/**
 * Whether the message history is being saved (engine event `storage`, IPC `storage:changed`, headless
 * `{"type":"storage",...}`). Sent when it changes. While `ok` is false messages are still received,
 * shown and sent, but kept in memory only: `unsaved` of them wait to be saved, and are saved by
 * themselves once the problem goes away (e.g. space is freed).
 */
export interface StorageStatusDto {
  ok: boolean
  /** null when everything is fine. A damaged file moved aside reports 'damaged' with ok true (a new file works). */
  reason: StorageProblem | null
  /** What the system said (English, for logs and bug reports), null when fine. */
  detail: string | null
  /** The history file concerned. */
  path: string | null
  /** Where a damaged history file was moved (kept, never deleted), null if none was. */
  movedTo: string | null
  /** Messages received or sent but not saved yet. */
  unsaved: number
}

/** Messages around one message (a search hit): N older, the message, N newer. */
export interface AroundPage {
  /** Newest first; contains the anchor. */
  messages: MessageDto[]
  anchor: string
  /** Cursor to page further back (history:get `before`), null at the start of the history. */
  older: string | null
  /** Cursor to page forward (history:get `after`), null when the newest message is included. */
  newer: string | null
}

export interface BuddyDto {
  uin: number
  nick: string
  markname: string | null
  category: string
  online: boolean
  status: PresenceStatus
  key: string
  /** QQ VIP level from get_user_friends2's vipinfo; 0 when not a VIP. */
  vipLevel: number
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
  loadedAt: number
}

export interface MemberDto {
  uin: number
  nick: string
  card: string | null
  /** Display name per the naming rules (card else nick in groups). */
  name: string
  /** Presence from the group's `stats` / the discussion's `mem_status` (absent there = offline); null when unknown. */
  status: PresenceStatus | null
  /** The group's owner (ginfo.owner) or an admin (mflag bit 0, as WebQQ's own client read it); null otherwise. */
  role: 'owner' | 'admin' | null
}

export interface OutboxDto {
  /** The history message of this entry has the id `outbox:<id>`. */
  id: number
  ref: string | null
  kind: ConversationKind
  targetKey: string
  text: string
  state: DeliveryState
  error: string | null
  part: number
  parts: number
  createdAt: number
}

export interface HistoryPage {
  /** Newest first. */
  messages: MessageDto[]
  /** Cursor for the next older page, null when there is none (for an `after` query: the next newer page). */
  next: string | null
}

export interface PresenceDto {
  uin: number
  status: PresenceStatus
}

export interface UnreadDto {
  conversationKey: string
  kind: ConversationKind
  id: number | null
  count: number
}

export interface ContactsChangedDto {
  reason: 'refresh' | 'lookup'
}

/** A pin, mute or draft the user set on one conversation (kept in the account's store across logins). */
export interface ConversationPrefsDto {
  /** Stable conversation key. */
  key: string
  kind: ConversationKind
  /** The conversation's current id, null when it is not in this session's contacts. */
  id: number | null
  pinned: boolean
  muted: boolean
  /** Unsent text, null when none. */
  draft: string | null
  /** Unix seconds of the last draft change (compare with message times), null without a draft. */
  draftTime: number | null
}

/** One stored conversation for the recent list (the engine keeps it; the renderer patches it live). */
export interface ConversationSummaryDto {
  key: string
  kind: ConversationKind
  /** The current id, null when the conversation is not in this session's contacts. */
  id: number | null
  title: string
  /** Unix seconds of the newest message, null when none is stored. */
  lastTime: number | null
  /** What a person reads of the newest message (faces as [name]), cut to a preview. */
  lastPreview: string | null
  /** Who sent it (the name at the time), null when unknown. */
  lastSender: string | null
  unread: number
}

export interface BirthdayDto {
  year: number
  month: number
  day: number
}

/**
 * A buddy's QQ number looked up on demand (get_friend_uin2). `available` false: the server no longer gives
 * QQ numbers out (closed by Tencent in 2017-04), so `qq` is null and asking again will not change that.
 */
export interface QqLookupDto {
  uin: number
  qq: number | null
  available: boolean
}

/** A buddy's card: get_friend_info2 fields (empty strings from the server become null), signature, QQ number. */
export interface BuddyProfileDto {
  kind: 'buddy'
  id: number
  key: string
  /** Real QQ number when known (get_friend_uin2 in the 2015 era, or a `buddy:qq:` key). */
  qq: number | null
  nick: string
  markname: string | null
  category: string
  status: PresenceStatus
  vipLevel: number
  signature: string | null
  gender: 'male' | 'female' | null
  birthday: BirthdayDto | null
  country: string | null
  province: string | null
  city: string | null
  occupation: string | null
  college: string | null
  phone: string | null
  mobile: string | null
  email: string | null
  homepage: string | null
  /** The free "personal description" field. */
  personal: string | null
}

export interface GroupProfileDto {
  kind: 'group'
  id: number
  key: string
  name: string
  markname: string | null
  /** The announcement (ginfo.memo), null when empty. */
  memo: string | null
  owner: { uin: number; name: string } | null
  memberCount: number | null
  /** Unix seconds, null when the server gave none. */
  createTime: number | null
}

export interface DiscussionProfileDto {
  kind: 'discuss'
  id: number
  key: string
  name: string
  members: MemberDto[]
}

export type ProfileDto = BuddyProfileDto | GroupProfileDto | DiscussionProfileDto

/** The history message id of an outbox entry (the store links them this way). */
export function outboxMessageId(outboxId: number): string {
  return `outbox:${outboxId}`
}
