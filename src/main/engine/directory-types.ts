/**
 * The shapes the contact directory (directory.ts) keeps per session: buddies, group and discussion
 * members, groups, discussions, the account itself, and what a message's sender resolves to.
 */
import type { ConversationKind, PresenceStatus } from '../../shared/domain'

export const DEFAULT_CATEGORY_NAME = '我的好友'

export interface BuddyEntry {
  uin: number
  nick: string
  markname: string | null
  category: number
  categoryName: string
  status: PresenceStatus
  qq: number | null
  key: string
  /** 0 when not a VIP. */
  vipLevel: number
}

export interface MemberEntry {
  uin: number
  nick: string
  card: string | null
  qq: number | null
  /** From the group's stats / the discussion's mem_status (absent there = offline). */
  status: PresenceStatus | null
  role: 'owner' | 'admin' | null
}

export interface GroupEntry {
  gid: number
  code: number
  name: string
  markname: string | null
  memo: string | null
  owner: number | null
  /** Unix seconds (ginfo.createtime), null until the group info was loaded or when the server gave 0. */
  createTime: number | null
  key: string
  members: Map<number, MemberEntry> | null
}

export interface DiscussionEntry {
  did: number
  name: string
  key: string
  members: Map<number, MemberEntry> | null
}

export interface SelfEntry {
  uin: number
  qq: number
  nick: string
}

export interface SenderInfo {
  name: string
  key: string
  /** False while the sender is unknown and shown by a placeholder. */
  known: boolean
}

export interface DirectoryHooks {
  /** A conversation got a better stable key: move its history. */
  rekey(from: string, to: string): void
  /** Something visible changed (after a lookup or a refresh). */
  changed(reason: 'refresh' | 'lookup'): void
  /** A placeholder sender now has a name. */
  senderResolved(kind: ConversationKind, conversationId: number, uin: number, name: string): void
  log(message: string): void
}
