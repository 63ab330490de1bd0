import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SenderResolvedDto } from '../../../shared/ipc'
import type { ConversationSummaryDto, MessageDto, OutboxDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { refKey } from '../lib/conversation-ref'
import { useContactsStore } from './contacts'
import { useSessionStore } from './session'
import { coalesced } from '../lib/coalesce'

/** Preview length kept when a message arrives live (the store cuts its previews the same way). */
const PREVIEW_CHARS = 60

/**
 * The stored conversations with their newest message (what the recent list shows), loaded once and
 * then kept current by the messages and sends of this session.
 */
export const useRecentStore = defineStore('recent', () => {
  const api = useApi()
  const session = useSessionStore()
  const contacts = useContactsStore()

  /** The current id of a stable key, from the directory (a first send has no stored summary yet). */
  function idOfKey(kind: ConversationSummaryDto['kind'], key: string): number | null {
    if (kind === 'buddy') return contacts.buddies.find((b) => b.key === key)?.uin ?? null
    if (kind === 'group') return contacts.groups.find((g) => g.key === key)?.gid ?? null
    return contacts.discussions.find((d) => d.key === key)?.did ?? null
  }
  /** Stable key -> summary. */
  const byKey = ref<Record<string, ConversationSummaryDto>>({})
  const error = ref<string | null>(null)
  let unsubscribers: Array<() => void> = []

  const summaries = computed(() => Object.values(byKey.value))
  const byRef = computed(() => {
    const map = new Map<string, ConversationSummaryDto>()
    for (const s of summaries.value) if (s.id !== null) map.set(refKey({ kind: s.kind, id: s.id }), s)
    return map
  })

  /** By refKey (`group:22`) or stable key. */
  const summaryOf = (key: string): ConversationSummaryDto | undefined => byRef.value.get(key) ?? byKey.value[key]

  type Patch = Omit<ConversationSummaryDto, 'key' | 'unread' | 'title'>

  /** Writes `patch` into `into` (a copy of byKey being built); false when older news leaves it as it is. */
  function noteInto(into: Record<string, ConversationSummaryDto>, key: string, patch: Patch): void {
    const old = into[key]
    // Only newer news moves the preview (offline messages can arrive after newer ones).
    if (old?.lastTime != null && patch.lastTime != null && patch.lastTime < old.lastTime) return
    into[key] = { key, unread: old?.unread ?? 0, title: old?.title ?? '', ...patch }
  }

  function note(key: string, patch: Patch): void {
    const next = { ...byKey.value }
    noteInto(next, key, patch)
    byKey.value = next
  }

  const preview = (text: string): string => [...text].slice(0, PREVIEW_CHARS).join('')

  /**
   * A batch of live messages (main coalesces a flood): the list is copied once for the whole batch, not
   * once per message (20,000 copies of a 200-entry list froze the window), and only each conversation's
   * last message makes a preview.
   */
  function receiveMany(messages: readonly MessageDto[]): void {
    const newest = new Map<string, MessageDto>()
    for (const m of messages) {
      const seen = newest.get(m.conversationKey)
      if (!seen || m.time >= seen.time) newest.set(m.conversationKey, m)
    }
    const next = { ...byKey.value }
    for (const m of newest.values())
      noteInto(next, m.conversationKey, {
        kind: m.kind,
        id: m.conversationId,
        lastTime: m.time,
        lastPreview: preview(m.text),
        lastSender: m.from.name
      })
    byKey.value = next
  }

  function receive(m: MessageDto): void {
    receiveMany([m])
  }

  function applyOutbox(e: OutboxDto): void {
    // The first report of a new send (queued) carries its text; later state changes add nothing here.
    if (e.state !== 'queued' || e.part !== e.parts - 1) return
    const old = byKey.value[e.targetKey]
    note(e.targetKey, {
      kind: e.kind,
      id: old?.id ?? idOfKey(e.kind, e.targetKey),
      lastTime: Math.floor(e.createdAt / 1000),
      lastPreview: preview(e.text),
      lastSender: session.snapshot.self?.nick ?? null
    })
  }

  /** A sender first stored under its placeholder (`#<uin>`) got its name: the preview says it too. */
  function applySenderName(r: SenderResolvedDto): void {
    const s = byRef.value.get(refKey({ kind: r.kind, id: r.conversationId }))
    if (s && s.lastSender === `#${r.uin}`) byKey.value = { ...byKey.value, [s.key]: { ...s, lastSender: r.name } }
  }

  async function load(): Promise<void> {
    try {
      const list = unwrap(await api.listConversations())
      byKey.value = Object.fromEntries(list.map((s) => [s.key, s]))
      error.value = null
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  // One reload per burst of contact changes (lookups report one per resolved sender).
  const reloadSoon = coalesced(load)

  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      unsubscribers = [
        api.onMessageReceived(receive),
        api.onMessagesReceived(receiveMany),
        api.onOutboxChanged(applyOutbox),
        api.onSenderResolved(applySenderName),
        // New current ids after a refresh or a new login.
        api.onContactsChanged(reloadSoon)
      ]
    }
    await load()
  }

  function dispose(): void {
    unsubscribers.forEach((u) => u())
    unsubscribers = []
    byKey.value = {}
    error.value = null
  }

  return { byKey, summaries, error, summaryOf, receive, receiveMany, applyOutbox, applySenderName, load, init, dispose }
})
