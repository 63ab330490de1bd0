import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ContactsDto, MemberDto, PresenceDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { buddyName, groupName, refKey, type ConversationRef } from '../lib/conversation-ref'
import { coalesced } from '../lib/coalesce'

/** The directory (buddies, groups, discussions, recent) of the signed-in account, kept live by pushes. */
export const useContactsStore = defineStore('contacts', () => {
  const api = useApi()
  const contacts = ref<ContactsDto | null>(null)
  const error = ref<string | null>(null)
  /** refKey -> members of a group or discussion, loaded when it is opened. */
  const members = ref<Record<string, MemberDto[]>>({})
  let unsubscribers: Array<() => void> = []

  const buddies = computed(() => contacts.value?.buddies ?? [])
  const groups = computed(() => contacts.value?.groups ?? [])
  const discussions = computed(() => contacts.value?.discussions ?? [])
  const recent = computed(() => contacts.value?.recent ?? [])
  const buddyByUin = computed(() => new Map(buddies.value.map((b) => [b.uin, b])))
  const groupByGid = computed(() => new Map(groups.value.map((g) => [g.gid, g])))
  const discussionByDid = computed(() => new Map(discussions.value.map((d) => [d.did, d])))

  async function load(refresh = false): Promise<void> {
    try {
      contacts.value = unwrap(await api.getContacts({ refresh }))
      error.value = null
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  // One reload per burst of changes (lookups report one per resolved sender).
  const reload = coalesced(load)

  /**
   * Bumped on every presence change. Lists of thousands of buddies are computed from the raw (non-reactive)
   * array, which is far cheaper than tracking every field of every buddy; they read this instead.
   */
  const presenceVersion = ref(0)

  function applyPresence({ uin, status }: PresenceDto): void {
    const buddy = buddyByUin.value.get(uin)
    if (!buddy) return
    buddy.status = status
    buddy.online = status !== 'offline'
    presenceVersion.value++
  }

  /** The stable key of a conversation when the directory knows it (else this session's ref key). */
  function keyOf(ref: ConversationRef): string {
    const known =
      ref.kind === 'buddy'
        ? buddyByUin.value.get(ref.id)?.key
        : ref.kind === 'group'
          ? groupByGid.value.get(ref.id)?.key
          : discussionByDid.value.get(ref.id)?.key
    return known ?? refKey(ref)
  }

  /** The name shown for a conversation, or null when it is not in the directory (yet). */
  function nameOf(ref: ConversationRef): string | null {
    if (ref.kind === 'buddy') {
      const b = buddyByUin.value.get(ref.id)
      return b ? buddyName(b) : null
    }
    if (ref.kind === 'group') {
      const g = groupByGid.value.get(ref.id)
      return g ? groupName(g) : null
    }
    return discussionByDid.value.get(ref.id)?.name ?? null
  }

  async function loadMembers(ref: ConversationRef & { kind: 'group' | 'discuss' }): Promise<void> {
    try {
      members.value[refKey(ref)] = unwrap(await api.getMembers(ref))
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      unsubscribers = [api.onContactsChanged(reload), api.onPresenceChanged(applyPresence)]
    }
    await load()
  }

  function dispose(): void {
    unsubscribers.forEach((u) => u())
    unsubscribers = []
    contacts.value = null
    members.value = {}
    error.value = null
  }

  return {
    contacts,
    error,
    members,
    buddies,
    groups,
    discussions,
    recent,
    buddyByUin,
    presenceVersion,
    groupByGid,
    discussionByDid,
    keyOf,
    load,
    loadMembers,
    applyPresence,
    nameOf,
    init,
    dispose
  }
})
