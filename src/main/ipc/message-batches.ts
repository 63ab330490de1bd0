/**
 * Live messages travel to the renderer in batches. The engine emits a poll answer's messages one by one,
 * synchronously; sent one IPC message each, a 20,000-message burst was 20,000 structured clones and
 * 20,000 store updates in the window (each copying the recent list), and the window froze for seconds.
 *
 * Here they are gathered and sent together: the first message after a quiet spell leaves on the next
 * turn of the event loop (so the whole poll answer it came with travels with it, and a single message
 * is not held up), later ones no sooner than `minIntervalMs` after the previous send, so a flood is at
 * most 1000 / minIntervalMs IPC messages a second, each carrying everything stored since. A batch of one
 * goes out on `message:received`, more on `messages:received`; order is kept, nothing is dropped.
 *
 * Other pushes (sender names, outbox states, gaps) may refer to messages still waiting here, so the
 * shell session flushes before sending any of them (orderedEmit): the renderer sees events in the order
 * the engine produced them.
 */
import type { EmitEvent } from '../../shared/ipc'
import type { MessageDto } from '../../shared/messenger'

/** 40 ms: at most 25 IPC messages a second during a flood, and a message waits at most that long. */
export const MESSAGE_BATCH_INTERVAL_MS = 40

export interface MessageBatcherOptions {
  emit: EmitEvent
  minIntervalMs?: number
  now?(): number
  /** Runs `fn` after `ms` (default setTimeout); returns a cancel function. */
  later?(fn: () => void, ms: number): () => void
}

export interface MessageBatcher {
  push(message: MessageDto): void
  /** Sends what waits now (before another push, and at shutdown). */
  flush(): void
}

export function createMessageBatcher(options: MessageBatcherOptions): MessageBatcher {
  const minIntervalMs = options.minIntervalMs ?? MESSAGE_BATCH_INTERVAL_MS
  const now = options.now ?? (() => performance.now())
  const later =
    options.later ??
    ((fn, ms) => {
      const timer = setTimeout(fn, ms)
      return () => clearTimeout(timer)
    })
  let pending: MessageDto[] = []
  let cancel: (() => void) | null = null
  let lastSentAt = Number.NEGATIVE_INFINITY

  function flush(): void {
    cancel?.()
    cancel = null
    if (pending.length === 0) return
    const batch = pending
    pending = []
    lastSentAt = now()
    if (batch.length === 1) options.emit('message:received', batch[0]!)
    else options.emit('messages:received', batch)
  }

  return {
    push(message) {
      pending.push(message)
      if (cancel) return
      cancel = later(flush, Math.max(0, lastSentAt + minIntervalMs - now()))
    },
    flush
  }
}

/** An emit that first sends the messages waiting in `batcher`, so no push overtakes a message. */
export function orderedEmit(emit: EmitEvent, batcher: MessageBatcher): EmitEvent {
  return (channel, payload) => {
    batcher.flush()
    emit(channel, payload)
  }
}
