/**
 * Sessions that cannot make progress end with a stated reason and a QR, instead of wedging:
 * 1000001 on every poll, a 116 whose new ptwebqq cannot travel in a header, a remembered session
 * holding such a token, a remembered session the server never answers properly.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProtocolClient } from '../../../src/main/protocol'
import { startSimulator } from '../../../src/simulator'
import { json, startHostileProxy } from './hostile-proxy'
import { FAST_SIM, loginByQr, makeEngine, record, sleep, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

async function throughProxy() {
  const sim = await startSimulator(FAST_SIM)
  const proxy = await startHostileProxy(sim.url)
  const p = tempProfile()
  const logs: string[] = []
  suite.defer(
    p.cleanup,
    () => sim.close(),
    () => proxy.close()
  )
  const engine = makeEngine(sim, p.dir, {
    client: createProtocolClient({ serverUrl: proxy.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000, retry: { limit: 1, backoffLimitMs: 50 } }),
    log: (m) => logs.push(m)
  })
  suite.defer(() => engine.stop())
  const rec = record(engine)
  return { sim, proxy, engine, rec, profile: p.dir, logs }
}

const sessionFile = (profile: string): string | null => {
  const f = readdirSync(profile).find((n) => /^session-\d+\.json$/.test(n))
  return f ? join(profile, f) : null
}

describe('wedged sessions', () => {
  it('1000001 on every poll ends the session with the reason stated, then shows a QR', async () => {
    const { sim, proxy, engine, rec } = await throughProxy()
    engine.start()
    await loginByQr(sim, rec)
    const buddy = (await sim.account({ members: false })).buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'before the trouble' })
    await rec.next('message', (m) => m.text === 'before the trouble')
    const mark = rec.mark()
    proxy.on('/channel/poll2', () => json({ retcode: 1000001, errmsg: 'cookie' }))
    const out = await rec.next('state', (s) => s.state === 'signed-out', 15_000, mark)
    expect(out.reason).toBe('expired')
    expect(out.detail).toMatch(/credentials/)
    expect(out.detail).toMatch(/1000001/)
    await rec.next('qr', undefined, 8000, mark)
    // A bounded number of polls, not a loop for ever.
    const polls = proxy.hits('/channel/poll2')
    await sleep(1000)
    expect(proxy.hits('/channel/poll2')).toBe(polls)
    // History may be missing from here on: the next login records the gap like any lost session.
    const gaps: string[] = []
    engine.on('gap', (g) => gaps.push(g.reason))
    const again = rec.mark()
    proxy.on('/channel/poll2', () => null)
    sim.scan({ confirm: true })
    await rec.next('ready', undefined, 8000, again)
    for (let i = 0; i < 20 && gaps.length === 0; i++) await sleep(50)
    expect(gaps).toEqual(['session-ended'])
  })

  for (const [label, bad] of [
    ['CR/LF', 'new\\r\\nX-Injected: 1'],
    ['a semicolon', 'new;path=/'],
    ['1 MB', 'p'.repeat(1024 * 1024)]
  ] as const) {
    it(`a 116 with an unusable ptwebqq (${label}) poisons nothing and is never persisted`, async () => {
      const { sim, proxy, engine, rec, profile, logs } = await throughProxy()
      engine.start()
      await loginByQr(sim, rec)
      const before = JSON.parse(readFileSync(sessionFile(profile)!, 'utf8')) as { credentials: { ptwebqq: string } }
      const mark = rec.mark()
      const off = proxy.on('/channel/poll2', ({ count }) => (count === 0 ? { body: `{"retcode":116,"p":"${bad}"}` } : null))
      // The session either goes on (the old ptwebqq still works here) or ends with a reason and a QR.
      const buddy = (await sim.account({ members: false })).buddies[0]!
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'after the bad 116' })
      const next = await Promise.race([
        rec.next('message', (m) => m.text === 'after the bad 116', 10_000, mark).then(() => 'message'),
        rec.next('qr', undefined, 10_000, mark).then(() => 'qr')
      ])
      off()
      expect(['message', 'qr']).toContain(next)
      const file = sessionFile(profile)
      if (file) {
        const saved = readFileSync(file, 'utf8')
        expect(saved).not.toContain('X-Injected')
        expect(saved).not.toContain('new;path')
        expect(saved.length).toBeLessThan(100_000)
        expect((JSON.parse(saved) as typeof before).credentials.ptwebqq).toBe(before.credentials.ptwebqq)
      }
      expect(logs.join('\n')).not.toMatch(/ERR_INVALID_CHAR|HTTP 431/)
    })
  }

  it('a remembered session holding an unusable token is refused at once: a QR, not signing-in for ever', async () => {
    const sim = await startSimulator(FAST_SIM)
    const p = tempProfile()
    suite.defer(p.cleanup, () => sim.close())
    const first = makeEngine(sim, p.dir)
    const rec1 = record(first)
    first.start()
    await loginByQr(sim, rec1)
    await first.stop()
    const file = sessionFile(p.dir)!
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { credentials: { ptwebqq: string } }
    saved.credentials.ptwebqq = 'bad\r\nvalue'
    writeFileSync(file, JSON.stringify(saved))
    const second = makeEngine(sim, p.dir)
    suite.defer(() => second.stop())
    const rec2 = record(second)
    second.start()
    await rec2.next('qr', undefined, 8000)
    expect(rec2.of('state').map((s) => s.state)).toEqual(['signing-in', 'signed-out', 'waiting'])
  })

  // An HTML 502 says nothing about the account (issue 15): the remembered session is retried, never dropped for a QR.
  it('a remembered session the server only ever answers with 502 stays unreachable (no QR) and the file is kept', async () => {
    const { sim, proxy, p, client } = await rememberedBehindProxy()
    proxy.on('/api/getvfwebqq', () => ({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' }))
    const second = makeEngine(sim, p.dir, { client: client() })
    suite.defer(() => second.stop())
    const rec2 = record(second)
    second.start()
    const third = await rec2.next('state', (s) => s.state === 'unreachable' && (s.retry?.attempt ?? 0) >= 3, 15_000)
    expect(third.retry!.cause).toBe('http-status')
    expect(rec2.of('qr')).toEqual([])
    expect(rec2.of('state').filter((s) => s.state === 'signed-out')).toEqual([])
    expect(sessionFile(p.dir)).not.toBeNull()
  })

  it('a remembered session whose contacts never load (502) backs off as unreachable, never signing in for ever nor showing a QR', async () => {
    const { sim, proxy, p, client } = await rememberedBehindProxy()
    const disarm = proxy.on('/api/get_user_friends2', () => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html>502 Bad Gateway</html>'
    }))
    const second = makeEngine(sim, p.dir, { client: client() })
    suite.defer(() => second.stop())
    const rec2 = record(second)
    second.start()
    await rec2.next('state', (s) => s.state === 'unreachable' && (s.retry?.attempt ?? 0) >= 3, 15_000)
    // Backing off, not spinning: a handful of tries in that time.
    expect(proxy.hits('/api/get_user_friends2')).toBeLessThanOrEqual(6)
    expect(rec2.of('qr')).toEqual([])
    disarm()
    const ready = await rec2.next('ready', undefined, 10_000)
    expect(ready.remembered).toBe(true)
  })
})

/** A session remembered through a hostile proxy (QR login, then stop), ready for a second engine to resume. */
async function rememberedBehindProxy() {
  const sim = await startSimulator(FAST_SIM)
  const proxy = await startHostileProxy(sim.url)
  const p = tempProfile()
  suite.defer(
    p.cleanup,
    () => sim.close(),
    () => proxy.close()
  )
  const client = () =>
    createProtocolClient({ serverUrl: proxy.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000, retry: { limit: 0, backoffLimitMs: 10 } })
  const first = makeEngine(sim, p.dir, { client: client() })
  const rec1 = record(first)
  first.start()
  await loginByQr(sim, rec1)
  await first.stop()
  return { sim, proxy, p, client }
}
