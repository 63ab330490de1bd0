/**
 * The session lifecycle as a state machine:
 *
 *   signed-out -> waiting (QR shown) -> scanned -> signing-in -> online <-> reconnecting
 *                 waiting/scanned -> expired -> waiting (a new QR)
 *   signed-out -> signing-in (remembered session) -> online | signed-out (refused, then QR)
 *   online/reconnecting -> signed-out (expired, kicked, logout) -> QR again
 *   any state before online -> unreachable (the server cannot be reached; retried with backoff, the
 *     remembered session kept) -> back where it was going once the server answers
 *
 * `reconnecting` and `unreachable` are re-emitted at every failed attempt with the retry (cause, next
 * attempt), so a view can count down to it.
 * Every change is emitted with a reason. An illegal transition is a bug in the engine: it throws,
 * so tests catch it instead of the UI showing an impossible state.
 */
import type { ConnectionTrouble, SessionState } from '../../shared/domain'
import type { Clock } from './clock'
import type { StateEvent, StateReason } from './types'

const ALLOWED: Record<SessionState, readonly SessionState[]> = {
  'signed-out': ['waiting', 'signing-in', 'unreachable'],
  waiting: ['scanned', 'expired', 'signing-in', 'signed-out', 'unreachable'],
  scanned: ['waiting', 'expired', 'signing-in', 'signed-out', 'unreachable'],
  expired: ['waiting', 'signed-out', 'unreachable'],
  'signing-in': ['online', 'signed-out', 'waiting', 'unreachable'],
  online: ['reconnecting', 'signed-out'],
  reconnecting: ['online', 'signed-out'],
  unreachable: ['waiting', 'scanned', 'expired', 'signing-in', 'online', 'signed-out']
}

export class Lifecycle {
  private current: SessionState = 'signed-out'
  private trouble: ConnectionTrouble | null = null

  constructor(
    private readonly clock: Clock,
    private readonly onChange: (event: StateEvent) => void
  ) {}

  get state(): SessionState {
    return this.current
  }

  /** The retry in progress while `reconnecting` or `unreachable` for network trouble, else null. */
  get retry(): ConnectionTrouble | null {
    return this.trouble
  }

  /** Moves to `next` (a no-op when already there). */
  to(next: SessionState, reason: StateReason, detail: string | null = null): void {
    const previous = this.current
    if (previous === next) return
    this.move(next, reason, detail, null)
  }

  /** A failed attempt while reconnecting or unreachable: emitted every time (the next attempt moved). */
  retrying(next: 'reconnecting' | 'unreachable', reason: StateReason, detail: string | null, retry: ConnectionTrouble): void {
    this.move(next, reason, detail, retry)
  }

  private move(next: SessionState, reason: StateReason, detail: string | null, retry: ConnectionTrouble | null): void {
    const previous = this.current
    if (previous !== next && !ALLOWED[previous].includes(next)) throw new Error(`illegal session transition ${previous} -> ${next} (${reason})`)
    this.current = next
    this.trouble = retry
    this.onChange({ state: next, previous, reason, detail, retry, at: this.clock.now() })
  }
}
