import type { ConversationKind } from '../../../shared/domain'
import type { BuddyDto, GroupDto } from '../../../shared/messenger'

/** A conversation of the current session: kind plus its current id (uin, gid, did). */
export interface ConversationRef {
  kind: ConversationKind
  id: number
}

/** The renderer's map key for a conversation (ids are stable within one session). */
export function refKey(ref: ConversationRef): string {
  return `${ref.kind}:${ref.id}`
}

/** What QQ shows for a buddy: the remark the user gave, else the nickname. */
export function buddyName(b: Pick<BuddyDto, 'markname' | 'nick'>): string {
  return b.markname || b.nick
}

export function groupName(g: Pick<GroupDto, 'markname' | 'name'>): string {
  return g.markname || g.name
}

/** The outbox id behind one of our own history messages (`outbox:<id>`), or null. */
export function outboxIdOf(messageId: string): number | null {
  const match = /^outbox:(\d+)$/.exec(messageId)
  return match ? Number(match[1]) : null
}
