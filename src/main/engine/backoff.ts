import type { Clock } from './clock'

/**
 * Exponential backoff with jitter for the poll loop and the outbox.
 *
 * The delay never drops below `minMs` (default 1 s): a server that fails instantly must not
 * make us spin (earlier clients hammered the server, anchors §2.2/§2.3), and never exceeds `maxMs`.
 * Jitter is "equal jitter" (half fixed, half random) so many clients restarting together spread out
 * while each still waits a predictable minimum.
 */
export interface BackoffOptions {
  minMs?: number
  maxMs?: number
}

export class Backoff {
  private failures = 0
  private readonly minMs: number
  private readonly maxMs: number

  constructor(
    private readonly clock: Clock,
    options: BackoffOptions = {}
  ) {
    this.minMs = options.minMs ?? 1000
    this.maxMs = options.maxMs ?? 30_000
  }

  /** The delay to wait after one more failure. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.failures, 30))
    this.failures++
    return Math.max(this.minMs, ceiling / 2 + (this.clock.random() * ceiling) / 2)
  }

  get consecutiveFailures(): number {
    return this.failures
  }

  reset(): void {
    this.failures = 0
  }
}
