/**
 * Send throttling as users met it (reference §3.3-3.4): sends too close together, repeated text or URLs
 * get {"errmsg":"error!!!","retcode":1202}, delivered or not at random (seeded), and a burst of such
 * sends escalates to a temporary block where everything answers 1202 and nothing arrives.
 */
import { chance, type Rng } from './prng'

export interface LimiterVerdict {
  retcode: 0 | 1202
  deliver: boolean
  reason: 'ok' | 'too-fast' | 'repeated' | 'url' | 'blocked'
}

const URL_PATTERN = /(https?:\/\/|www\.)|\b[a-z0-9-]+\.(com|cn|net|org)\b/i
const REMEMBERED_TEXTS = 3

export class SendLimiter {
  private lastSendAt = Number.NEGATIVE_INFINITY
  private recentTexts: string[] = []
  private strikes: number[] = []
  blockedUntil = 0

  constructor(
    private readonly rng: Rng,
    private readonly opts: {
      intervalMs: number
      blockAfter: number
      blockWindowMs: number
      blockMs: number
    }
  ) {}

  block(ms: number, now: number): void {
    this.blockedUntil = now + ms
  }

  judge(text: string, now: number): LimiterVerdict {
    if (now < this.blockedUntil) return { retcode: 1202, deliver: false, reason: 'blocked' }
    const reason =
      now - this.lastSendAt < this.opts.intervalMs ? 'too-fast' : this.recentTexts.includes(text) ? 'repeated' : URL_PATTERN.test(text) ? 'url' : 'ok'
    this.lastSendAt = now
    this.recentTexts = [text, ...this.recentTexts].slice(0, REMEMBERED_TEXTS)
    if (reason === 'ok') return { retcode: 0, deliver: true, reason }
    this.strikes = [...this.strikes.filter((t) => now - t < this.opts.blockWindowMs), now]
    if (this.strikes.length >= this.opts.blockAfter) {
      this.strikes = []
      this.block(this.opts.blockMs, now)
    }
    // Ambiguous on purpose: a client must not read 1202 as "not sent".
    return { retcode: 1202, deliver: this.luck(), reason }
  }

  /** Whether an ambiguous (1202) send arrives anyway: seeded, so a test can pin the sequence. */
  luck(): boolean {
    return chance(this.rng, 0.5)
  }
}
