/** The simulator's state, shared by every route handler. */
import { Account } from './account'
import { FaultBox } from './faults'
import type { ResolvedOptions } from './options'
import { PollHub } from './poll-hub'
import { streamFor, type Rng } from './prng'
import type { QrCode } from './qr-state'
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
    this.registry = new Registry(
      streamFor(opts.seed, 'sessions'),
      this.account,
      opts.sessionLifetimeMs,
      now
    )
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
    this.msgSeq = 20_000 + Math.floor(streamFor(opts.seed, 'msg')() * 10_000)
  }

  /** The 2017-02 changes (ptqrtoken, 67 for scanned, 103 until get_online_buddies2) and later. */
  get since2017(): boolean {
    return this.opts.era !== '2015'
  }

  nextMsgId(): number {
    return ++this.msgSeq
  }

  count(endpoint: string): void {
    this.requests[endpoint] = (this.requests[endpoint] ?? 0) + 1
  }
}
