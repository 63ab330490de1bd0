/**
 * A renewed session (after expiry or a kick) gives the same conversations new ids. What the conversations
 * store keeps per conversation (threads, counts, markers, located ids, the jump target) moves to the new
 * keys here, in one place, so a per-conversation record added later is not forgotten in the move.
 */
import { toRaw, type Ref } from 'vue'
import { refKey, type ConversationRef } from '../lib/conversation-ref'
import type { Thread } from './thread'

export interface RemappedState {
  threads: Map<string, Thread>
  /** Message id → the ref key of the conversation it was found in. */
  located: Map<string, string>
  /** Every record keyed by a conversation's ref key (unread, mentions, dividers, activity…). */
  records: Ref<Record<string, unknown>>[]
  jump: Ref<{ key: string } | null>
  open: Ref<ConversationRef | null>
}

/** `moved` maps old ref keys to new refs; a conversation not in it keeps its key. */
export function remapConversationIds(state: RemappedState, moved: ReadonlyMap<string, ConversationRef>): void {
  const to = (key: string): string => {
    const next = moved.get(key)
    return next ? refKey(next) : key
  }
  const entries = [...state.threads.entries()]
  state.threads.clear()
  for (const [key, thread] of entries) {
    const next = moved.get(key)
    if (next) for (const m of toRaw(thread.messages)) m.conversationId = next.id
    state.threads.set(to(key), thread)
  }
  for (const [id, key] of state.located) state.located.set(id, to(key))
  for (const record of state.records) record.value = Object.fromEntries(Object.entries(record.value).map(([k, v]) => [to(k), v]))
  if (state.jump.value) state.jump.value = { ...state.jump.value, key: to(state.jump.value.key) }
  const current = state.open.value ? moved.get(refKey(state.open.value)) : undefined
  if (current) state.open.value = current
}
