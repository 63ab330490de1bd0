/**
 * Getting a session: a remembered one first (no QR), else the QR flow (waiting -> scanned ->
 * signing-in, a new QR whenever one expires). Network trouble never ends the flow: it backs off and
 * tries again; only the server refusing a remembered session sends us to the QR.
 */
import { ProtocolError } from '../protocol'
import type { ProtocolClient, SavedSession, SessionCredentials } from '../protocol/types'
import { Backoff } from './backoff'
import type { Clock } from './clock'
import type { Lifecycle } from './lifecycle'

export interface LoginFlowDeps {
  client: ProtocolClient
  clock: Clock
  lifecycle: Lifecycle
  qrPollIntervalMs: number
  backoffMaxMs: number
  emitQr(png: Uint8Array): void
  log(message: string): void
}

/** Failures worth retrying as they are (the server did not say no). */
export function isTransient(e: unknown): boolean {
  return e instanceof ProtocolError && (e.code === 'network' || e.code === 'timeout' || (e.code === 'http' && (e.httpStatus ?? 500) >= 500))
}

/**
 * A remembered session that only ever meets network failures is given up after this many tries (the
 * QR is shown instead of `signing-in` for ever); the file is kept, so a later start tries it again.
 */
export const REMEMBERED_ATTEMPTS = 5

/** Runs `step` until it succeeds or fails for a reason other than the network (rethrown), or `attempts` run out. */
async function withRetry<T>(deps: LoginFlowDeps, what: string, step: () => Promise<T>, signal: AbortSignal, attempts = Infinity): Promise<T> {
  const backoff = new Backoff(deps.clock, { maxMs: deps.backoffMaxMs })
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (e) {
      if (signal.aborted || !isTransient(e) || attempt >= attempts) throw e
      const delay = backoff.next()
      deps.log(`${what} failed (${String(e)}); retrying in ${Math.round(delay)} ms`)
      await deps.clock.sleep(delay, signal)
    }
  }
}

/**
 * Resumes a remembered session: its credentials, 'refused' when the server (or its own unusable
 * tokens) says no (the caller forgets it), 'unreachable' when only network failures came back.
 */
export async function resumeRemembered(
  deps: LoginFlowDeps,
  saved: SavedSession,
  signal: AbortSignal
): Promise<SessionCredentials | 'refused' | 'unreachable'> {
  deps.lifecycle.to('signing-in', 'remembered')
  try {
    await deps.client.importSession(saved)
    return await withRetry(deps, 'resuming the remembered session', () => deps.client.resumeSession(signal), signal, REMEMBERED_ATTEMPTS)
  } catch (e) {
    if (signal.aborted) throw e
    const unreachable = isTransient(e)
    deps.log(`remembered session ${unreachable ? `unreachable after ${REMEMBERED_ATTEMPTS} tries` : 'refused'}: ${String(e)}`)
    await deps.client.reset()
    deps.lifecycle.to('signed-out', 'remembered-refused', e instanceof Error ? e.message : String(e))
    return unreachable ? 'unreachable' : 'refused'
  }
}

/** The QR flow until a login completes. */
export async function qrLogin(deps: LoginFlowDeps, signal: AbortSignal): Promise<SessionCredentials> {
  const { client, lifecycle, clock } = deps
  for (;;) {
    await client.prepareLogin(signal).catch((e: unknown) => deps.log(`xlogin page failed (tolerated): ${String(e)}`))
    const png = await withRetry(deps, 'fetching the QR code', () => client.fetchQrCode(signal), signal)
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
          return await withRetry(deps, 'completing the login', () => client.completeLogin(r.checkSigUrl, signal), signal)
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
