/**
 * The rows of the sidebar list for the chosen tab: buddy categories (collapsible, reachable people
 * first), groups, discussions, recent conversations (pinned first, then by activity), or, while
 * filtering, every matching contact of any kind. Flat rows so one virtual list renders them all.
 *
 * Speed (5,000 buddies, first render <= 100 ms): rows hold only what orders and names them; what changes
 * per conversation (unread, pin, mute, draft, signature) is looked up by the ~20 rows on screen. The
 * buddy list is built from the raw array (contactsStore.presenceVersion says when presence changed), so
 * sorting does not go through a reactive proxy on every comparison.
 */
import { computed, onScopeDispose, toRaw, watch, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import type { PresenceStatus } from '../../../shared/domain'
import type { BuddyDto, GroupDto } from '../../../shared/messenger'
import { buddyName, groupName, refKey, type ConversationRef } from '../lib/conversation-ref'
import { matchesName, normalizeQuery, warmSpellings } from '../lib/pinyin-filter'
import { presenceRank } from '../lib/presence'
import { useContactsStore } from '../stores/contacts'
import { useConversationsStore } from '../stores/conversations'
import { usePrefsStore } from '../stores/prefs'
import { useProfileStore } from '../stores/profile'
import { useRecentStore } from '../stores/recent'

export type SidebarTab = 'buddies' | 'groups' | 'discussions' | 'recent'

export interface ContactItemRow {
  type: 'contact'
  id: string
  ref: ConversationRef
  /** Markname, else nick (buddies); markname, else name (groups). */
  name: string
  /** The nick shown beside a buddy's markname, null when the name already is the nick. */
  nick: string | null
  /** Buddies only; null for groups and discussions. */
  status: PresenceStatus | null
  vipLevel: number
  /** Recent tab: the newest message; null elsewhere or when none is known. */
  preview: { sender: string | null; text: string } | null
  /** Recent tab: unix seconds of the newest activity. */
  time: number | null
  /** What tells a group apart from another one of the same name (count, owner), once known. */
  twin: { members: number | null; owner: string | null } | null
}

export type ContactRow =
  | {
      type: 'category'
      id: string
      name: string
      online: number
      total: number
      collapsed: boolean
    }
  | ContactItemRow

const collator = new Intl.Collator('zh-CN')

/** Reachable first, then by name (pinyin order); sort keys computed once per buddy, not per comparison. */
function byPresenceThenName(list: readonly BuddyDto[]): BuddyDto[] {
  return list
    .map((b) => ({ b, rank: presenceRank(b.status), name: buddyName(b) }))
    .sort((x, y) => x.rank - y.rank || collator.compare(x.name, y.name))
    .map((x) => x.b)
}

export function useContactRows(tab: Ref<SidebarTab>, filter: Ref<string>, collapsed: Ref<Set<string>>) {
  const contactsStore = useContactsStore()
  const { buddies, groups, discussions, recent, members } = storeToRefs(contactsStore)
  const { unread, activity } = storeToRefs(useConversationsStore())
  /** The buddies without reactivity on every field (see the file comment); re-read on presence changes. */
  const rawBuddies = computed(() => {
    void contactsStore.presenceVersion
    // A new array each time: the same one would count as "unchanged" and not recompute the lists.
    return toRaw(buddies.value).slice()
  })
  const prefs = usePrefsStore()
  const recentStore = useRecentStore()
  const profiles = useProfileStore()

  /** Group display names used by more than one group: those rows say what tells them apart. */
  const twinGroups = computed(() => {
    const count = new Map<string, number>()
    for (const g of groups.value) count.set(groupName(g), (count.get(groupName(g)) ?? 0) + 1)
    return groups.value.filter((g) => (count.get(groupName(g)) ?? 0) > 1)
  })
  const twinGids = computed(() => new Set(twinGroups.value.map((g) => g.gid)))
  // Lazily: only twins need their member count and owner, loaded once each.
  watch(twinGroups, (list) => list.forEach((g) => void profiles.load({ kind: 'group', id: g.gid })), { immediate: true })

  function twinOf(g: GroupDto): ContactItemRow['twin'] {
    if (!twinGids.value.has(g.gid)) return null
    const p = profiles.profileOf({ kind: 'group', id: g.gid })
    return p?.kind === 'group' ? { members: p.memberCount, owner: p.owner?.name ?? null } : { members: null, owner: null }
  }

  function row(ref: ConversationRef, name: string, extra: Partial<ContactItemRow> = {}): ContactItemRow {
    return {
      type: 'contact',
      id: refKey(ref),
      ref,
      name,
      nick: null,
      status: null,
      vipLevel: 0,
      preview: null,
      time: null,
      twin: null,
      ...extra
    }
  }

  const buddyRow = (b: BuddyDto, extra: Partial<ContactItemRow> = {}): ContactItemRow =>
    row({ kind: 'buddy', id: b.uin }, buddyName(b), {
      nick: b.markname && b.markname !== b.nick ? b.nick : null,
      status: b.status,
      vipLevel: b.vipLevel,
      ...extra
    })
  const groupRow = (g: GroupDto, extra: Partial<ContactItemRow> = {}): ContactItemRow =>
    row({ kind: 'group', id: g.gid }, groupName(g), { twin: twinOf(g), ...extra })

  // Spell every name in idle time once the contacts are there, so the first filter keystroke is instant.
  let stopWarming = (): void => {}
  watch(
    [buddies, groups, discussions],
    () => {
      stopWarming()
      stopWarming = warmSpellings([
        ...rawBuddies.value.flatMap((b) => (b.markname ? [b.markname, b.nick] : [b.nick])),
        ...groups.value.flatMap((g) => (g.markname ? [g.markname, g.name] : [g.name])),
        ...discussions.value.map((d) => d.name)
      ])
    },
    { immediate: true }
  )
  onScopeDispose(() => stopWarming())

  /** Groups and discussions in name (pinyin) order, so groups sharing a name sit together. */
  const sortedGroups = computed(() => [...groups.value].sort((a, b) => collator.compare(groupName(a), groupName(b))))
  const sortedDiscussions = computed(() => [...discussions.value].sort((a, b) => collator.compare(a.name, b.name)))

  /** uin -> group cards of that person in the groups whose members are loaded (the filter finds buddies by card). */
  const cardsByUin = computed(() => {
    const map = new Map<number, string[]>()
    for (const list of Object.values(members.value)) for (const m of list) if (m.card) map.set(m.uin, [...(map.get(m.uin) ?? []), m.card])
    return map
  })

  const filtered = computed(() => {
    const query = normalizeQuery(filter.value)
    if (query === '') return []
    const hit = (...names: Array<string | null | undefined>): boolean => names.some((n) => !!n && matchesName(n, query))
    return [
      ...rawBuddies.value.filter((b) => hit(b.markname, b.nick, ...(cardsByUin.value.get(b.uin) ?? []))).map((b) => buddyRow(b)),
      ...groups.value.filter((g) => hit(g.markname, g.name)).map((g) => groupRow(g)),
      ...discussions.value.filter((d) => hit(d.name)).map((d) => row({ kind: 'discuss', id: d.did }, d.name))
    ]
  })

  const buddyRows = computed(() => {
    const categories = new Map<string, BuddyDto[]>()
    for (const b of rawBuddies.value) {
      const list = categories.get(b.category) ?? []
      list.push(b)
      categories.set(b.category, list)
    }
    const rows: ContactRow[] = []
    for (const [name, list] of categories) {
      const isCollapsed = collapsed.value.has(name)
      rows.push({
        type: 'category',
        id: `category:${name}`,
        name,
        online: list.filter((b) => b.online).length,
        total: list.length,
        collapsed: isCollapsed
      })
      if (!isCollapsed) for (const b of byPresenceThenName(list)) rows.push(buddyRow(b))
    }
    return rows
  })

  const recentRows = computed(() => {
    const order = new Map<string, { ref: ConversationRef; rank: number }>()
    const note = (ref: ConversationRef, rank: number): void => {
      if (!order.has(refKey(ref))) order.set(refKey(ref), { ref, rank })
    }
    recent.value.forEach((r, i) => note({ kind: r.kind, id: r.id }, i))
    const late = Number.MAX_SAFE_INTEGER
    for (const s of recentStore.summaries) if (s.id !== null) note({ kind: s.kind, id: s.id }, late)
    for (const key of [...Object.keys(unread.value), ...Object.keys(activity.value), ...prefs.pinnedKeys]) {
      const [kind, id] = key.split(':') as [ConversationRef['kind'], string]
      note({ kind, id: Number(id) }, late)
    }
    const rows = [...order.values()].flatMap(({ ref, rank }) => {
      const key = refKey(ref)
      const summary = recentStore.summaryOf(key)
      const at = Math.max(summary?.lastTime ?? 0, activity.value[key] ?? 0, prefs.draftTimeOf(key) ?? 0)
      const preview = summary?.lastPreview ? { sender: ref.kind === 'buddy' ? null : summary.lastSender, text: summary.lastPreview } : null
      const extra: Partial<ContactItemRow> = { preview, time: at || null }
      let r: ContactItemRow
      if (ref.kind === 'buddy') {
        const b = contactsStore.buddyByUin.get(ref.id)
        r = b ? buddyRow(b, extra) : row(ref, summary?.title || String(ref.id), extra)
      } else if (ref.kind === 'group') {
        const g = contactsStore.groupByGid.get(ref.id)
        r = g ? groupRow(g, extra) : row(ref, summary?.title || String(ref.id), extra)
      } else {
        r = row(ref, contactsStore.nameOf(ref) ?? (summary?.title || String(ref.id)), extra)
      }
      return [{ row: r, rank, at }]
    })
    rows.sort((a, b) => Number(prefs.isPinned(b.row.id)) - Number(prefs.isPinned(a.row.id)) || b.at - a.at || a.rank - b.rank)
    return rows.map((r) => r.row)
  })

  return computed<ContactRow[]>(() => {
    if (normalizeQuery(filter.value) !== '') return filtered.value
    if (tab.value === 'buddies') return buddyRows.value
    if (tab.value === 'groups') return sortedGroups.value.map((g) => groupRow(g))
    if (tab.value === 'discussions') return sortedDiscussions.value.map((d) => row({ kind: 'discuss', id: d.did }, d.name))
    return recentRows.value
  })
}
