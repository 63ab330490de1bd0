/**
 * poll2 long-polling: one event queue and at most one held poll per session.
 * Events queued in the same tick leave together (several elements per answer, as real servers did).
 * A second poll of the same session answers the older one empty (the real server handed pending
 * messages to only one of them) and is counted in `concurrentPolls`.
 */
import { json, RESET, type Outcome } from './http-io'
import type { Session } from './sessions'

export interface PollElement {
  poll_type: string
  value: Record<string, unknown>
}

interface Held {
  resolve: (o: Outcome) => void
  whenEmpty: () => Outcome
  timer: NodeJS.Timeout
}

export class PollHub {
  private readonly queues = new Map<Session, Array<{ element: PollElement; again: boolean }>>()
  private readonly held = new Map<Session, Held>()
  private readonly flushing = new Set<Session>()
  concurrentPolls = 0

  constructor(private readonly holdMs: number) {}

  get inFlight(): number {
    return this.held.size
  }

  pending(session: Session): number {
    return this.queues.get(session)?.length ?? 0
  }

  /** Queue an element; `again` delivers it a second time in the following answer (duplicate fault). */
  enqueue(session: Session, element: PollElement, again = false): void {
    let q = this.queues.get(session)
    if (!q) this.queues.set(session, (q = []))
    q.push({ element, again })
    if (this.held.has(session) && !this.flushing.has(session)) {
      this.flushing.add(session)
      setImmediate(() => {
        this.flushing.delete(session)
        const h = this.held.get(session)
        if (h && this.pending(session) > 0) this.answer(session, this.drain(session))
      })
    }
  }

  /** Answer now when events wait, else hold up to holdMs and then answer `whenEmpty()`. */
  poll(session: Session, whenEmpty: () => Outcome, signal?: AbortSignal): Promise<Outcome> {
    const older = this.held.get(session)
    if (older) {
      this.concurrentPolls++
      this.answer(session, older.whenEmpty())
    }
    if (this.pending(session) > 0) return Promise.resolve(this.drain(session))
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answer(session, whenEmpty()), this.holdMs)
      const entry: Held = { resolve, whenEmpty, timer }
      this.held.set(session, entry)
      // A client that gave up is no longer "in flight"; its pending events stay queued.
      signal?.addEventListener('abort', () => {
        if (this.held.get(session) === entry) this.answer(session, RESET)
      })
    })
  }

  /** End a held poll early with a given answer (kick, expiry, ...). */
  interrupt(session: Session, outcome: Outcome): void {
    if (this.held.has(session)) this.answer(session, outcome)
  }

  /** Forget a session's queue (it ended) without answering. */
  drop(session: Session): void {
    this.queues.delete(session)
  }

  closeAll(): void {
    for (const session of [...this.held.keys()]) this.answer(session, RESET)
  }

  private answer(session: Session, outcome: Outcome): void {
    const h = this.held.get(session)
    if (!h) return
    clearTimeout(h.timer)
    this.held.delete(session)
    h.resolve(outcome)
  }

  private drain(session: Session): Outcome {
    const q = this.queues.get(session) ?? []
    const result = q.map((e) => e.element)
    this.queues.set(
      session,
      q.filter((e) => e.again).map((e) => ({ element: e.element, again: false }))
    )
    return json({ retcode: 0, result })
  }
}
