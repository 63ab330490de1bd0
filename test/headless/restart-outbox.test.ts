/**
 * The headless lifecycle case from issue 11: a send issued while signed out (after the session died
 * with 100000 on poll), then `quit`, then a restart with the same profile where the remembered
 * session is refused and a new QR is scanned. The queued message must go out exactly once.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, sleep, tempProfile } from '../main/engine/harness'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

describe('headless restart with a queued send', () => {
  it('goes out exactly once after the new login', async () => {
    // Era 2015: the first process stores the entry under the buddy's QQ key (get_friend_uin2).
    const sim = await startSimulator({ ...FAST_SIM, era: '2015' })
    const p = tempProfile()
    suite.defer(p.cleanup, () => sim.close())
    const args = ['--server', sim.url, '--profile', p.dir, '--send-interval', '50']

    const first = suite.spawn(args)
    await first.next((l) => l.type === 'qr')
    sim.scan({ confirm: true })
    await first.next((l) => l.type === 'ready')
    const buddy = (await sim.account({ members: false })).buddies[0]!
    const mark = first.lines.length
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 100000 })
    await first.next((l) => l.type === 'login' && l.state === 'signed-out', 10_000, mark)
    await first.next((l) => l.type === 'qr', 10_000, mark)
    first.send({ cmd: 'send', ref: 'late', kind: 'buddy', to: buddy.uin, text: 'written while signed out' })
    const answer = await first.next((l) => l.ref === 'late', 10_000, mark)
    expect(answer).toEqual({ type: 'queued', ref: 'late' })
    first.send({ cmd: 'quit' })
    expect(await first.exit()).toBe(0)

    sim.expireSession()
    const second = suite.spawn(args)
    await second.next((l) => l.type === 'qr', 30_000)
    sim.scan({ confirm: true })
    await second.next((l) => l.type === 'ready')
    expect(await second.next((l) => l.ref === 'late', 10_000)).toEqual({ type: 'sent', ref: 'late', state: 'sent' })
    await sleep(600)
    expect(sim.sent().filter((s) => s.text === 'written while signed out')).toHaveLength(1)
    expect(second.lines.filter((l) => l.ref === 'late')).toHaveLength(1)
    second.send({ cmd: 'outbox' })
    expect((await second.next((l) => l.type === 'outbox')).entries).toEqual([])
    // Two process starts and two logins: more than the default 30 s on a loaded machine.
  }, 90_000)
})
