/**
 * The send-gap setting reaches a running engine: given as a function, each send reads it anew, so
 * a change in the settings paces the very next sends without signing in again.
 */
import { describe, expect, it } from 'vitest'
import { useEngineSuite } from './harness'

describe('send interval (live setting)', () => {
  const { online } = useEngineSuite()

  it('paces the next sends with the value in effect when they go out', async () => {
    let gapMs = 0
    const { sim, engine, rec } = await online({ engine: { sendIntervalMs: () => gapMs } })
    const acc = await sim.account()
    const group = acc.groups[0]!
    const sentAt = async (refs: string[]): Promise<number[]> => {
      for (const ref of refs) engine.send({ kind: 'group', to: group.gid!, text: ref, ref })
      const times: number[] = []
      for (const ref of refs) {
        await rec.next('outbox', (o) => o.ref === ref && o.state === 'sent', 10_000)
        times.push(Date.now())
      }
      return times
    }
    const fast = await sentAt(['a1', 'a2', 'a3'])
    expect(fast[2]! - fast[0]!).toBeLessThan(600)
    gapMs = 700
    const slow = await sentAt(['b1', 'b2', 'b3'])
    // Two gaps of at least 700 ms between three sends.
    expect(slow[2]! - slow[0]!).toBeGreaterThanOrEqual(1300)
    expect(sim.sent().map((s) => s.text)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3'])
  })
})
