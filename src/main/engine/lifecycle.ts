/**
 * The session lifecycle as a state machine:
 *
 *   signed-out -> waiting (QR shown) -> scanned -> signing-in -> online <-> reconnecting
 *                 waiting/scanned -> expired -> waiting (a new QR)
 *   signed-out -> signing-in (remembered session) -> online | signed-out (refused, then QR)
 *   online/reconnecting -> signed-out (expired, kicked, logout) -> QR again
 *
 * Every change is emitted with a reason. An illegal transition is a bug in the engine: it throws,
 * so tests catch it instead of the UI showing an impossible state.
 */
import type { SessionState } from '../../shared/domain'
import type { Clock } from './clock'
import type { StateEvent, StateReason } from './types'

const ALLOWED: Record<SessionState, readonly SessionState[]> = {
  'signed-out': ['waiting', 'signing-in'],
  waiting: ['scanned', 'expired', 'signing-in', 'signed-out'],
  scanned: ['waiting', 'expired', 'signing-in', 'signed-out'],
  expired: ['waiting', 'signed-out'],
  'signing-in': ['online', 'signed-out', 'waiting'],
  online: ['reconnecting', 'signed-out'],
  reconnecting: ['online', 'signed-out']
}

export class Lifecycle {
  private current: SessionState = 'signed-out'

  constructor(
    private readonly clock: Clock,
    private readonly onChange: (event: StateEvent) => void
  ) {}

  get state(): SessionState {
    return this.current
  }

  /** Moves to `next` (a no-op when already there). */
  to(next: SessionState, reason: StateReason, detail: string | null = null): void {
    const previous = this.current
    if (previous === next) return
    if (!ALLOWED[previous].includes(next)) throw new Error(`illegal session transition ${previous} -> ${next} (${reason})`)
    this.current = next
    this.onChange({ state: next, previous, reason, detail, at: this.clock.now() })
  }
}
