import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { loggedIn } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

describe('smoke', () => {
  it('logs in and polls', async () => {
    sim = await startSimulator({ pollHoldMs: 200 })
    const c = await loggedIn(sim)
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'hi' })
    const res = await c.poll()
    expect(res.json().result[0].value.from_uin).toBe(sim.account().buddies[0]!.uin)
  })
})
