/**
 * Our own messages follow their outbox entries: the delivery state on the message (also when the state
 * arrives before the send answer created the message), why a send failed, and sends made in another
 * window (a pop-out or the main window), which show here too.
 */
import { outboxMessageId, type DeliveryState, type OutboxDto } from '../../../shared/messenger'
import type { Ref } from 'vue'
import type { ConversationRef } from '../lib/conversation-ref'
import { useContactsStore } from './contacts'
import { lastIndexOf, refOf, type Thread } from './thread'

/** How long an unknown outbox entry waits for this window's own send answer before it counts as another window's. */
export const OTHER_WINDOW_SEND_DELAY_MS = 400

export interface OutboxSyncDeps {
  threads: Map<string, Thread>
  /** Message id -> thread key of every message shown. */
  located: Map<string, string>
  /** Message id -> why its send failed. */
  failures: Ref<Record<string, string | null>>
  /** Shows a send from another window in the conversation it went to. */
  adopt(ref: ConversationRef, entry: OutboxDto): void
}

export function createOutboxSync(deps: OutboxSyncDeps) {
  const { threads, located, failures } = deps
  /** Outbox states that arrived before the send answer created their message. */
  const states = new Map<number, DeliveryState>()

  function apply(entry: OutboxDto): void {
    states.set(entry.id, entry.state)
    const messageId = outboxMessageId(entry.id)
    // Failed and unconfirmed sends keep their reason: the tooltip says what really happened.
    if (entry.state === 'failed' || entry.state === 'unconfirmed') failures.value[messageId] = entry.error
    else delete failures.value[messageId]
    const key = located.get(messageId)
    const list = key ? threads.get(key)?.messages : undefined
    const index = list ? lastIndexOf(list, messageId) : -1
    // Written through the reactive array, so the row showing it follows.
    if (list && index >= 0) list[index]!.state = entry.state
    else laterUnlessOurs(entry)
  }

  /**
   * An outbox entry with no message here is either our own send whose answer is still on its way
   * (send() adds it in a moment) or a send from another window. Wait briefly, then show it if no
   * send here claimed it.
   */
  const unclaimed = new Map<number, OutboxDto>()
  let claimTimer: ReturnType<typeof setTimeout> | null = null
  function laterUnlessOurs(entry: OutboxDto): void {
    unclaimed.set(entry.id, entry)
    claimTimer ??= setTimeout(() => {
      claimTimer = null
      for (const waiting of unclaimed.values()) {
        if (!located.has(outboxMessageId(waiting.id))) adoptOtherWindowsSend({ ...waiting, state: states.get(waiting.id) ?? waiting.state })
      }
      unclaimed.clear()
    }, OTHER_WINDOW_SEND_DELAY_MS)
  }

  /** The conversation of another window's send, when this window's directory knows it. */
  function adoptOtherWindowsSend(entry: OutboxDto): void {
    const contacts = useContactsStore()
    const ref: ConversationRef | null =
      entry.kind === 'buddy'
        ? refOf('buddy', contacts.buddies.find((b) => b.key === entry.targetKey)?.uin)
        : entry.kind === 'group'
          ? refOf('group', contacts.groups.find((g) => g.key === entry.targetKey)?.gid)
          : refOf('discuss', contacts.discussions.find((d) => d.key === entry.targetKey)?.did)
    if (ref) deps.adopt(ref, entry)
  }

  function clear(): void {
    states.clear()
    if (claimTimer) clearTimeout(claimTimer)
    claimTimer = null
    unclaimed.clear()
  }

  return { apply, clear, stateOf: (id: number): DeliveryState | undefined => states.get(id) }
}
