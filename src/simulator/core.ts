/** The simulator's state, shared by every route handler. */
import { Account } from './account'
import { FaultBox } from './faults'
import type { ResolvedOptions } from './options'
import { PollHub } from './poll-hub'
import { streamFor, type Rng } from './prng'
import { answerCode, type Reply, type SimRequest } from './http-io'
import type { QrCode } from './qr-state'
import { RefusalLog } from './refusals'
import { SendLimiter } from './rate-limiter'
import { Registry } from './sessions'
import type { SentRecord } from './types'

export class SimCore {
  readonly account: Account
  readonly registry: Registry
  readonly hub: PollHub
  readonly faults = new FaultBox()
  readonly limiter: SendLimiter
  readonly sent: SentRecord[] = []
  readonly requests: Record<string, number> = {}
  /** `"POST get_discus_list"` -> how often a tolerated wrong method was used. */
  readonly methodMismatches: Record<string, number> = {}
  readonly refusals: RefusalLog
  readonly qrRng: Rng
  readonly scenarioRng: Rng
  echo: boolean
  qr: QrCode | null = null
  baseUrl = ''
  private msgSeq: number

  constructor(
    readonly opts: ResolvedOptions,
    readonly now: () => number = Date.now
  ) {
    this.account = new Account(opts.seed, opts.account)
    this.registry = new Registry(streamFor(opts.seed, 'sessions'), this.account, opts.sessionLifetimeMs, now)
    this.hub = new PollHub(opts.pollHoldMs)
    this.limiter = new SendLimiter(streamFor(opts.seed, 'send'), {
      intervalMs: opts.sendIntervalMs,
      blockAfter: opts.blockAfter,
      blockWindowMs: opts.blockWindowMs,
      blockMs: opts.blockMs
    })
    this.qrRng = streamFor(opts.seed, 'qr')
    this.scenarioRng = streamFor(opts.seed, 'scenario')
    this.echo = opts.echo
    this.refusals = new RefusalLog(opts.refusalLogSize)
    this.msgSeq = 20_000 + Math.floor(streamFor(opts.seed, 'msg')() * 10_000)
  }

  nextMsgId(): number {
    return ++this.msgSeq
  }

  count(endpoint: string): void {
    this.requests[endpoint] = (this.requests[endpoint] ?? 0) + 1
  }

  methodMismatch(method: string, endpoint: string): void {
    const k = `${method} ${endpoint}`
    this.methodMismatches[k] = (this.methodMismatches[k] ?? 0) + 1
  }

  /** Records a refused request; `reply` null = the connection was reset. */
  refused(req: SimRequest, endpoint: string | null, reply: Reply | null, rule: string, detail: string): void {
    this.refusals.record({
      time: this.now(),
      method: req.method,
      path: req.path,
      endpoint,
      status: reply?.status ?? 0,
      retcode: reply ? answerCode(reply) : null,
      rule,
      detail
    })
  }
}
