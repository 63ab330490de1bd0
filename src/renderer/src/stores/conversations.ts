import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import {
  outboxMessageId,
  type DeliveryState,
  type MessageDto,
  type OutboxDto
} from '../../../shared/messenger'
import type { SenderResolvedDto } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'
import { outboxIdOf, refKey, type ConversationRef } from '../lib/conversation-ref'
import { useSessionStore } from './session'

/** Messages per history page. */
export const PAGE_SIZE = 30

export interface Thread {
  /** Oldest first (the list shows the newest at the bottom). */
  messages: MessageDto[]
  /** Cursor of the next older page; null when the start of the history is reached. */
  next: string | null
  loadingOlder: boolean
}

/**
 * Open conversation, the messages of every visited conversation (keyset-paged from the history),
 * unread counts and the delivery state of our own messages.
 */
export const useConversationsStore = defineStore('conversations', () => {
  const api = useApi()
  const session = useSessionStore()
  const open = ref<ConversationRef | null>(null)
  const threads = reactive(new Map<string, Thread>())
  /** refKey -> messages from others not read yet. */
  const unread = ref<Record<string, number>>({})
  /** refKey -> unix seconds of the newest message seen in this session (orders the recent tab). */
  const activity = ref<Record<string, number>>({})
  const error = ref<string | null>(null)
  /** Outbox states that arrived before the send answer created their message. */
  const outboxStates = new Map<number, DeliveryState>()
  /** Message id -> thread key, to find our own messages when their outbox entry changes. */
  const located = new Map<string, string>()
  let unsubscribers: Array<() => void> = []

  function report(e: unknown): void {
    error.value = e instanceof Error ? e.message : String(e)
  }

  function add(key: string, messages: MessageDto[], where: 'older' | 'newer'): void {
    const thread = threads.get(key)
    if (!thread) return
    // An id belongs to one conversation and threads only grow, so a located id is already shown.
    const fresh = messages.filter((m) => !located.has(m.id))
    for (const m of fresh) {
      located.set(m.id, key)
      const id = outboxIdOf(m.id)
      const known = id === null ? undefined : outboxStates.get(id)
      if (known) m.state = known
    }
    if (where === 'older') thread.messages.unshift(...fresh)
    else thread.messages.push(...fresh)
  }

  function markRead(ref: ConversationRef): void {
    unread.value[refKey(ref)] = 0
    api.markRead(ref).then(unwrap).catch(report)
  }

  function receive(m: MessageDto): void {
    const ref = { kind: m.kind, id: m.conversationId }
    const key = refKey(ref)
    add(key, [m], 'newer')
    activity.value[key] = Math.max(activity.value[key] ?? 0, m.time)
    if (open.value && refKey(open.value) === key) markRead(ref)
    else if (!m.self) unread.value[key] = (unread.value[key] ?? 0) + 1
  }

  function applyOutbox(entry: OutboxDto): void {
    outboxStates.set(entry.id, entry.state)
    const messageId = outboxMessageId(entry.id)
    const key = located.get(messageId)
    const message = key ? threads.get(key)?.messages.find((m) => m.id === messageId) : undefined
    if (message) message.state = entry.state
  }

  /** A sender first shown under a placeholder got its real name: rename what is already shown. */
  function applySenderName(resolved: SenderResolvedDto): void {
    const thread = threads.get(refKey({ kind: resolved.kind, id: resolved.conversationId }))
    // A new `from` rather than a write into it, so a party object shared with another message is left alone.
    for (const m of thread?.messages ?? [])
      if (!m.self && m.from.uin === resolved.uin) m.from = { ...m.from, name: resolved.name }
  }

  async function loadPage(ref: ConversationRef, before: string | null): Promise<void> {
    const key = refKey(ref)
    const thread = threads.get(key)
    if (!thread || thread.loadingOlder) return
    thread.loadingOlder = true
    try {
      const page = unwrap(await api.getHistory({ ...ref, limit: PAGE_SIZE, before }))
      add(key, [...page.messages].reverse(), 'older')
      thread.next = page.next
    } catch (e) {
      report(e)
    } finally {
      thread.loadingOlder = false
    }
  }

  async function openConversation(ref: ConversationRef): Promise<void> {
    open.value = ref
    const key = refKey(ref)
    markRead(ref)
    if (threads.has(key)) return
    threads.set(key, { messages: [], next: null, loadingOlder: false })
    await loadPage(ref, null)
  }

  /** Loads the page before the oldest shown message; false when there is nothing older. */
  async function loadOlder(): Promise<boolean> {
    const ref = open.value
    const thread = ref ? threads.get(refKey(ref)) : undefined
    if (!ref || !thread?.next || thread.loadingOlder) return false
    await loadPage(ref, thread.next)
    return true
  }

  async function send(text: string): Promise<boolean> {
    const ref = open.value
    if (!ref || text.trim() === '') return false
    error.value = null
    try {
      const entries = unwrap(await api.sendMessage({ kind: ref.kind, to: ref.id, text }))
      const self = session.snapshot.self ?? { uin: 0, nick: '' }
      const time = Math.floor(Date.now() / 1000)
      add(
        refKey(ref),
        entries.map((e) => ownMessage(ref, e, self, time)),
        'newer'
      )
      activity.value[refKey(ref)] = time
      return true
    } catch (e) {
      report(e)
      return false
    }
  }

  async function retry(messageId: string): Promise<void> {
    const id = outboxIdOf(messageId)
    if (id === null) return
    try {
      applyOutbox(unwrap(await api.retryOutbox({ id })))
    } catch (e) {
      report(e)
    }
  }

  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      unsubscribers = [
        api.onMessageReceived(receive),
        api.onOutboxChanged(applyOutbox),
        api.onSenderResolved(applySenderName)
      ]
    }
    try {
      for (const u of unwrap(await api.getUnread())) {
        if (u.id !== null) unread.value[refKey({ kind: u.kind, id: u.id })] = u.count
      }
    } catch (e) {
      report(e)
    }
  }

  function dispose(): void {
    unsubscribers.forEach((u) => u())
    unsubscribers = []
    open.value = null
    threads.clear()
    unread.value = {}
    activity.value = {}
    error.value = null
    outboxStates.clear()
    located.clear()
  }

  return {
    open,
    threads,
    unread,
    activity,
    error,
    openConversation,
    loadOlder,
    send,
    retry,
    receive,
    applyOutbox,
    init,
    dispose
  }
})

function ownMessage(
  ref: ConversationRef,
  e: OutboxDto,
  self: { uin: number; nick: string },
  time: number
): MessageDto {
  return {
    id: outboxMessageId(e.id),
    kind: ref.kind,
    conversationKey: e.targetKey,
    conversationId: ref.id,
    from: { uin: self.uin, name: self.nick },
    to: { uin: ref.id, name: '' },
    text: e.text,
    segments: [{ type: 'text', text: e.text }],
    time,
    self: true,
    state: e.state
  }
}
