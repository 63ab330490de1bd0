/**
 * In the 2015 era get_friend_uin2 gives every buddy's QQ number after login, and each buddy's key
 * moves from its name key to `buddy:qq:…`. Only conversations that exist are moved; the rest (most
 * contacts) are nobody's business and must not fill the log with "rekey … failed".
 */
import { describe, expect, it } from 'vitest'
import { FAST_SIM, sleep, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('rekey after the uin -> QQ lookups', () => {
  it('moves the conversations that exist, and logs nothing for the buddies without one', async () => {
    const logs: string[] = []
    const { sim, engine, rec } = await suite.online({ sim: { ...FAST_SIM, era: '2015' }, engine: { log: (m) => logs.push(m) } })
    const acc = await sim.account({ members: false })
    // A conversation that exists before its buddy's QQ number is known... (pushed at once, usually before the lookups end)
    const buddy = acc.buddies[acc.buddies.length - 1]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'before the lookup' })
    await rec.next('message', (m) => m.text === 'before the lookup')
    for (let i = 0; i < 100; i++) {
      const c = await engine.contacts()
      if (c.buddies.every((b) => b.key.startsWith('buddy:qq:'))) break
      await sleep(50)
    }
    const contacts = await engine.contacts()
    expect(contacts.buddies.every((b) => b.key.startsWith('buddy:qq:'))).toBe(true)
    // ...is found under the QQ key afterwards (moved or written there directly).
    const key = contacts.buddies.find((b) => b.uin === buddy.uin)!.key
    expect(key).toBe(`buddy:qq:${buddy.qq}`)
    expect(engine.history('buddy', buddy.uin!).messages.map((m) => m.text)).toEqual(['before the lookup'])
    expect(logs.filter((l) => /rekey/.test(l))).toEqual([])
  })
})
