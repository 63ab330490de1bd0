/** Faults injected on demand (admin API or in-process); each hits `count` matching requests, -1 = until cleared. */
import type { Fault } from './types'

type Countable = Exclude<Fault, { type: 'echo' } | { type: 'block' } | { type: 'clear' }>
type OfType<T extends Countable['type']> = Extract<Countable, { type: T }>

export class FaultBox {
  private armed: Array<{ fault: Countable; remaining: number }> = []

  arm(fault: Countable): void {
    this.armed.push({ fault, remaining: fault.count ?? 1 })
  }

  clear(): void {
    this.armed = []
  }

  get pending(): number {
    return this.armed.length
  }

  /** Consume one hit of the first armed fault of one of `types` aimed at `endpoint` ('*' matches all). */
  take<T extends Countable['type']>(endpoint: string, ...types: T[]): OfType<T> | null {
    const i = this.armed.findIndex(({ fault }) => (types as string[]).includes(fault.type) && matches(fault, endpoint))
    if (i < 0) return null
    const entry = this.armed[i]!
    if (entry.remaining > 0 && --entry.remaining === 0) this.armed.splice(i, 1)
    return entry.fault as OfType<T>
  }
}

function matches(fault: Countable, endpoint: string): boolean {
  if (!('endpoint' in fault) || fault.endpoint === undefined) return true
  return fault.endpoint === '*' || fault.endpoint === endpoint
}
