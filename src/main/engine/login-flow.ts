/**
 * Getting a session: a remembered one first (no QR), else the QR flow (waiting -> scanned ->
 * signing-in, a new QR whenever one expires). A server that cannot be reached never ends the flow:
 * the state becomes `unreachable` (with the cause and the next attempt), it backs off and tries again,
 * and the remembered session is kept. Only the server's verdict (or tokens the client itself cannot
 * use) sends a remembered session to the QR.
 */
import { ProtocolError } from '../protocol'
import { classifyUnreachable, type Unreachable } from '../protocol/unreachable'
import type { ProtocolClient, SavedSession, SessionCredentials } from '../protocol/types'
import type { Clock } from './clock'
import { isUnreachable, TroubleStreak, type RetryWaker } from './connection'
import type { Lifecycle } from './lifecycle'

export interface LoginFlowDeps {
  client: ProtocolClient
  clock: Clock
  lifecycle: Lifecycle
  qrPollIntervalMs: number
  backoffMaxMs: number
  /** Cuts retry waits short ("Retry now"). */
  waker: RetryWaker
  emitQr(png: Uint8Array): void
  log(message: string): void
  /**
   * When set, a QR sign-in that cannot get its first QR within this many ms (or meets a failure that
   * says the server is not there: refused, DNS, TLS, an error page...) stops with
   * ServerUnreachableError instead of retrying silently, so the person is told what failed. Unset
   * (headless): it keeps retrying with backoff, as a bot wants.
   */
  signInReachMs?: number | null
}

/** A sign-in stopped because the server cannot be reached; `unreachable` says how it failed. */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError'
  constructor(
    readonly unreachable: Unreachable,
    cause: unknown
  ) {
    super(`the server cannot be reached at sign-in (${unreachable.reason}): ${String(cause)}`, { cause })
  }
}

/** Failures of the connection itself, as opposed to an answer that is not SmartQQ's. */
const TRANSPORT_REASONS: ReadonlySet<string> = new Set(['refused', 'dns', 'tls'])

/** The first QR of a sign-in, within `reachMs`, or a ServerUnreachableError saying why not. */
async function firstQr(deps: LoginFlowDeps, reachMs: number, signal: AbortSignal): Promise<Uint8Array> {
  const deadline = new AbortController()
  const reach = AbortSignal.any([signal, deadline.signal])
  let timedOut = false
  /** What the xlogin page said, if it failed: a better answer than "timed out" when the QR runs out of time after it. */
  let earlier: Unreachable | null = null
  void deps.clock.sleep(reachMs, reach).then(
    () => {
      timedOut = true
      deadline.abort()
    },
    () => {}
  )
  try {
    await deps.client.prepareLogin(reach).catch((e: unknown) => {
      // Nothing there to talk to (refused, DNS, TLS): the QR request would only fail the same way,
      // after got's retries again. An odd answer to the xlogin page alone is tolerated as before.
      const unreachable = classifyUnreachable(e)
      if (unreachable && TRANSPORT_REASONS.has(unreachable.reason)) throw e
      earlier = unreachable
      deps.log(`xlogin page failed (tolerated): ${String(e)}`)
    })
    return await deps.client.fetchQrCode(reach)
  } catch (e) {
    if (signal.aborted) throw e
    const unreachable = timedOut ? (earlier ?? { reason: 'timeout' as const, httpStatus: null }) : classifyUnreachable(e)
    if (unreachable === null) throw e
    deps.log(`sign-in stopped: the server cannot be reached (${unreachable.reason}): ${String(e)}`)
    throw new ServerUnreachableError(unreachable, e)
  } finally {
    deadline.abort()
  }
}

/** Failures worth retrying as they are (the server did not say no): network, timeouts, 5xx. */
export function isTransient(e: unknown): boolean {
  return e instanceof ProtocolError && (e.code === 'network' || e.code === 'timeout' || (e.code === 'http' && (e.httpStatus ?? 500) >= 500))
}

/**
 * Runs `step` until it succeeds or fails in a way `retryable` does not accept (rethrown). Each failure
 * shows `unreachable` with its cause and the time of the next attempt.
 */
async function withRetry<T>(
  deps: LoginFlowDeps,
  what: string,
  step: () => Promise<T>,
  signal: AbortSignal,
  retryable: (e: unknown) => boolean = isUnreachable
): Promise<T> {
  const streak = new TroubleStreak(deps.clock, deps.backoffMaxMs)
  for (;;) {
    try {
      return await step()
    } catch (e) {
      if (signal.aborted || !retryable(e)) throw e
      const { delay, trouble } = streak.failed(e)
      deps.log(`${what} failed (${String(e)}); retrying in ${Math.round(delay)} ms`)
      deps.lifecycle.retrying('unreachable', 'network', e instanceof Error ? e.message : String(e), trouble)
      await deps.waker.sleep(delay, signal)
    }
  }
}

/**
 * Resumes a remembered session: its credentials, or 'refused' when the server (or its own unusable
 * tokens) says no (the caller forgets it). While the server cannot be reached it keeps trying.
 */
export async function resumeRemembered(deps: LoginFlowDeps, saved: SavedSession, signal: AbortSignal): Promise<SessionCredentials | 'refused'> {
  deps.lifecycle.to('signing-in', 'remembered')
  try {
    await deps.client.importSession(saved)
    return await withRetry(deps, 'resuming the remembered session', () => deps.client.resumeSession(signal), signal)
  } catch (e) {
    if (signal.aborted) throw e
    deps.log(`remembered session refused: ${String(e)}`)
    await deps.client.reset()
    deps.lifecycle.to('signed-out', 'remembered-refused', e instanceof Error ? e.message : String(e))
    return 'refused'
  }
}

/** The QR flow until a login completes. */
export async function qrLogin(deps: LoginFlowDeps, signal: AbortSignal): Promise<SessionCredentials> {
  const { client, lifecycle, clock } = deps
  // Only the first QR is held to the deadline: once the server has answered, later trouble is the
  // retrying kind (a new QR after an expired one, a flaky link).
  let first = deps.signInReachMs != null
  for (;;) {
    let png: Uint8Array
    if (first && deps.signInReachMs != null) png = await firstQr(deps, deps.signInReachMs, signal)
    else {
      await client.prepareLogin(signal).catch((e: unknown) => deps.log(`xlogin page failed (tolerated): ${String(e)}`))
      png = await withRetry(deps, 'fetching the QR code', () => client.fetchQrCode(signal), signal)
    }
    first = false
    lifecycle.to('waiting', 'qr')
    deps.emitQr(png)
    for (;;) {
      await clock.sleep(deps.qrPollIntervalMs, signal)
      const r = await withRetry(deps, 'checking the QR state', () => client.pollQrState(signal), signal)
      if (r.state === 'waiting') lifecycle.to('waiting', 'qr')
      else if (r.state === 'scanned') lifecycle.to('scanned', 'qr-scanned')
      else if (r.state === 'expired') {
        lifecycle.to('expired', 'qr-expired')
        break
      } else {
        lifecycle.to('signing-in', 'confirmed', r.nick)
        try {
          // A refused or unusable check_sig answer will not change by asking again: a new QR then.
          return await withRetry(deps, 'completing the login', () => client.completeLogin(r.checkSigUrl, signal), signal, isTransient)
        } catch (e) {
          if (signal.aborted) throw e
          deps.log(`login failed after the scan: ${String(e)}; showing a new QR`)
          lifecycle.to('signed-out', 'login-failed', e instanceof Error ? e.message : String(e))
          break
        }
      }
    }
  }
}
