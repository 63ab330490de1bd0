/**
 * SmartQQ gives every conversation new ids in each session (uin, gid, did); only the stable keys
 * stay. After a session is renewed (expiry, kick) the messenger keeps what it shows by moving each
 * old id to the new one with the same key.
 */
import type { ContactsDto } from '../../../shared/messenger'
import { refKey, type ConversationRef } from './conversation-ref'

type Directory = Pick<ContactsDto, 'buddies' | 'groups' | 'discussions'>

/** Old ref key -> the same conversation's ref in the new session (only those whose id changed and that are still there). */
export function movedIds(before: Directory, after: Directory): Map<string, ConversationRef> {
  const moved = new Map<string, ConversationRef>()
  const follow = <T extends { key: string }>(
    kind: ConversationRef['kind'],
    old: readonly T[],
    now: readonly T[],
    idOf: (entry: T) => number
  ): void => {
    const byKey = new Map(now.map((entry) => [entry.key, entry]))
    for (const entry of old) {
      const next = byKey.get(entry.key)
      if (next && idOf(next) !== idOf(entry)) moved.set(refKey({ kind, id: idOf(entry) }), { kind, id: idOf(next) })
    }
  }
  follow('buddy', before.buddies, after.buddies, (b) => b.uin)
  follow('group', before.groups, after.groups, (g) => g.gid)
  follow('discuss', before.discussions, after.discussions, (d) => d.did)
  return moved
}
