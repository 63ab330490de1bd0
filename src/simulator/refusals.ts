/**
 * The refusal log: every request the simulator refused or answered with an error, with the rule that
 * did it, so a client author sees at once why (GET /__sim/refusals) instead of a bare nginx page or a
 * retcode. A bounded ring buffer: the oldest entries make room for new ones.
 */

export interface Refusal {
  /** 1, 2, 3... over the simulator's life (gaps at the start mean older entries were dropped). */
  seq: number
  time: number
  method: string
  /** Path as received, without the query string. */
  path: string
  /** Route key (`poll2`, `get_discus_list`, ...) or null when no route matched. */
  endpoint: string | null
  status: number
  /** The JSON retcode (or ptuiCB code) of the answer, null for HTML pages and resets. */
  retcode: number | null
  /** Stable rule id, see docs/simulator.md ("Refusal log"). */
  rule: string
  /** One sentence: what was wrong and what would have been accepted. */
  detail: string
}

export interface RefusalLogView {
  capacity: number
  /** How many refusals were ever recorded (entries.length once the buffer is full is capacity). */
  total: number
  entries: Refusal[]
}

export class RefusalLog {
  private readonly ring: Refusal[] = []
  private next = 0
  private seq = 0

  constructor(readonly capacity: number) {}

  record(r: Omit<Refusal, 'seq'>): void {
    const entry = { seq: ++this.seq, ...r }
    if (this.ring.length < this.capacity) this.ring.push(entry)
    else this.ring[this.next] = entry
    this.next = (this.next + 1) % this.capacity
  }

  /** Oldest first. */
  view(): RefusalLogView {
    const entries = this.ring.length < this.capacity ? [...this.ring] : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)]
    return { capacity: this.capacity, total: this.seq, entries: entries.map((e) => ({ ...e })) }
  }
}
