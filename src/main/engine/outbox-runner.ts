/**
 * Sends the persisted outbox, one message at a time, with global pacing.
 *
 * Honest states (anchors §5.2): queued -> sending -> sent | unconfirmed | failed.
 *  - 1000003 (rate limited, not delivered): requeued with backoff.
 *  - 1202 (maybe delivered) and a failure after the request may have left: unconfirmed, NEVER resent
 *    automatically (retrying 1202 produced 2-5x duplicates, reference §3.3); the user can retry.
 *  - 100000/100001 (session died, not delivered): requeued; it goes out after the next login.
 * The target was bound when the user pressed send (stable key + the id it had in that session); in a
 * later session the stable key is resolved to the new id.
 */
import * as v from 'valibot'
import { segmentsToText, type ConversationKind, type Segment } from '../../shared/domain'
import { messageFontSchema, type MessageFont } from '../../shared/fonts'
import { createMsgIdSource, ProtocolError, splitForSending, type ProtocolClient } from '../protocol'
import type { OutboxEntry, OutboxStore } from '../store/types'
import { Backoff } from './backoff'
import { isAbort, type Clock } from './clock'
import type { Directory } from './directory'
import { echoText, type EchoMatcher } from './pipeline'
import type { OutboxDto } from './types'

/** What we persist as the outbox entry's `target` (validated when read back). */
const TargetSchema = v.object({
  targetId: v.number(),
  sessionId: v.string(),
  part: v.number(),
  parts: v.number(),
  /** The font chosen when it was written (entries queued before fonts were sent have none: the seed's). */
  // A damaged font must not stop the message: it is then sent in the seed's font.
  font: v.fallback(v.optional(messageFontSchema), undefined)
})
type Target = v.InferOutput<typeof TargetSchema>

export interface OutboxRunnerDeps {
  client: ProtocolClient
  outbox(): OutboxStore | null
  directory: Directory
  clock: Clock
  /** Minimum time between two sends (default 1 s). */
  sendIntervalMs: number
  /** The current online session's id, or null when not online. */
  sessionId(): string | null
  emit(dto: OutboxDto): void
  /** A send was refused with 100000/100001: the session is over (the engine ends it; the entry stays queued). */
  sessionDead(retcode: number): void
  log(message: string): void
}

export interface EnqueueRequest {
  kind: ConversationKind
  conversationKey: string
  targetId: number
  sessionId: string
  segments: Segment[]
  ref: string | null
  sender: { key: string; name: string }
  /** The font it is sent with (and shown with in the history). */
  font?: MessageFont
}

/** How often an entry whose recipient the contacts cannot name yet looks again (the engine also wakes it). */
const KEY_WAIT_MS = 2000

/** How long a send stays a candidate for echo matching. */
const ECHO_WINDOW_MS = 5 * 60_000
/**
 * A "session died" answer is normally followed by a new login; if one entry keeps getting it across
 * logins, it is the entry (a stale target), not the session: give up on it after this many.
 */
const MAX_SESSION_DEAD_ATTEMPTS = 3

/** Connection errors where the request certainly never reached the server: safe to send again. */
const NOT_SENT_CAUSES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

function requestNeverLeft(e: unknown): boolean {
  if (!(e instanceof ProtocolError) || e.code !== 'network') return false
  for (let c: unknown = e.cause; c; c = (c as { cause?: unknown }).cause) {
    const code = (c as { code?: unknown }).code
    if (typeof code === 'string' && NOT_SENT_CAUSES.has(code)) return true
  }
  return false
}

export function toOutboxDto(e: OutboxEntry): OutboxDto {
  const t = v.safeParse(TargetSchema, e.target)
  return {
    id: e.id,
    ref: e.ref,
    kind: e.kind,
    targetKey: e.conversation,
    text: segmentsToText(e.segments),
    state: e.state,
    error: e.lastError,
    part: t.success ? t.output.part : 0,
    parts: t.success ? t.output.parts : 1,
    createdAt: e.createdAt
  }
}

export class OutboxRunner implements EchoMatcher {
  private recent: Array<{ kind: ConversationKind; conversationId: number; text: string; at: number }> = []
  private loop: Promise<void> | null = null
  private stopper: AbortController | null = null
  private waker: AbortController | null = null
  private lastSendAt = Number.NEGATIVE_INFINITY
  private readonly rateBackoff: Backoff
  private readonly nextMsgId: () => number

  constructor(private readonly deps: OutboxRunnerDeps) {
    this.rateBackoff = new Backoff(deps.clock, { minMs: Math.max(2000, deps.sendIntervalMs * 2), maxMs: 60_000 })
    this.nextMsgId = createMsgIdSource(() => deps.clock.now())
  }

  /** Splits long texts and queues every part (with its history row) in the store. */
  enqueue(req: EnqueueRequest): OutboxEntry[] {
    const store = this.deps.outbox()
    if (!store) throw new Error('no account store is open')
    const parts = splitForSending(req.segments)
    const entries = parts.map((segments, part) => {
      const target: Target = { targetId: req.targetId, sessionId: req.sessionId, part, parts: parts.length, ...(req.font ? { font: req.font } : {}) }
      return store.enqueue({
        ref: req.ref,
        conversation: req.conversationKey,
        kind: req.kind,
        target,
        segments,
        message: { sender: req.sender.key, senderName: req.sender.name, font: req.font ?? null }
      })
    })
    for (const e of entries) this.deps.emit(toOutboxDto(e))
    this.wake()
    return entries
  }

  /** A user retry of a failed or unconfirmed entry. */
  retry(id: number): OutboxEntry {
    const store = this.deps.outbox()
    if (!store) throw new Error('no account store is open')
    const e = store.retry(id)
    this.deps.emit(toOutboxDto(e))
    this.wake()
    return e
  }

  consumeEcho(kind: ConversationKind, conversationId: number, text: string): boolean {
    const now = this.deps.clock.now()
    this.recent = this.recent.filter((r) => now - r.at < ECHO_WINDOW_MS)
    const i = this.recent.findIndex((r) => r.kind === kind && r.conversationId === conversationId && r.text === text)
    if (i < 0) return false
    this.recent.splice(i, 1)
    return true
  }

  /** Starts sending (idempotent); called whenever the session is online. */
  start(): void {
    if (this.loop) return this.wake()
    const stopper = new AbortController()
    this.stopper = stopper
    this.loop = this.run(stopper.signal)
      .catch((e: unknown) => this.deps.log(`outbox runner stopped: ${String(e)}`))
      .finally(() => {
        if (this.stopper === stopper) {
          this.loop = null
          this.stopper = null
        }
      })
  }

  /** Stops after the send in flight (if any) has its answer. */
  async stop(): Promise<void> {
    this.stopper?.abort()
    await this.loop
  }

  wake(): void {
    this.waker?.abort()
  }

  private async idle(ms: number, signal: AbortSignal): Promise<void> {
    const waker = new AbortController()
    this.waker = waker
    try {
      await this.deps.clock.sleep(Math.min(ms, 60_000), AbortSignal.any([signal, waker.signal]))
    } catch (e) {
      if (!isAbort(e)) throw e
    }
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const sessionId = this.deps.sessionId()
      const store = this.deps.outbox()
      if (!sessionId || !store) return
      const now = this.deps.clock.now()
      const entry = store.nextDue(now)
      if (!entry) {
        const wakeAt = store.nextWakeAt()
        await this.idle(wakeAt === null ? 60_000 : Math.max(0, wakeAt - now), signal)
        continue
      }
      const pace = this.lastSendAt + this.deps.sendIntervalMs - now
      if (pace > 0) {
        await this.idle(pace, signal)
        continue
      }
      if ((await this.sendOne(store, entry, sessionId)) === 'session-dead') return
    }
  }

  private update(e: OutboxEntry): void {
    this.deps.emit(toOutboxDto(e))
  }

  private async sendOne(store: OutboxStore, entry: OutboxEntry, sessionId: string): Promise<'session-dead' | void> {
    const parsed = v.safeParse(TargetSchema, entry.target)
    const to = !parsed.success
      ? null
      : parsed.output.sessionId === sessionId
        ? parsed.output.targetId
        : this.deps.directory.idOfKey(entry.kind, entry.conversation)
    if (to === null && !this.deps.directory.keySettled(entry.kind, entry.conversation)) {
      // The contacts cannot name this recipient yet (QQ numbers still being looked up): wait, never fail early.
      this.update(store.requeue(entry.id, KEY_WAIT_MS, 'waiting for the contact list to name the recipient'))
      return
    }
    if (to === null) {
      // Never a guess: a name several buddies share does not say which of them it was written to.
      const reason = this.deps.directory.isAmbiguousKey(entry.kind, entry.conversation)
        ? `ambiguous-recipient: several ${entry.kind === 'buddy' ? 'buddies' : entry.kind === 'group' ? 'groups' : 'discussions'} have the name this message was written to (${entry.conversation}); not sent`
        : `the recipient (${entry.conversation}) is not in this session's contacts`
      this.update(store.markFailed(entry.id, reason))
      return
    }
    this.update(store.markSending(entry.id))
    this.lastSendAt = this.deps.clock.now()
    const text = echoText(segmentsToText(entry.segments))
    const remember = (): void => {
      this.recent.push({ kind: entry.kind, conversationId: to, text, at: this.deps.clock.now() })
    }
    // Deliberately no abort signal: a send in flight is allowed to finish when the engine stops.
    try {
      const font = parsed.success ? parsed.output.font : undefined
      const outcome = await this.deps.client.send({
        kind: entry.kind,
        to,
        segments: entry.segments,
        msgId: this.nextMsgId(),
        ...(font ? { font } : {})
      })
      switch (outcome.status) {
        case 'sent':
          this.rateBackoff.reset()
          remember()
          return this.update(store.markSent(entry.id))
        case 'ambiguous':
          remember()
          return this.update(store.markUnconfirmed(entry.id, `the server answered ${outcome.retcode}: it may or may not have been delivered`))
        case 'rate-limited':
          return this.update(store.requeue(entry.id, this.rateBackoff.next(), `rate limited (${outcome.retcode})`))
        case 'session-dead':
          if (entry.attempts + 1 >= MAX_SESSION_DEAD_ATTEMPTS)
            return this.update(store.markFailed(entry.id, `refused with ${outcome.retcode} ${MAX_SESSION_DEAD_ATTEMPTS} times`))
          this.update(store.requeue(entry.id, 0, `session ended (${outcome.retcode}); not delivered`))
          this.deps.sessionDead(outcome.retcode)
          return 'session-dead'
        case 'refused':
          return this.update(store.markFailed(entry.id, `refused (${outcome.retcode}): ${outcome.message}`))
      }
    } catch (e) {
      if (requestNeverLeft(e)) {
        return this.update(store.requeue(entry.id, this.rateBackoff.next(), `not sent: ${String(e)}`))
      }
      remember()
      this.update(store.markUnconfirmed(entry.id, `no answer: ${e instanceof Error ? e.message : String(e)}`))
    }
  }
}
