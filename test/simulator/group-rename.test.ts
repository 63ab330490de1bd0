import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator'

let sim: Simulator | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

describe('simulator renameGroup', () => {
  it('renames a group by its number, refuses unknown numbers and empty names', async () => {
    sim = await startSimulator({ seed: 3, account: { buddies: 2, groups: 3, discussions: 0, groupMembers: 3 } })
    const [a, b] = sim.account().groups
    sim.renameGroup(b!.number, a!.name)
    expect(
      sim
        .account()
        .groups.map((g) => g.name)
        .filter((n) => n === a!.name)
    ).toHaveLength(2)
    expect(() => sim!.renameGroup(1, 'x')).toThrow(/no group with number 1/)
    expect(() => sim!.renameGroup(a!.number, '  ')).toThrow(/cannot be empty/)
    expect(sim.account().groups[0]!.name).toBe(a!.name)
  })
})
