/**
 * Issue 15 in headless: a launch while the server refuses connections keeps the remembered session
 * (`login` lines say `unreachable` with the cause and the next attempt, `server-unreachable` has a
 * `reason`), a `send` meanwhile answers `queued`, and once the server answers again the process signs
 * in by itself (no QR) and answers `sent`; the simulator received the message exactly once.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, sleep, tempProfile } from '../main/engine/harness'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

describe('headless during an outage', () => {
  it('never forgets the remembered session, queues a send, and sends it once the server is back', async () => {
    const sim = await startSimulator(FAST_SIM)
    const p = tempProfile()
    suite.defer(p.cleanup, () => sim.close())
    const args = ['--server', sim.url, '--profile', p.dir, '--send-interval', '50']

    const first = suite.spawn(args)
    await first.next((l) => l.type === 'qr')
    sim.scan({ confirm: true })
    await first.next((l) => l.type === 'ready')
    first.send({ cmd: 'contacts' })
    const contacts = (await first.next((l) => l.type === 'contacts')) as { buddies: Array<{ key: string; nick: string }> }
    const key = contacts.buddies[0]!.key
    first.send({ cmd: 'quit' })
    expect(await first.exit()).toBe(0)

    await sim.suspend()
    const second = suite.spawn(args)
    const unreachable = await second.next((l) => l.type === 'login' && l.state === 'unreachable', 15_000)
    expect(unreachable).toMatchObject({ reason: 'network', cause: 'refused', attempt: 1 })
    expect(unreachable.retryAt).toEqual(expect.any(Number))
    expect(unreachable.retryIn).toBeGreaterThan(0)
    expect(unreachable.retryIn).toBeLessThanOrEqual(15_000)
    const said = await second.next((l) => l.type === 'error' && l.code === 'server-unreachable')
    expect(said).toMatchObject({ server: sim.url, reason: 'refused' })

    // The last contacts are there (from the profile's store): a send by key is queued, not refused.
    second.send({ cmd: 'contacts' })
    const offline = (await second.next((l) => l.type === 'contacts')) as { buddies: Array<{ key: string }> }
    expect(offline.buddies.map((b) => b.key)).toContain(key)
    second.send({ cmd: 'send', ref: 'o1', key, text: 'sent while the server was down' })
    expect(await second.next((l) => l.ref === 'o1')).toEqual({ type: 'queued', ref: 'o1' })

    await sim.resume()
    const ready = await second.next((l) => l.type === 'ready', 20_000)
    expect(ready.type).toBe('ready')
    expect(await second.next((l) => l.ref === 'o1' && l.type === 'sent', 10_000)).toEqual({ type: 'sent', ref: 'o1', state: 'sent' })
    await sleep(300)
    expect(sim.sent().filter((s) => s.text === 'sent while the server was down')).toHaveLength(1)
    // Never a QR, never signed out: the remembered session carried through.
    expect(second.lines.filter((l) => l.type === 'qr')).toEqual([])
    expect(second.lines.filter((l) => l.type === 'login' && l.state === 'signed-out')).toEqual([])
    second.send({ cmd: 'quit' })
    expect(await second.exit()).toBe(0)
  }, 60_000)

  it('a broken 200 poll answer is reported as a gap line, and history shows it before the next message', async () => {
    const { sim, child } = await suite.online()
    const buddy = sim.account({ members: false }).buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'kept' })
    const first = await child.next((l) => l.type === 'message' && l.text === 'kept')
    sim.injectFault({ type: 'malformed', endpoint: 'poll2', variant: 'truncated' })
    const before = Date.now()
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'lost' })
    const gap = await child.next((l) => l.type === 'gap')
    expect(gap).toMatchObject({ reason: 'broken-answer', conversationKey: null })
    expect(gap.recordedAt).toBeGreaterThanOrEqual(before)
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'after' })
    await child.next((l) => l.type === 'message' && l.text === 'after')
    const key = first.key
    child.send({ cmd: 'history', key })
    const history = (await child.next((l) => l.type === 'history')) as { messages: Array<{ text: string; gapBefore?: { reason: string } }> }
    expect(history.messages.map((m) => [m.text, m.gapBefore?.reason ?? null])).toEqual([
      ['after', 'broken-answer'],
      ['kept', null]
    ])
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })
})
