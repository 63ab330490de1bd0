import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EngineOptions } from '../../../src/main/engine'
import { sleep, type Recorder, type Sim, useEngineSuite } from './harness'

const suite = useEngineSuite()
async function online(engine: Partial<EngineOptions> = {}): Promise<{ sim: Sim; rec: Recorder; profile: string; qq: number }> {
  const { sim, rec, profile, ready } = await suite.online({ engine })
  return { sim, rec, profile, qq: ready.self.qq }
}

/** Proves the poll loop still delivers after a recovery. */
async function messageStillArrives(sim: Sim, rec: Recorder, text: string): Promise<void> {
  const buddy = (await sim.account()).buddies[0]!
  await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text })
  const m = await rec.next('message', (x) => x.text === text)
  expect(m.from.uin).toBe((await sim.account()).buddies[0]!.uin)
}

describe('poll retcodes and failures', () => {
  it('116 adopts the new ptwebqq, saves it in the remembered session and keeps polling', async () => {
    const { sim, rec, profile, qq } = await online()
    const file = join(profile, `session-${qq}.json`)
    const before = JSON.parse(readFileSync(file, 'utf8')).credentials.ptwebqq
    await sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 116 })
    for (let i = 0; i < 50 && JSON.parse(readFileSync(file, 'utf8')).credentials.ptwebqq === before; i++) await sleep(100)
    expect(JSON.parse(readFileSync(file, 'utf8')).credentials.ptwebqq).not.toBe(before)
    expect(rec.of('state').some((s) => s.state === 'reconnecting')).toBe(false)
    await messageStillArrives(sim, rec, 'after 116')
  })

  for (const code of [120, 121]) {
    it(`${code} relinks (reconnecting -> online, login2 again) without a QR`, async () => {
      const { sim, rec } = await online()
      const login2Before = (await sim.state()).requests['login2'] ?? 0
      const mark = rec.mark()
      await sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: code })
      const r = await rec.next('state', (s) => s.state === 'reconnecting', 8000, mark)
      expect(r.reason).toBe('relink')
      await rec.next('state', (s) => s.state === 'online', 8000, mark)
      expect((await sim.state()).requests['login2']).toBe(login2Before + 1)
      expect(rec.of('qr')).toHaveLength(1)
      expect(rec.of('ready')).toHaveLength(1)
      await messageStillArrives(sim, rec, `after ${code}`)
    })
  }

  it('one 103 only re-registers with get_online_buddies2', async () => {
    const { sim, rec } = await online()
    const before = (await sim.state()).requests['get_online_buddies2'] ?? 0
    await sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 103 })
    await messageStillArrives(sim, rec, 'after one 103')
    expect((await sim.state()).requests['get_online_buddies2']).toBeGreaterThan(before)
    expect(rec.of('state').some((s) => s.state === 'reconnecting' || s.state === 'signed-out')).toBe(false)
  })

  it('103 that persists climbs the ladder: get_online_buddies2, relink, then a new login with the remembered session', async () => {
    const { sim, rec } = await online()
    const mark = rec.mark()
    await sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 103, count: 3 })
    const ready = await rec.next('ready', undefined, 10_000, mark)
    expect(ready.remembered).toBe(true)
    const seq = rec.events
      .slice(mark)
      .filter((e) => e.name === 'state')
      .map((e) => `${e.payload.state}:${e.payload.reason}`)
    expect(seq).toEqual(['reconnecting:not-registered', 'online:online', 'signed-out:expired', 'signing-in:remembered', 'online:remembered'])
    expect(rec.of('qr')).toHaveLength(1)
    await messageStillArrives(sim, rec, 'after the ladder')
  })

  it('network failures back off (never more than one poll a second) and recover to online', async () => {
    const { sim, rec } = await online({ pollMinIntervalMs: 1000, backoffMaxMs: 30_000 })
    const mark = rec.mark()
    const before = (await sim.state()).requests['poll2'] ?? 0
    await sim.injectFault({ type: 'reset', endpoint: 'poll2', count: -1 })
    await rec.next('state', (s) => s.state === 'reconnecting', 8000, mark)
    await sleep(3000)
    const polls = ((await sim.state()).requests['poll2'] ?? 0) - before
    // ~3.3 s of instant failures with >= 1 s between attempts (and growing): at most 4 (+1 held when the fault landed).
    expect(polls).toBeLessThanOrEqual(5)
    expect(polls).toBeGreaterThanOrEqual(2)
    await sim.injectFault({ type: 'clear' })
    const back = await rec.next('state', (s) => s.state === 'online', 10_000, mark)
    expect(back.reason).toBe('online')
    await messageStillArrives(sim, rec, 'after the outage')
  })
})
