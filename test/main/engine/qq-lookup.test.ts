/**
 * The profile card's QQ number look-up (get_friend_uin2) over loopback HTTP: found and cached in the 2015
 * era; in 2017 and later the server's 404 says the service is closed, remembered for the session; a
 * failed request is no verdict and the next look-up asks again.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, useEngineSuite } from './harness'

describe('QQ number look-up', () => {
  const { online, defer } = useEngineSuite()

  it('finds the number (2015 era), after a failed request that was no verdict, and then answers from its cache', async () => {
    const sim = await startSimulator({ ...FAST_SIM, era: '2015' })
    defer(() => sim.close())
    // Every get_friend_uin2 fails until cleared: the login's own background look-ups find nothing either.
    sim.injectFault({ type: 'malformed', endpoint: 'get_friend_uin2', variant: 'html', count: -1 })
    const { engine } = await online({ simulator: sim })
    const buddy = sim.account().buddies[0]!
    await expect(engine.lookupQQ(buddy.uin!)).rejects.toThrow()
    sim.injectFault({ type: 'clear' })
    expect(await engine.lookupQQ(buddy.uin!)).toEqual({ uin: buddy.uin, qq: buddy.qq, available: true })
    const asked = sim.state().requests['get_friend_uin2'] ?? 0
    expect(await engine.lookupQQ(buddy.uin!)).toEqual({ uin: buddy.uin, qq: buddy.qq, available: true })
    expect(sim.state().requests['get_friend_uin2'] ?? 0).toBe(asked)
    // The card then shows it without a look-up.
    expect(await engine.profile('buddy', buddy.uin!)).toMatchObject({ kind: 'buddy', qq: buddy.qq })
  })

  it('says the number is unavailable once the service is closed (2017), without asking again in the session', async () => {
    const { sim, engine } = await online({ sim: { ...FAST_SIM, era: '2017' } })
    const [a, b] = sim.account().buddies
    expect(await engine.lookupQQ(a!.uin!)).toEqual({ uin: a!.uin, qq: null, available: false })
    const asked = sim.state().requests['get_friend_uin2'] ?? 0
    expect(asked).toBeGreaterThan(0)
    expect(await engine.lookupQQ(b!.uin!)).toEqual({ uin: b!.uin, qq: null, available: false })
    expect(sim.state().requests['get_friend_uin2']).toBe(asked)
  })

  it('refuses an unknown buddy with a clear error', async () => {
    const { engine } = await online()
    await expect(engine.lookupQQ(999_999_999)).rejects.toThrow(/unknown buddy/)
  })
})
