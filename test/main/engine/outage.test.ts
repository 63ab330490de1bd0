/**
 * Outages are never a verdict on the account (issue 15): a launch while the server refuses
 * connections, resets them, answers 502/504 or never answers in time keeps the remembered session,
 * says `unreachable` with the cause and the next attempt, shows the last contacts and history from the
 * store, queues sends, and signs in by itself (no QR) once the server answers again; the queued
 * message then goes out exactly once. Over real loopback HTTP against the simulator.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProtocolClient } from '../../../src/main/protocol'
import { startSimulator, type Fault } from '../../../src/simulator'
import type { StateEvent } from '../../../src/main/engine'
import { FAST_SIM, loginByQr, makeEngine, record, sleep, tempProfile, useEngineSuite, type Sim } from './harness'

const suite = useEngineSuite()

function sessionFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^session-\d+\.json$/.test(f)) : []
}

/** A profile with a remembered session and one stored message, left by a first process. */
async function rememberedProfile(sim: Sim): Promise<{ dir: string; buddy: { qq: number; uin: number; nick: string }; buddies: number }> {
  const p = tempProfile()
  suite.defer(p.cleanup)
  const first = makeEngine(sim, p.dir)
  const rec = record(first)
  first.start()
  await loginByQr(sim, rec)
  const account = sim.account({ members: false })
  const b = account.buddies[0]!
  sim.pushMessage({ kind: 'buddy', from: b.qq, text: 'stored before the outage' })
  await rec.next('message', (m) => m.text === 'stored before the outage')
  const buddies = (await first.contacts()).buddies.length
  await first.stop()
  expect(sessionFiles(join(p.dir))).not.toEqual([])
  return { dir: p.dir, buddy: { qq: b.qq, uin: b.uin!, nick: b.nick }, buddies }
}

const outages: Array<{ name: string; cause: string; start(sim: Sim): Promise<void>; end(sim: Sim): Promise<void>; requestTimeoutMs?: number }> = [
  { name: 'connections refused', cause: 'refused', start: (sim) => sim.suspend(), end: (sim) => sim.resume() },
  ...(
    [
      ['connections reset', 'reset', { type: 'reset', endpoint: '*', count: -1 }],
      ['502 on every request', 'http-status', { type: 'http', endpoint: '*', status: 502, count: -1 }],
      ['504 on every request', 'http-status', { type: 'http', endpoint: '*', status: 504, count: -1 }],
      ['HTML with status 200', 'not-smartqq', { type: 'malformed', endpoint: '*', variant: 'html', count: -1 }]
    ] as Array<[string, string, Fault]>
  ).map(([name, cause, fault]) => ({
    name,
    cause,
    start: async (sim: Sim) => sim.injectFault(fault),
    end: async (sim: Sim) => sim.injectFault({ type: 'clear' })
  })),
  {
    name: 'answers slower than the request timeout',
    cause: 'timeout',
    requestTimeoutMs: 400,
    start: async (sim: Sim) => sim.injectFault({ type: 'slow', endpoint: '*', bytesPerTick: 1, tickMs: 2000, count: -1 }),
    end: async (sim: Sim) => sim.injectFault({ type: 'clear' })
  }
]

describe('a launch during an outage', () => {
  for (const outage of outages)
    it(`${outage.name}: keeps the remembered account, says unreachable (${outage.cause}) and signs in by itself afterwards`, async () => {
      const sim = await startSimulator(FAST_SIM)
      suite.defer(() => sim.close())
      const { dir, buddy, buddies } = await rememberedProfile(sim)
      await outage.start(sim)
      const client = createProtocolClient({
        serverUrl: sim.url,
        pollTimeoutMs: 5000,
        requestTimeoutMs: outage.requestTimeoutMs ?? 3000,
        retry: { limit: 0, backoffLimitMs: 10 }
      })
      const engine = makeEngine(sim, dir, { client, backoffMaxMs: 1500 })
      suite.defer(() => engine.stop())
      const rec = record(engine)
      engine.start()
      // Several attempts fail; each says why and when the next one starts.
      const third = await rec.next('state', (s) => s.state === 'unreachable' && (s.retry?.attempt ?? 0) >= 3, 20_000)
      expect(third.retry!.cause).toBe(outage.cause)
      expect(third.retry!.nextAttemptAt).toBeGreaterThan(third.at)
      expect(third.retry!.nextAttemptAt - third.at).toBeLessThanOrEqual(1500)
      expect(engine.state).toBe('unreachable')
      expect(engine.connection?.cause).toBe(outage.cause)
      // Never a verdict: no QR, no sign-out, the remembered session is still on disk.
      expect(rec.of('qr')).toEqual([])
      expect(rec.of('state').filter((s) => s.state === 'signed-out')).toEqual([])
      expect(sessionFiles(dir)).not.toEqual([])
      // The account, its last contacts and its history, read-only from the store.
      expect(engine.self?.qq).toBeGreaterThan(0)
      expect((await engine.contacts()).buddies).toHaveLength(buddies)
      expect(engine.history('buddy', buddy.uin).messages.map((m) => m.text)).toEqual(['stored before the outage'])
      // A send waits in the queue (never "unconfirmed" into a dead connection).
      const [entry] = engine.send({ kind: 'buddy', to: buddy.uin, text: `queued while unreachable: ${outage.cause}`, ref: 'offline-1' })
      expect(entry!.state).toBe('queued')

      const mark = rec.mark()
      const back = Date.now()
      await outage.end(sim)
      const ready = await rec.next('ready', undefined, 20_000, mark)
      expect(ready.remembered).toBe(true)
      // Well within 20 s (the next attempt is at most backoffMaxMs away, plus the sign-in itself).
      expect(Date.now() - back).toBeLessThan(20_000)
      expect(rec.of('qr')).toEqual([])
      const done = await rec.next('outbox', (o) => o.ref === 'offline-1' && o.state === 'sent', 10_000)
      expect(done.state).toBe('sent')
      await sleep(300)
      expect(sim.sent().filter((s) => s.text === `queued while unreachable: ${outage.cause}`)).toHaveLength(1)
      expect(
        rec
          .of('outbox')
          .filter((o) => o.ref === 'offline-1')
          .map((o) => o.state)
      ).not.toContain('unconfirmed')
    }, 60_000)

  it('uses a backoff capped at 15 s by default, so it signs in within 20 s of the server answering', async () => {
    const sim = await startSimulator(FAST_SIM)
    suite.defer(() => sim.close())
    const { dir } = await rememberedProfile(sim)
    await sim.suspend()
    const engine = makeEngine(sim, dir, { backoffMaxMs: undefined })
    suite.defer(() => engine.stop())
    const rec = record(engine)
    engine.start()
    // Let the streak reach its ceiling: attempts 1, 2, 4, 8, 15 s... each wait at most 15 s.
    const waits: number[] = []
    engine.on('state', (s) => {
      if (s.retry) waits.push(s.retry.nextAttemptAt - s.at)
    })
    const firstTrouble = await rec.next('state', (s) => s.state === 'unreachable', 10_000)
    expect(firstTrouble.retry!.nextAttemptAt - firstTrouble.at).toBeLessThanOrEqual(15_000)
    // "Retry now" starts the next attempt at once instead of waiting.
    await sim.resume()
    const mark = rec.mark()
    expect(engine.retryNow()).toBe(true)
    const ready = await rec.next('ready', undefined, 5000, mark)
    expect(ready.remembered).toBe(true)
    expect(waits.every((w) => w <= 15_000)).toBe(true)
  }, 30_000)

  it('a first launch (no remembered session) against a refusing server says unreachable, then shows the QR once it answers', async () => {
    const sim = await startSimulator(FAST_SIM)
    suite.defer(() => sim.close())
    const p = tempProfile()
    suite.defer(p.cleanup)
    await sim.suspend()
    const engine = makeEngine(sim, p.dir)
    suite.defer(() => engine.stop())
    const rec = record(engine)
    engine.start()
    const trouble = await rec.next('state', (s) => s.state === 'unreachable')
    expect(trouble.retry).toMatchObject({ cause: 'refused', attempt: 1 })
    await sim.resume()
    await rec.next('qr', undefined, 8000)
    expect(engine.state).toBe('waiting')
  })

  it('a logout while unreachable forgets the remembered session and shows a QR once the server answers', async () => {
    const sim = await startSimulator(FAST_SIM)
    suite.defer(() => sim.close())
    const { dir } = await rememberedProfile(sim)
    await sim.suspend()
    const engine = makeEngine(sim, dir)
    suite.defer(() => engine.stop())
    const rec = record(engine)
    engine.start()
    await rec.next('state', (s) => s.state === 'unreachable')
    await engine.logout()
    await rec.next('state', (s) => s.state === 'signed-out' && s.reason === 'logout')
    expect(sessionFiles(dir)).toEqual([])
    await sim.resume()
    await rec.next('qr', undefined, 8000)
  })
})

describe('an outage while online', () => {
  it('reconnecting says why and when; a send meanwhile is queued and goes out once, in order, after recovery', async () => {
    const { sim, engine, rec, profile } = await suite.online({ engine: { backoffMaxMs: 1000 } })
    const buddy = sim.account({ members: false }).buddies[1]!
    const mark = rec.mark()
    await sim.suspend()
    // The held poll is cut (reset), then every new connection is refused: each attempt says which.
    const trouble = (await rec.next('state', (s) => s.state === 'reconnecting' && s.retry?.cause === 'refused', 10_000, mark)) as StateEvent
    expect(trouble.retry!.nextAttemptAt).toBeGreaterThan(trouble.at)
    expect(engine.connection?.cause).toBe('refused')
    engine.send({ kind: 'buddy', to: buddy.uin!, text: 'first while offline', ref: 'o1' })
    engine.send({ kind: 'buddy', to: buddy.uin!, text: 'second while offline', ref: 'o2' })
    await sleep(1500)
    // Nothing was attempted into the dead connection.
    expect(
      rec
        .of('outbox')
        .filter((o) => o.ref === 'o1' || o.ref === 'o2')
        .map((o) => o.state)
    ).toEqual(['queued', 'queued'])
    await sim.resume()
    await rec.next('outbox', (o) => o.ref === 'o2' && o.state === 'sent', 15_000, mark)
    const texts = sim.sent().map((s) => s.text)
    expect(texts.filter((t) => t === 'first while offline')).toHaveLength(1)
    expect(texts.filter((t) => t === 'second while offline')).toHaveLength(1)
    expect(texts.indexOf('first while offline')).toBeLessThan(texts.indexOf('second while offline'))
    expect(rec.of('state').filter((s) => s.state === 'signed-out')).toHaveLength(0)
    expect(sessionFiles(profile)).not.toEqual([])
  }, 30_000)

  for (const [name, fault, cause] of [
    ['an HTML page with status 200', { type: 'malformed', endpoint: 'poll2', variant: 'html', count: -1 }, 'not-smartqq'],
    ['an HTTP 404 page', { type: 'http', endpoint: 'poll2', status: 404, count: -1 }, 'http-status']
  ] as Array<[string, Fault, string]>)
    it(`polls answered with ${name} for a long time are an outage, never the end of the session`, async () => {
      // 2018: an empty poll is a JSON answer (not a 504 page), so every poll meets the fault.
      const { sim, rec, profile } = await suite.online({ sim: { ...FAST_SIM, era: '2018' }, engine: { backoffMaxMs: 100, pollMinIntervalMs: 20 } })
      const mark = rec.mark()
      sim.injectFault(fault)
      // Far more failures than any "give up" limit.
      const many = await rec.next('state', (s) => s.state === 'reconnecting' && (s.retry?.attempt ?? 0) >= 15, 20_000, mark)
      expect(many.retry!.cause).toBe(cause)
      expect(rec.of('state').filter((s) => s.state === 'signed-out')).toEqual([])
      expect(sessionFiles(profile)).not.toEqual([])
      sim.injectFault({ type: 'clear' })
      await rec.next('state', (s) => s.state === 'online', 10_000, rec.mark())
      expect(rec.of('qr')).toHaveLength(1) // the first login's only
    }, 30_000)
})
