/**
 * The receive loop: exactly one poll2 in flight, always.
 *
 *  - events: handed to the pipeline (synchronously persisted and emitted, so order is kept), re-poll at once;
 *  - no news (102, 100012, 504, the 2018 form...): normal, re-poll, but never more than one poll per
 *    `minIntervalMs` (a server answering instantly must not make us spin);
 *  - network/HTTP/malformed failures: backoff with jitter up to `maxBackoffMs`, state `reconnecting`
 *    with the cause and the next attempt ("Retry now" cuts the wait short);
 *  - a broken 200 answer (truncated, HTML, empty): the server may have handed its messages over
 *    already, so "messages may be missing" is recorded at once, then as above;
 *  - 116: the client already adopted the new ptwebqq; save it and go on;
 *  - 120/121: relink (login2 again);
 *  - 103: the ladder get_online_buddies2 -> relink -> give up (the engine logs in again);
 *  - 100000/100001 or a kick: the session is over;
 *  - answers that no waiting can fix (1000000/1000001 "a cookie is missing", an unusable token,
 *    retcodes nobody knows) a few times in a row: the session cannot make progress, so it ends with the
 *    reason stated instead of retrying for ever (the network, error pages and bodies that are not
 *    SmartQQ's, by contrast, are an outage and retried for ever).
 * Contact refreshes run elsewhere and never hold this loop up (pandolia/qqbot#75/#76).
 */
import { ProtocolError, retcodeMeaning } from '../protocol'
import type { ConnectionTrouble } from '../../shared/domain'
import type { PollEvent, ProtocolClient } from '../protocol/types'
import { isAbort, type Clock } from './clock'
import { TroubleStreak, type RetryWaker } from './connection'
import type { BatchResult } from './pipeline'

export type PollExit =
  | { kind: 'stopped' }
  | { kind: 'kicked'; reason: string }
  | { kind: 'session-dead'; retcode: number }
  /** The 103 ladder ran out: log in again (remembered session first). */
  | { kind: 'not-registered' }
  /** The server's answers cannot be used however long we wait (the limits below): a new login is needed. */
  | { kind: 'stuck'; reason: string }

/** Failures the same request will keep getting: the credentials themselves are refused or unusable. */
const CREDENTIAL_FAILURES_BEFORE_GIVING_UP = 3
/** Other answers that are not the network (malformed, HTTP 4xx, unknown retcodes) in a row before giving up. */
const BAD_ANSWERS_BEFORE_GIVING_UP = 8

/**
 * How a failed poll counts towards giving up: 'credentials', 'answer', or null (retry for ever). The
 * network, HTTP error pages and bodies that are not SmartQQ's (a proxy's or a portal's page, a cut
 * answer) say nothing about the session: they are an outage, never a reason to end it (issue 15).
 */
function failureClass(e: unknown): 'credentials' | 'answer' | null {
  if (!(e instanceof ProtocolError)) return 'answer'
  switch (e.code) {
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'http':
    case 'malformed':
    case 'too-large':
      return null
    case 'bad-token':
    case 'no-session':
      return 'credentials'
    case 'retcode':
      return retcodeMeaning(e.retcode ?? 0) === 'missing-credentials' ? 'credentials' : 'answer'
    default:
      return 'answer'
  }
}

export interface PollLoopDeps {
  client: ProtocolClient
  clock: Clock
  minIntervalMs: number
  maxBackoffMs: number
  /** Optional: awaited before a batch is handled (bounded lazy loads that let the batch be named). */
  prepareBatch?(events: readonly PollEvent[]): Promise<void>
  handleBatch(events: readonly PollEvent[]): BatchResult
  /** Cuts the wait after a failed poll short ("Retry now"). */
  waker: RetryWaker
  /** The session is unhealthy (network trouble with its retry, relinking): show `reconnecting`. */
  troubled(reason: 'network' | 'relink' | 'not-registered', detail: string | null, retry?: ConnectionTrouble): void
  /** A 200 poll answer could not be read: the messages it carried (if any) are lost. */
  brokenAnswer(detail: string): void
  /** Polls work again: show `online`. */
  healthy(): void
  /** ptwebqq or psessionid changed: save the session again. */
  credentialsChanged(): void
  log(message: string): void
}

export async function runPollLoop(deps: PollLoopDeps, signal: AbortSignal): Promise<PollExit> {
  const { client, clock } = deps
  const backoff = new TroubleStreak(clock, deps.maxBackoffMs, deps.minIntervalMs)
  let ladder = 0
  let credentialFailures = 0
  let badAnswers = 0

  const pace = async (startedAt: number): Promise<void> => {
    const wait = startedAt + deps.minIntervalMs - clock.now()
    if (wait > 0) await clock.sleep(wait, signal)
  }
  const relink = async (): Promise<PollExit | null> => {
    try {
      await client.relink(signal)
      deps.credentialsChanged()
      deps.healthy()
      return null
    } catch (e) {
      if (e instanceof ProtocolError && e.code === 'retcode') return { kind: 'session-dead', retcode: e.retcode ?? 0 }
      throw e
    }
  }

  while (!signal.aborted) {
    const startedAt = clock.now()
    try {
      const outcome = await client.poll(signal)
      credentialFailures = 0
      badAnswers = 0
      if (backoff.failures > 0) {
        backoff.reset()
        deps.healthy()
      }
      switch (outcome.kind) {
        case 'events': {
          ladder = 0
          if (deps.prepareBatch) await deps.prepareBatch(outcome.events)
          const result = deps.handleBatch(outcome.events)
          if (result.kicked !== null) return { kind: 'kicked', reason: result.kicked }
          break
        }
        case 'empty':
          ladder = 0
          await pace(startedAt)
          break
        case 'ptwebqq-rotated':
          deps.credentialsChanged()
          await pace(startedAt)
          break
        case 'relink': {
          deps.troubled('relink', null)
          const exit = await relink()
          if (exit) return exit
          break
        }
        case 'not-registered': {
          ladder++
          deps.log(`poll 103 (step ${ladder} of the ladder)`)
          if (ladder === 1) {
            await client.getOnlineBuddies(signal).catch((e: unknown) => deps.log(`get_online_buddies2 failed: ${String(e)}`))
            await pace(startedAt)
          } else if (ladder === 2) {
            deps.troubled('not-registered', null)
            const exit = await relink()
            if (exit) return exit
          } else {
            return { kind: 'not-registered' }
          }
          break
        }
        case 'session-dead':
          return { kind: 'session-dead', retcode: outcome.retcode }
      }
    } catch (e) {
      if (signal.aborted || isAbort(e)) return { kind: 'stopped' }
      const cls = failureClass(e)
      if (cls === 'credentials') credentialFailures++
      if (cls === 'answer') badAnswers++
      const message = e instanceof Error ? e.message : String(e)
      if (credentialFailures >= CREDENTIAL_FAILURES_BEFORE_GIVING_UP)
        return { kind: 'stuck', reason: `the server keeps refusing this session's credentials (${message})` }
      if (badAnswers >= BAD_ANSWERS_BEFORE_GIVING_UP) return { kind: 'stuck', reason: `the server's poll answers cannot be used (${message})` }
      if (e instanceof ProtocolError && e.httpStatus === 200 && (e.code === 'malformed' || e.code === 'too-large')) deps.brokenAnswer(message)
      const { delay, trouble } = backoff.failed(e)
      const wait = Math.max(0, startedAt + delay - clock.now())
      deps.troubled('network', message, { ...trouble, nextAttemptAt: Math.round(clock.now() + wait) })
      deps.log(`poll failed (${String(e)}); retrying in ${Math.round(wait)} ms`)
      try {
        await deps.waker.sleep(wait, signal)
      } catch {
        return { kind: 'stopped' }
      }
    }
  }
  return { kind: 'stopped' }
}
