import { defineStore } from 'pinia'
import { reactive, ref, toRaw } from 'vue'
import type { GapRecordedDto, MessageDto } from '../../../shared/messenger'
import { checkExternalLink } from '../../../shared/external-link'
import { composeSegments } from '../lib/compose-segments'
import type { SenderResolvedDto } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey, linkRefusalKey } from '../lib/error-text'
import { outboxIdOf, refKey, type ConversationRef } from '../lib/conversation-ref'
import { useSessionStore } from './session'
import { firstUnreadId, insertPage, lastIndexOf, newThread, ownMessage, type Thread } from './thread'
import { createOutboxSync } from './outbox-sync'
import { remapConversationIds } from './id-remap'

export type { Thread } from './thread'

/** Messages per history page. */
export const PAGE_SIZE = 30
/** Older pages loaded at most to reach the first unread message when a conversation opens. */
export const DIVIDER_MAX_PAGES = 6

/** Messages on each side of a search hit when jumping to it. */
export const AROUND_SIZE = 30

/** The message a jump landed on: scrolled to, and its matches highlighted. */
export interface JumpTarget {
  key: string
  messageId: string
  query: string | null
}

/**
 * Open conversation, the messages of every visited conversation (keyset-paged from the history),
 * unread counts and the delivery state of our own messages.
 */
export const useConversationsStore = defineStore('conversations', () => {
  const api = useApi()
  const session = useSessionStore()
  const open = ref<ConversationRef | null>(null)
  /**
   * Changes when ANOTHER conversation is opened, not when a renewed session gives the open one a new
   * id (remapIds): the conversation view's key, so it keeps its scroll position and composer then.
   */
  const openSerial = ref(0)
  function setOpen(next: ConversationRef): void {
    if (!open.value || refKey(open.value) !== refKey(next)) openSerial.value++
    open.value = next
  }
  const threads = reactive(new Map<string, Thread>())
  /** refKey -> messages from others not read yet. */
  const unread = ref<Record<string, number>>({})
  /** refKey -> unread messages that @-mention me (the recent list says "[有人@我]"). */
  const mentions = ref<Record<string, number>>({})
  /**
   * refKey -> the first message that was unread when the conversation was opened: the list shows a "new
   * messages" divider above it and opens there instead of at the bottom.
   */
  const dividers = ref<Record<string, string>>({})
  /** refKey -> unix seconds of the newest message seen in this session (orders the recent tab). */
  const activity = ref<Record<string, number>>({})
  const error = ref<string | null>(null)
  /** Message id -> why its send failed (the outbox's text; shown as a sentence via lib/error-text). */
  const failures = ref<Record<string, string | null>>({})
  const jump = ref<JumpTarget | null>(null)
  /** Message id -> thread key, to find our own messages when their outbox entry changes. */
  const located = new Map<string, string>()
  let unsubscribers: Array<() => void> = []

  function report(e: unknown): void {
    error.value = errorKey(e)
  }

  function add(key: string, messages: MessageDto[], where: 'older' | 'newer'): void {
    const thread = threads.get(key)
    if (!thread) return
    // An id belongs to one conversation and threads only grow, so a located id is already shown.
    const fresh = messages.filter((m) => !located.has(m.id))
    for (const m of fresh) {
      located.set(m.id, key)
      const id = outboxIdOf(m.id)
      const known = id === null ? undefined : outbox.stateOf(id)
      if (known) m.state = known
    }
    if (where === 'older') insertPage(thread, fresh, 'start')
    else {
      if (thread.pendingGap && fresh.length > 0) {
        fresh[0]!.gapBefore ??= thread.pendingGap
        thread.pendingGap = null
      }
      insertPage(thread, fresh, 'end')
    }
  }

  /** Drops a thread's messages (before it is read again from another place). */
  function forget(key: string): void {
    // Read raw: going through the reactive array would wrap every message of a long thread in a proxy.
    for (const m of toRaw(threads.get(key)?.messages ?? [])) located.delete(m.id)
    threads.delete(key)
  }

  /** History may be missing from here on: the next message of each affected thread carries the mark. */
  function applyGap(gap: GapRecordedDto): void {
    for (const thread of threads.values()) {
      const last = thread.messages[thread.messages.length - 1]
      if (!last || thread.newer !== null) continue
      if (gap.conversationKey === null || gap.conversationKey === last.conversationKey)
        thread.pendingGap = { reason: gap.reason, recordedAt: gap.recordedAt }
    }
  }

  function markRead(ref: ConversationRef): void {
    unread.value[refKey(ref)] = 0
    mentions.value[refKey(ref)] = 0
    api.markRead(ref).then(unwrap).catch(report)
  }

  function receive(m: MessageDto): void {
    receiveMany([m])
  }

  /**
   * A batch of live messages, oldest first (main coalesces a flood): one append per thread, one read
   * mark for the open conversation and one unread update per conversation, not one of each per message.
   */
  function receiveMany(messages: readonly MessageDto[]): void {
    const byThread = new Map<string, MessageDto[]>()
    for (const m of messages) {
      const key = refKey({ kind: m.kind, id: m.conversationId })
      const list = byThread.get(key)
      if (list) list.push(m)
      else byThread.set(key, [m])
    }
    const openKey = open.value ? refKey(open.value) : null
    for (const [key, list] of byThread) {
      const first = list[0]!
      // After a jump into the past the newest messages are not loaded: these join when paging reaches them.
      if (threads.get(key)?.newer == null) add(key, list, 'newer')
      activity.value[key] = list.reduce((t, m) => Math.max(t, m.time), activity.value[key] ?? 0)
      if (key === openKey) markRead({ kind: first.kind, id: first.conversationId })
      else {
        const fromOthers = list.reduce((n, m) => (m.self ? n : n + 1), 0)
        if (fromOthers > 0) unread.value[key] = (unread.value[key] ?? 0) + fromOthers
        const mentioning = list.reduce((n, m) => (!m.self && m.mentionsMe ? n + 1 : n), 0)
        if (mentioning > 0) mentions.value[key] = (mentions.value[key] ?? 0) + mentioning
      }
    }
  }

  const outbox = createOutboxSync({
    threads,
    located,
    failures,
    // A message sent from another window (a pop-out or the main window) shows here too, in a thread this
    // window has loaded; threads loaded later read it from the history anyway.
    adopt(ref, entry) {
      if (!threads.has(refKey(ref))) return
      const self = session.snapshot.self ?? { uin: 0, nick: '' }
      const time = Math.floor(entry.createdAt / 1000)
      add(refKey(ref), [ownMessage(ref, entry, self, time, null)], 'newer')
      activity.value[refKey(ref)] = Math.max(activity.value[refKey(ref)] ?? 0, time)
    }
  })
  const applyOutbox = outbox.apply

  /** A sender first shown under a placeholder got its real name: rename what is already shown. */
  function applySenderName(resolved: SenderResolvedDto): void {
    const list = threads.get(refKey({ kind: resolved.kind, id: resolved.conversationId }))?.messages ?? []
    // Searched raw, written through the reactive array (only the matches are wrapped). A new `from` rather
    // than a write into it, so a party object shared with another message is left alone.
    toRaw(list).forEach((m, i) => {
      if (!m.self && m.from.uin === resolved.uin) list[i]!.from = { ...m.from, name: resolved.name }
    })
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
    setOpen(ref)
    const key = refKey(ref)
    const waiting = unread.value[key] ?? 0
    markRead(ref)
    if (jump.value?.key !== key) jump.value = null
    if (!threads.has(key)) {
      threads.set(key, newThread())
      await loadPage(ref, null)
    }
    await placeDivider(ref, waiting)
  }

  /** Marks the first of `waiting` unread messages (loading older pages until it is in, a few at most). */
  async function placeDivider(ref: ConversationRef, waiting: number): Promise<void> {
    const key = refKey(ref)
    if (waiting <= 0 || jump.value?.key === key) {
      delete dividers.value[key]
      return
    }
    for (let pages = 0; ; pages++) {
      const thread = threads.get(key)
      if (!thread || thread.newer !== null) return
      const id = firstUnreadId(thread.messages, waiting)
      if (id !== null || !thread.next || pages >= DIVIDER_MAX_PAGES) {
        const first = id ?? thread.messages.find((m) => !m.self)?.id
        if (first) dividers.value[key] = first
        return
      }
      await loadPage(ref, thread.next)
    }
  }

  /** Removes a message from this computer's history (the other side keeps it) and from the list. */
  async function deleteLocal(message: MessageDto): Promise<boolean> {
    const ref = { kind: message.kind, id: message.conversationId }
    try {
      unwrap(await api.deleteMessage({ ...ref, message: message.id }))
      const key = refKey(ref)
      const list = threads.get(key)?.messages
      const index = list ? lastIndexOf(list, message.id) : -1
      if (list && index >= 0) list.splice(index, 1)
      if (dividers.value[key] === message.id) delete dividers.value[key]
      return true
    } catch (e) {
      report(e)
      return false
    }
  }

  /** The open conversation has a new id (a new session): its thread is read again under that id. */
  async function follow(from: ConversationRef, to: ConversationRef): Promise<void> {
    // The thread moves with it (messages, scroll position, the view itself): see remapIds.
    remapIds(new Map([[refKey(from), to]]))
    await openConversation(to)
    await catchUp(to)
  }

  /**
   * After the session came back: what the history got meanwhile joins the end of the thread (the
   * rows on screen stay where they are). A thread scrolled into the past catches up when paged.
   */
  async function catchUp(ref: ConversationRef): Promise<void> {
    const key = refKey(ref)
    const thread = threads.get(key)
    if (!thread || thread.newer !== null) return
    try {
      const page = unwrap(await api.getHistory({ ...ref, limit: PAGE_SIZE, before: null }))
      add(key, [...page.messages].reverse(), 'newer')
    } catch (e) {
      report(e)
    }
  }

  /** Opens a conversation AT a message (a search hit) with its neighbours, to page both ways from. */
  async function jumpTo(ref: ConversationRef, messageId: string, query: string | null = null): Promise<boolean> {
    const key = refKey(ref)
    setOpen(ref)
    markRead(ref)
    try {
      const page = unwrap(await api.getHistoryAround({ ...ref, message: messageId, limit: AROUND_SIZE }))
      forget(key)
      threads.set(key, { ...newThread(), next: page.older, newer: page.newer })
      add(key, [...page.messages].reverse(), 'older')
      jump.value = { key, messageId, query }
      return true
    } catch (e) {
      report(e)
      if (!threads.has(key)) {
        threads.set(key, newThread())
        await loadPage(ref, null)
      }
      return false
    }
  }

  /** Back to the newest messages after a jump (the composer's send and the "latest" button). */
  async function showLatest(ref: ConversationRef): Promise<void> {
    const key = refKey(ref)
    if (jump.value?.key === key) jump.value = null
    if (threads.get(key)?.newer == null) return
    forget(key)
    threads.set(key, newThread())
    await loadPage(ref, null)
  }

  /** Loads the page after the newest shown message (after a jump); false when there is nothing newer. */
  async function loadNewer(): Promise<boolean> {
    const ref = open.value
    const key = ref ? refKey(ref) : ''
    const thread = threads.get(key)
    if (!ref || !thread?.newer || thread.loadingNewer) return false
    thread.loadingNewer = true
    try {
      const page = unwrap(await api.getHistory({ ...ref, limit: PAGE_SIZE, after: thread.newer }))
      add(key, [...page.messages].reverse(), 'newer')
      thread.newer = page.next
      return true
    } catch (e) {
      report(e)
      return false
    } finally {
      thread.loadingNewer = false
    }
  }

  /** Opens a link in the browser, or says in a sentence why it is not opened (shared/external-link.ts). */
  async function openLink(url: string): Promise<void> {
    // Decided here first, so a refused link gets its reason at once (main checks again).
    const check = checkExternalLink(url)
    if (!check.ok) {
      error.value = linkRefusalKey(check.reason)
      return
    }
    try {
      if (!unwrap(await api.openExternal({ url: check.href }))) error.value = linkRefusalKey('invalid')
    } catch (e) {
      report(e)
    }
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
      // Faces written as [name] go out as face segments; other text as it is.
      const segments = composeSegments(text)
      const entries = unwrap(await api.sendMessage(segments ? { kind: ref.kind, to: ref.id, segments } : { kind: ref.kind, to: ref.id, text }))
      await showLatest(ref)
      const self = session.snapshot.self ?? { uin: 0, nick: '' }
      const time = Math.floor(Date.now() / 1000)
      add(
        refKey(ref),
        entries.map((e) => ownMessage(ref, e, self, time, entries.length === 1 ? segments : null)),
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
        api.onMessagesReceived(receiveMany),
        api.onOutboxChanged(applyOutbox),
        api.onSenderResolved(applySenderName),
        // Read in another window (a pop-out, or the main window): no unread badge here either.
        api.onUnreadCleared((read) => {
          unread.value[refKey(read)] = 0
          mentions.value[refKey(read)] = 0
        }),
        api.onHistoryGap(applyGap)
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

  /**
   * A renewed session (after expiry or a kick) gave the same conversations new ids: every thread,
   * count and the open conversation move to the new ids, keeping their messages (and so the scroll
   * position). `moved` maps old ref keys to new refs; a conversation not in it keeps its old key.
   */
  function remapIds(moved: ReadonlyMap<string, ConversationRef>): void {
    remapConversationIds({ threads, located, records: [unread, mentions, dividers, activity], jump, open }, moved)
  }

  function dispose(): void {
    unsubscribers.forEach((u) => u())
    unsubscribers = []
    open.value = null
    jump.value = null
    threads.clear()
    unread.value = {}
    mentions.value = {}
    dividers.value = {}
    activity.value = {}
    error.value = null
    outbox.clear()
    located.clear()
    failures.value = {}
  }

  return {
    open,
    openSerial,
    remapIds,
    catchUp,
    failures,
    threads,
    unread,
    mentions,
    dividers,
    activity,
    error,
    jump,
    openConversation,
    follow,
    jumpTo,
    showLatest,
    loadNewer,
    openLink,
    loadOlder,
    send,
    retry,
    deleteLocal,
    receive,
    receiveMany,
    applyOutbox,
    init,
    dispose
  }
})
