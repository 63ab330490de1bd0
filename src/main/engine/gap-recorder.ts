/**
 * Decides when history may have a hole and records it in the store, so the conversation can say
 * "messages may be missing here" (also after a restart):
 *
 *  - a relink (120/121, the 103 ladder): the server may have dropped what it held for the old link;
 *  - a session that ended without the user asking (100000/100001, kick, the 103 ladder running out):
 *    whatever arrived until the next login is lost, recorded once the new session is online;
 *  - polls failing for at least `outageMs`: SmartQQ kept undelivered messages only briefly;
 *  - a poll answer that came back broken (truncated, HTML, empty with status 200): the server may
 *    have handed its messages over in it, so they are lost; recorded at once, with its time.
 *
 * Stopping the app or logging out on purpose records nothing: a person who closed the app knows.
 */
import type { GapReason, GapRecordedDto } from '../../shared/messenger'
import type { HistoryStore } from '../store/types'
import type { Clock } from './clock'

export interface GapRecorderDeps {
  clock: Clock
  history(): HistoryStore | null
  emit(gap: GapRecordedDto): void
  log(message: string): void
  /** Failed polls for at least this long count as an outage. */
  outageMs: number
}

export class GapRecorder {
  private troubleSince: number | null = null
  private sessionEnded = false

  constructor(private readonly deps: GapRecorderDeps) {}

  /** The poll loop reported trouble (network failure or a relink in progress). */
  troubled(reason: 'network' | 'relink' | 'not-registered'): void {
    if (reason === 'network') this.troubleSince ??= this.deps.clock.now()
    else this.record('relink')
  }

  /** Polls work again. */
  healthy(): void {
    const since = this.troubleSince
    this.troubleSince = null
    if (since !== null && this.deps.clock.now() - since >= this.deps.outageMs) this.record('outage')
  }

  /** A 200 poll answer could not be read: whatever it carried is lost. */
  brokenAnswer(detail: string): void {
    this.deps.log(`a poll answer could not be read (${detail}); messages may be missing`)
    this.record('broken-answer')
  }

  /** The session ended without the user asking for it; the gap is recorded when the next one is online. */
  sessionLost(): void {
    this.sessionEnded = true
  }

  /** A session is online (its store is open). */
  online(): void {
    this.troubleSince = null
    if (!this.sessionEnded) return
    this.sessionEnded = false
    this.record('session-ended')
  }

  private record(reason: GapReason): void {
    const history = this.deps.history()
    if (!history) return
    try {
      const gap = history.recordGap(reason, null, this.deps.clock.now())
      if (gap) this.deps.emit({ conversationKey: null, ...gap })
    } catch (e) {
      this.deps.log(`recording a history gap failed: ${String(e)}`)
    }
  }
}
