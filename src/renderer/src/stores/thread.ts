/**
 * The pieces of a conversation thread the conversations store builds on: the thread's shape, adding a page
 * at either end without tripping the engine's argument limit, finding a message from the newest end, and
 * the message shown for one of our own sends before the history has it.
 */
import { toRaw } from 'vue'
import { outboxMessageId, type GapDto, type MessageDto, type OutboxDto } from '../../../shared/messenger'
import type { Segment } from '../../../shared/domain'
import { faceName } from '../../../shared/faces'
import type { composeSegments } from '../lib/compose-segments'
import type { ConversationRef } from '../lib/conversation-ref'
import { useSettingsStore } from './settings'

export interface Thread {
  /** Oldest first (the list shows the newest at the bottom). */
  messages: MessageDto[]
  /** Cursor of the next older page; null when the start of the history is reached. */
  next: string | null
  loadingOlder: boolean
  /**
   * Cursor of the next NEWER page after a jump into the past; null when the newest message is shown
   * (only then do live messages join the end of the list).
   */
  newer: string | null
  loadingNewer: boolean
  /** A gap noticed live: the next message that joins this thread carries it. */
  pendingGap: GapDto | null
}

/** The id of the first of the last `count` messages from others (where "new messages" start), or null when fewer are loaded. */
export function firstUnreadId(messages: readonly MessageDto[], count: number): string | null {
  const raw = toRaw(messages)
  let seen = 0
  for (let i = raw.length - 1; i >= 0; i--) {
    if (raw[i]!.self) continue
    if (++seen === count) return raw[i]!.id
  }
  return null
}

export function newThread(): Thread {
  return { messages: [], next: null, loadingOlder: false, newer: null, loadingNewer: false, pendingGap: null }
}

/**
 * Where a message is in a thread, searched raw from the newest end: our own sends, whose states change, are
 * the newest, and a search through the reactive array would wrap every message it passes in a proxy.
 */
export function lastIndexOf(list: readonly MessageDto[], id: string): number {
  const raw = toRaw(list)
  for (let i = raw.length - 1; i >= 0; i--) if (raw[i]!.id === id) return i
  return -1
}

export function refOf(kind: ConversationRef['kind'], id: number | undefined): ConversationRef | null {
  return id === undefined ? null : { kind, id }
}

/**
 * Spreading a page into unshift/push passes one argument per message, and a 100,000-message page exceeds
 * the engine's argument limit (RangeError); moving that many elements through the reactive proxy one by
 * one is slow too. Large pages therefore replace the array (built from the raw one) in one assignment.
 */
const SPREAD_LIMIT = 5000

export function insertPage(thread: Thread, items: MessageDto[], where: 'start' | 'end'): void {
  if (items.length <= SPREAD_LIMIT) {
    if (where === 'start') thread.messages.unshift(...items)
    else thread.messages.push(...items)
    return
  }
  const current = toRaw(thread.messages)
  thread.messages = where === 'start' ? [...items, ...current] : [...current, ...items]
}

export function ownMessage(
  ref: ConversationRef,
  e: OutboxDto,
  self: { uin: number; nick: string },
  time: number,
  sent: ReturnType<typeof composeSegments>
): MessageDto {
  const segments: Segment[] = sent
    ? sent.map((s) => (s.type === 'face' ? { type: 'face', id: s.id, name: faceName(s.id) } : s))
    : [{ type: 'text', text: e.text }]
  return {
    id: outboxMessageId(e.id),
    kind: ref.kind,
    conversationKey: e.targetKey,
    conversationId: ref.id,
    from: { uin: self.uin, name: self.nick },
    to: { uin: ref.id, name: '' },
    text: e.text,
    segments,
    time,
    self: true,
    state: e.state,
    // Main sends it with the font in the settings now, and stores it so: show it so from the start.
    font: useSettingsStore().settings.myFont
  }
}
