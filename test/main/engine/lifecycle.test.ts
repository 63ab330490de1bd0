import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, loginByQr, makeEngine, record, tempProfile, type Sim, useEngineSuite } from './harness'

const suite = useEngineSuite()

async function setup(simOptions = FAST_SIM): Promise<{ sim: Sim; profile: string }> {
  const sim = await startSimulator(simOptions)
  const p = tempProfile()
  suite.defer(p.cleanup, () => sim.close())
  return { sim, profile: p.dir }
}

function started(engine: Engine): Engine {
  suite.defer(() => engine.stop())
  engine.start()
  return engine
}

/** One engine logs in by QR and stops, leaving a remembered session in the profile. */
async function rememberOneLogin(sim: Sim, profile: string): Promise<void> {
  const first = makeEngine(sim, profile)
  const rec = record(first)
  first.start()
  await loginByQr(sim, rec)
  await first.stop()
}

describe('session lifecycle', () => {
  it('logs in by QR (waiting -> scanned -> signing-in -> online), announces ready with loaded contacts and remembers the session owner-only', async () => {
    const { sim, profile } = await setup()
    const engine = started(makeEngine(sim, profile))
    const rec = record(engine)
    await rec.next('qr')
    expect(engine.state).toBe('waiting')
    await sim.scan({ confirm: false })
    await rec.next('state', (s) => s.state === 'scanned')
    await sim.scan({ confirm: true })
    const ready = await rec.next('ready')
    const account = await sim.account()
    expect(ready.self.qq).toBe(account.self.qq)
    expect(ready.buddies).toBe(account.buddies.length)
    expect(ready.groups).toBe(account.groups.length)
    expect(ready.remembered).toBe(false)
    const states = rec.of('state').map((s) => s.state)
    expect(states).toEqual(['waiting', 'scanned', 'signing-in', 'online'])
    const sessionFile = join(profile, `session-${account.self.qq}.json`)
    expect(statSync(sessionFile).mode & 0o777).toBe(0o600)
  })

  it('a new QR replaces an expired one', async () => {
    const { sim, profile } = await setup()
    const engine = started(makeEngine(sim, profile))
    const rec = record(engine)
    await rec.next('qr')
    await sim.expireQr()
    await rec.next('state', (s) => s.state === 'expired')
    expect(rec.of('state').find((s) => s.state === 'expired')?.reason).toBe('qr-expired')
    // The second QR event comes after the expiry.
    await rec.next(
      'qr',
      undefined,
      8000,
      rec.events.findIndex((e) => e.name === 'state' && e.payload.state === 'expired')
    )
    await sim.scan({ confirm: true })
    await rec.next('ready')
  })

  it('reuses a remembered session without a QR when the server still accepts it', async () => {
    const { sim, profile } = await setup()
    await rememberOneLogin(sim, profile)

    const second = started(makeEngine(sim, profile))
    const rec2 = record(second)
    const ready = await rec2.next('ready')
    expect(ready.remembered).toBe(true)
    expect(rec2.of('qr')).toHaveLength(0)
    expect(rec2.of('state').map((s) => s.state)).toEqual(['signing-in', 'online'])
  })

  it('falls back to the QR when the remembered session is refused', async () => {
    const { sim, profile } = await setup()
    await rememberOneLogin(sim, profile)
    await sim.expireSession()

    const second = started(makeEngine(sim, profile))
    const rec2 = record(second)
    await rec2.next('qr')
    expect(rec2.of('state').map((s) => [s.state, s.reason])).toEqual([
      ['signing-in', 'remembered'],
      ['signed-out', 'remembered-refused'],
      ['waiting', 'qr']
    ])
    await sim.scan({ confirm: true })
    expect((await rec2.next('ready')).remembered).toBe(false)
  })

  it('expiry mid-session keeps the outbox: a message queued while signed out goes out after the next login, to the new uin', async () => {
    const { sim, profile } = await setup()
    const engine = started(makeEngine(sim, profile))
    const rec = record(engine)
    await loginByQr(sim, rec)
    const before = await sim.account()
    const buddy = before.buddies[0]!
    await sim.expireSession()
    const signedOut = await rec.next('state', (s) => s.state === 'signed-out')
    expect(signedOut.reason).toBe('expired')
    const mark = rec.mark()
    await rec.next('qr', undefined, 8000, mark)

    const [entry] = engine.send({ kind: 'buddy', to: buddy.uin!, text: 'queued while signed out', ref: 'r1' })
    expect(entry!.state).toBe('queued')
    expect(sim.sent()).toHaveLength(0)

    await sim.scan({ confirm: true })
    await rec.next('ready', undefined, 8000, mark)
    const done = await rec.next('outbox', (o) => o.ref === 'r1' && o.state === 'sent')
    expect(done.text).toBe('queued while signed out')
    const after = await sim.account()
    const newUin = after.buddies.find((b) => b.qq === buddy.qq)!.uin!
    const sent = sim.sent()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.target).toBe(newUin)
    expect(sent[0]!.targetRef).toBe(buddy.qq)
    expect(sent[0]!.text).toBe('queued while signed out')
  })

  it('a kick ends the session with reason kicked and asks for the QR again', async () => {
    const { sim, profile } = await setup()
    const engine = started(makeEngine(sim, profile))
    const rec = record(engine)
    await loginByQr(sim, rec)
    const mark = rec.mark()
    await sim.kick()
    const out = await rec.next('state', (s) => s.state === 'signed-out', 8000, mark)
    expect(out.reason).toBe('kicked')
    await rec.next('qr', undefined, 8000, mark)
    expect(engine.state).toBe('waiting')
  })

  it('logout ends the session, forgets the remembered one and shows a QR', async () => {
    const { sim, profile } = await setup()
    const engine = started(makeEngine(sim, profile))
    const rec = record(engine)
    const ready = await loginByQr(sim, rec)
    const mark = rec.mark()
    await engine.logout()
    expect((await rec.next('state', (s) => s.state === 'signed-out', 8000, mark)).reason).toBe('logout')
    await rec.next('qr', undefined, 8000, mark)
    expect(() => statSync(join(profile, `session-${ready.self.qq}.json`))).toThrow()
  })
})
