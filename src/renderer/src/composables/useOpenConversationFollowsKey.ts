import { watch } from 'vue'
import type { ConversationKind } from '../../../shared/domain'
import { useContactsStore } from '../stores/contacts'
import { useConversationsStore } from '../stores/conversations'

/**
 * SmartQQ ids (uin, gid, did) belong to one login: after the session comes back (an outage ended, a
 * new login) the same person or group has a new id. The open conversation follows its stable key to
 * the new id, so the person stays in the conversation they had open instead of a dead one.
 */
export function useOpenConversationFollowsKey(): void {
  const contacts = useContactsStore()
  const conversations = useConversationsStore()
  let last: { kind: ConversationKind; key: string } | null = null

  const idOfKey = (kind: ConversationKind, key: string): number | null => {
    const list: Array<{ key: string; id: number }> =
      kind === 'buddy'
        ? contacts.buddies.map((b) => ({ key: b.key, id: b.uin }))
        : kind === 'group'
          ? contacts.groups.map((g) => ({ key: g.key, id: g.gid }))
          : contacts.discussions.map((d) => ({ key: d.key, id: d.did }))
    const found = list.filter((e) => e.key === key)
    // Two entries with one key cannot be told apart: never a guess.
    return found.length === 1 ? found[0]!.id : null
  }

  watch(
    () => [conversations.open, contacts.buddies, contacts.groups, contacts.discussions] as const,
    ([open]) => {
      if (!open) {
        last = null
        return
      }
      if (contacts.nameOf(open) !== null) {
        last = { kind: open.kind, key: contacts.keyOf(open) }
        return
      }
      if (!last || last.kind !== open.kind) return
      const id = idOfKey(last.kind, last.key)
      if (id !== null && id !== open.id) void conversations.follow(open, { kind: open.kind, id })
    },
    { immediate: true }
  )
}
