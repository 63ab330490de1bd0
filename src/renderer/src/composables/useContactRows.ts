/**
 * The rows of the sidebar list for the chosen tab: buddy categories (collapsible, online first),
 * groups, discussions, recent conversations (unread first), or, while filtering, every matching
 * contact of any kind. Flat rows so one virtual list renders them all.
 */
import { computed, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import type { BuddyDto } from '../../../shared/messenger'
import { buddyName, groupName, refKey, type ConversationRef } from '../lib/conversation-ref'
import { matchesName, normalizeQuery } from '../lib/pinyin-filter'
import { useContactsStore } from '../stores/contacts'
import { useConversationsStore } from '../stores/conversations'

export type SidebarTab = 'buddies' | 'groups' | 'discussions' | 'recent'

export type ContactRow =
  | {
      type: 'category'
      id: string
      name: string
      online: number
      total: number
      collapsed: boolean
    }
  | {
      type: 'contact'
      id: string
      ref: ConversationRef
      name: string
      online: boolean | null
      unread: number
    }

export type ContactItemRow = Extract<ContactRow, { type: 'contact' }>

const collator = new Intl.Collator('zh-CN')

function byPresenceThenName(a: BuddyDto, b: BuddyDto): number {
  if (a.online !== b.online) return a.online ? -1 : 1
  return collator.compare(buddyName(a), buddyName(b))
}

export function useContactRows(
  tab: Ref<SidebarTab>,
  filter: Ref<string>,
  collapsed: Ref<Set<string>>
) {
  const contactsStore = useContactsStore()
  const { buddies, groups, discussions, recent } = storeToRefs(contactsStore)
  const { unread, activity } = storeToRefs(useConversationsStore())

  const row = (ref: ConversationRef, name: string, online: boolean | null): ContactItemRow => ({
    type: 'contact',
    id: refKey(ref),
    ref,
    name,
    online,
    unread: unread.value[refKey(ref)] ?? 0
  })

  /** Every conversation the user can open, as rows (buddies, then groups, then discussions). */
  const everyone = computed(() => [
    ...buddies.value.map((b) => row({ kind: 'buddy', id: b.uin }, buddyName(b), b.online)),
    ...groups.value.map((g) => row({ kind: 'group', id: g.gid }, groupName(g), null)),
    ...discussions.value.map((d) => row({ kind: 'discuss', id: d.did }, d.name, null))
  ])

  const buddyRows = computed(() => {
    const categories = new Map<string, BuddyDto[]>()
    for (const b of buddies.value) {
      const list = categories.get(b.category) ?? []
      list.push(b)
      categories.set(b.category, list)
    }
    const rows: ContactRow[] = []
    for (const [name, list] of categories) {
      const isCollapsed = collapsed.value.has(name)
      const online = list.filter((b) => b.online).length
      rows.push({
        type: 'category',
        id: `category:${name}`,
        name,
        online,
        total: list.length,
        collapsed: isCollapsed
      })
      if (!isCollapsed) {
        for (const b of [...list].sort(byPresenceThenName))
          rows.push(row({ kind: 'buddy', id: b.uin }, buddyName(b), b.online))
      }
    }
    return rows
  })

  const recentRows = computed(() => {
    const order = new Map<string, { ref: ConversationRef; rank: number }>()
    const note = (ref: ConversationRef, rank: number) => {
      if (!order.has(refKey(ref))) order.set(refKey(ref), { ref, rank })
    }
    recent.value.forEach((r, i) => note({ kind: r.kind, id: r.id }, i))
    for (const key of [...Object.keys(unread.value), ...Object.keys(activity.value)]) {
      const [kind, id] = key.split(':') as [ConversationRef['kind'], string]
      note({ kind, id: Number(id) }, Number.MAX_SAFE_INTEGER)
    }
    const rows = [...order.values()].map(({ ref, rank }) => ({
      row: row(
        ref,
        contactsStore.nameOf(ref) ?? String(ref.id),
        ref.kind === 'buddy' ? (contactsStore.buddyByUin.get(ref.id)?.online ?? null) : null
      ),
      rank,
      at: activity.value[refKey(ref)] ?? 0
    }))
    rows.sort(
      (a, b) =>
        Number(b.row.unread > 0) - Number(a.row.unread > 0) || b.at - a.at || a.rank - b.rank
    )
    return rows.map((r) => r.row)
  })

  return computed<ContactRow[]>(() => {
    const query = normalizeQuery(filter.value)
    if (query !== '') return everyone.value.filter((r) => matchesName(r.name, query))
    if (tab.value === 'buddies') return buddyRows.value
    if (tab.value === 'groups') return everyone.value.filter((r) => r.ref.kind === 'group')
    if (tab.value === 'discussions') return everyone.value.filter((r) => r.ref.kind === 'discuss')
    return recentRows.value
  })
}
