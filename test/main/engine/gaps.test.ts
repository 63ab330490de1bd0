/**
 * "Messages may be missing here": the engine records history gaps when a session dies, when it has to
 * relink, and after a long run of failed polls, against the simulator over loopback; the marks come
 * back with history pages (and around a message) and survive a restart.
 */
import { describe, expect, it } from 'vitest'
import type { GapRecordedDto } from '../../../src/shared/messenger'
import type { Engine } from '../../../src/main/engine'
import { loginByQr, makeEngine, record, useEngineSuite, type Sim } from './harness'

const suite = useEngineSuite()

async function admin(sim: Sim, route: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  expect(res.ok).toBe(true)
}

function gapsOf(engine: Engine): GapRecordedDto[] {
  const seen: GapRecordedDto[] = []
  engine.on('gap', (g) => seen.push(g))
  return seen
}

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('history gaps', () => {
  it('a dead session (admin expire-session) then a new login records one gap, shown before the next message and after a restart', async () => {
    const { sim, engine, rec, profile } = await suite.online()
    const gaps = gapsOf(engine)
    const buddy = (await sim.account()).buddies[0]!
    const message = (text: string) => rec.next('message', (m) => m.text === text)

    await admin(sim, 'push', { kind: 'buddy', from: buddy.qq, text: 'before the gap' })
    const before = await message('before the gap')
    const mark = rec.mark()
    await admin(sim, 'expire-session')
    const out = await rec.next('state', (s) => s.state === 'signed-out', 8000, mark)
    expect(out.reason).toBe('expired')
    expect(gaps).toEqual([]) // recorded once the next session is online, not while signed out
    await loginByQr(sim, rec, mark)
    await until(() => gaps.length === 1)
    expect(gaps[0]).toMatchObject({ conversationKey: null, reason: 'session-ended' })

    const uin = (await sim.account()).buddies.find((b) => b.qq === buddy.qq)!.uin!
    await admin(sim, 'push', { kind: 'buddy', from: buddy.qq, text: 'after the gap' })
    const after = await message('after the gap')
    const page = engine.history('buddy', uin)
    expect(page.messages.map((m) => [m.text, m.gapBefore?.reason ?? null])).toEqual([
      ['after the gap', 'session-ended'],
      ['before the gap', null]
    ])
    const around = engine.around('buddy', uin, before.id, 5)
    expect(around.anchor).toBe(before.id)
    expect(around.messages.map((m) => m.id)).toEqual([after.id, before.id])
    expect(around.messages[0]!.gapBefore?.reason).toBe('session-ended')
    expect(() => engine.around('buddy', uin, 'no-such-id')).toThrow(/no message no-such-id/)

    // A restart (stop, then the remembered session) keeps the mark and adds none.
    await engine.stop()
    const again = makeEngine(sim, profile)
    suite.defer(() => again.stop())
    const againGaps = gapsOf(again)
    const rec2 = record(again)
    again.start()
    await rec2.next('ready')
    const uin2 = (await sim.account()).buddies.find((b) => b.qq === buddy.qq)!.uin!
    const reread = again.history('buddy', uin2)
    expect(reread.messages.map((m) => m.gapBefore?.reason ?? null)).toEqual(['session-ended', null])
    expect(againGaps).toEqual([])
  })

  it('a relink (poll 121) records a gap; a short network failure does not, a long one does', async () => {
    const { sim, engine, rec } = await suite.online({ engine: { outageGapMs: 600 } })
    const gaps = gapsOf(engine)
    const buddy = (await sim.account()).buddies[0]!
    await admin(sim, 'push', { kind: 'buddy', from: buddy.qq, text: 'one' })
    await rec.next('message', (m) => m.text === 'one')

    await admin(sim, 'fault', { type: 'retcode', endpoint: 'poll2', retcode: 121 })
    await until(() => gaps.length === 1)
    expect(gaps[0]!.reason).toBe('relink')

    // One failed poll: back within the backoff, well under 600 ms.
    await admin(sim, 'push', { kind: 'buddy', from: buddy.qq, text: 'two' })
    await rec.next('message', (m) => m.text === 'two')
    let mark = rec.mark()
    await admin(sim, 'fault', { type: 'http', endpoint: 'poll2', status: 502 })
    await rec.next('state', (s) => s.state === 'online', 8000, mark)
    expect(gaps).toHaveLength(1)

    // Failing polls for longer than outageGapMs.
    mark = rec.mark()
    await admin(sim, 'fault', { type: 'http', endpoint: 'poll2', status: 502, count: 6 })
    await rec.next('state', (s) => s.state === 'reconnecting', 8000, mark)
    await rec.next('state', (s) => s.state === 'online', 15_000, mark)
    expect(gaps.map((g) => g.reason)).toEqual(['relink', 'outage'])
  }, 30_000)
})
