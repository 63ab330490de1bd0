/**
 * Names before messages. The first group (or discussion) message from each member used to be shown,
 * stored and exported as `#<uin>` / `u:<uin>` because the group's members are loaded lazily, and
 * afterwards the same person was `n:<nick>`: two sender keys for one person, and uin 0 in history.
 *
 * Before a poll batch goes through the pipeline, this starts the lazy loads the batch needs (the
 * conversation list for a conversation not in the contacts yet, the member list of a group or
 * discussion whose members were never loaded) and waits for them, but never longer than
 * `maxWaitMs`: a slow server delays messages by at most that much and then they go out with
 * placeholders as before (resolved later). Loads are coalesced by the directory (one per group,
 * however many messages or batches ask for it).
 */
import type { ConversationKind } from '../../shared/domain'
import type { PollEvent } from '../protocol/types'
import type { Clock } from './clock'
import type { Directory } from './directory'

/** The bounded wait of the issue: long enough for one member list, short enough not to be felt. */
export const SENDER_PREFETCH_MAX_WAIT_MS = 1500

export async function prefetchSenders(
  directory: Directory,
  events: readonly PollEvent[],
  clock: Clock,
  maxWaitMs = SENDER_PREFETCH_MAX_WAIT_MS,
  signal?: AbortSignal
): Promise<void> {
  const wanted: Array<{ kind: ConversationKind; id: number }> = []
  const self = directory.self?.uin ?? null
  // Naming a group or discussion member needs exactly one thing: the conversation known and its member
  // list loaded. So each conversation is checked once per batch (a burst repeats a few hundred of them
  // thousands of times). A buddy unknown to the list is a stranger lookup (rare, slower): left to the
  // background, as are our own messages.
  const checked = { group: new Set<number>(), discuss: new Set<number>() }
  for (const ev of events) {
    if (ev.type !== 'message') continue
    const m = ev.message
    if (m.kind === 'buddy' || m.senderUin === self) continue
    const seen = checked[m.kind]
    if (seen.has(m.fromUin)) continue
    seen.add(m.fromUin)
    if (directory.conversationKey(m.kind, m.fromUin).known && directory.membersLoaded(m.kind, m.fromUin)) continue
    wanted.push({ kind: m.kind, id: m.fromUin })
  }
  if (wanted.length === 0) return
  const loads = wanted.map((w) => directory.prefetch(w.kind, w.id))
  const timer = new AbortController()
  const stop = signal ? AbortSignal.any([signal, timer.signal]) : timer.signal
  try {
    await Promise.race([Promise.allSettled(loads), clock.sleep(maxWaitMs, stop).catch(() => {})])
  } finally {
    timer.abort()
  }
}
