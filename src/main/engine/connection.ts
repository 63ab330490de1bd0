/**
 * The engine's connection model: what counts as "the server cannot be reached" (retried for ever,
 * never a verdict on the account) versus the server's own verdict (which ends a session), why it
 * could not be reached (refused, dns, timeout, tls, http-status, not-smartqq, reset), and the waits
 * between attempts, which "Retry now" cuts short.
 */
import type { ConnectionCause, ConnectionTrouble } from '../../shared/domain'
import { ProtocolError } from '../protocol'
import { Backoff } from './backoff'
import { isAbort, type Clock } from './clock'

/**
 * The default ceiling of every retry wait. With equal jitter a wait is at most this long, so a client
 * signs in by itself well within 20 s of the server answering again (issue 15).
 */
export const DEFAULT_BACKOFF_MAX_MS = 15_000

const REFUSED = new Set(['ECONNREFUSED'])
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME'])
const TIMEOUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT'])

function errorCodes(e: unknown): string[] {
  const codes: string[] = []
  for (let c: unknown = e, depth = 0; c && depth < 8; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
  }
  return codes
}

function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/.test(code)
}

/** Why a failed request did not reach a usable server. */
export function connectionCause(e: unknown): ConnectionCause {
  if (!(e instanceof ProtocolError)) return 'reset'
  if (e.code === 'timeout') return 'timeout'
  if (e.code === 'http') return 'http-status'
  if (e.code === 'malformed' || e.code === 'too-large') return 'not-smartqq'
  const codes = errorCodes(e.cause)
  if (codes.some((c) => REFUSED.has(c))) return 'refused'
  if (codes.some((c) => DNS.has(c))) return 'dns'
  if (codes.some((c) => TIMEOUT.has(c))) return 'timeout'
  if (codes.some(isTlsCode)) return 'tls'
  return 'reset'
}

/**
 * The server's own verdict on the session, or credentials the client itself cannot use: only these
 * end a remembered session. Everything else (the network, HTTP error pages, answers that are not
 * SmartQQ's) says nothing about the account and is retried.
 */
export function isVerdict(e: unknown): boolean {
  if (!(e instanceof ProtocolError)) return false
  return e.code === 'retcode' || e.code === 'bad-token' || e.code === 'no-session'
}

/** Failures that say nothing about the account: wait and try again. */
export function isUnreachable(e: unknown): boolean {
  return e instanceof ProtocolError && !isVerdict(e) && e.code !== 'aborted'
}

/**
 * Sleeps between attempts that "Retry now" can cut short: every wait started through `sleep` ends
 * early (resolving, not rejecting) when `wake()` is called.
 */
export class RetryWaker {
  private wakers = new Set<() => void>()

  constructor(private readonly clock: Clock) {}

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    const early = new AbortController()
    const wake = (): void => early.abort()
    this.wakers.add(wake)
    try {
      await this.clock.sleep(ms, AbortSignal.any([signal, early.signal]))
    } catch (e) {
      if (signal.aborted || !isAbort(e)) throw e
    } finally {
      this.wakers.delete(wake)
    }
  }

  /** Ends every wait now; returns whether one was waiting. */
  wake(): boolean {
    const any = this.wakers.size > 0
    for (const w of [...this.wakers]) w()
    return any
  }
}

/** One streak of failed attempts: the backoff, and the ConnectionTrouble each failure reports. */
export class TroubleStreak {
  private readonly backoff: Backoff
  private since: number | null = null

  constructor(
    private readonly clock: Clock,
    maxMs: number,
    minMs = 1000
  ) {
    this.backoff = new Backoff(clock, { minMs, maxMs })
  }

  /** One more failure: how long to wait and what to report. */
  failed(e: unknown): { delay: number; trouble: ConnectionTrouble } {
    const now = this.clock.now()
    this.since ??= now
    const delay = this.backoff.next()
    return {
      delay,
      trouble: { cause: connectionCause(e), attempt: this.backoff.consecutiveFailures, nextAttemptAt: Math.round(now + delay), since: this.since }
    }
  }

  get failures(): number {
    return this.backoff.consecutiveFailures
  }

  reset(): void {
    this.backoff.reset()
    this.since = null
  }
}
