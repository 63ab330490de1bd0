/**
 * Two buddies with the same name in one category, in an era without get_friend_uin2 (no QQ numbers):
 * they must never share a conversation, and a send queued for one of them while the session was dead
 * must reach exactly that person or fail with a clear reason, never go to the other one.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { loginByQr, makeEngine, record, tempProfile, type Sim, type SimOptions, useEngineSuite } from './harness'

const suite = useEngineSuite()

type Buddy = Awaited<ReturnType<Sim['account']>>['buddies'][number]

/** A simulator whose generated account has two buddies named alike in one category (found by seed, so it survives generator changes). */
async function simWithTwins(): Promise<{ sim: Sim; twins: [Buddy, Buddy] }> {
  for (let seed = 1; seed <= 400; seed++) {
    const options: SimOptions = {
      era: '2017',
      pollHoldMs: 300,
      sendIntervalMs: 0,
      seed,
      account: { buddies: 12, groups: 1, discussions: 0, groupMembers: 3, categories: 1 }
    }
    const sim = await startSimulator(options)
    const byName = new Map<string, Buddy[]>()
    for (const b of (await sim.account({ members: false })).buddies) {
      const k = `${b.category}/${b.markname ?? b.nick}`
      byName.set(k, [...(byName.get(k) ?? []), b])
    }
    const pair = [...byName.values()].find((list) => list.length >= 2)
    if (pair) {
      suite.defer(() => sim.close())
      return { sim, twins: [pair[0]!, pair[1]!] }
    }
    await sim.close()
  }
  throw new Error('no simulator seed gives two buddies with one name in one category')
}

async function online(sim: Sim): Promise<{ engine: ReturnType<typeof makeEngine>; rec: ReturnType<typeof record>; profile: string }> {
  const p = tempProfile()
  const engine = makeEngine(sim, p.dir)
  suite.defer(p.cleanup, () => engine.stop())
  const rec = record(engine)
  engine.start()
  await loginByQr(sim, rec)
  return { engine, rec, profile: p.dir }
}

/** The twins with this session's uins. */
async function current(sim: Sim, twins: [Buddy, Buddy]): Promise<[Buddy, Buddy]> {
  const buddies = (await sim.account({ members: false })).buddies
  return [buddies.find((b) => b.qq === twins[0].qq)!, buddies.find((b) => b.qq === twins[1].qq)!]
}

const uinOf = async (sim: Sim, qq: number): Promise<number> => (await sim.account({ members: false })).buddies.find((b) => b.qq === qq)!.uin!

describe('buddies with the same name in one category', () => {
  it('get conversations of their own: different keys, separate histories', async () => {
    const { sim, twins } = await simWithTwins()
    const { engine, rec } = await online(sim)
    const [x, y] = await current(sim, twins)
    const contacts = await engine.contacts()
    const keyX = contacts.buddies.find((b) => b.uin === x.uin)!.key
    const keyY = contacts.buddies.find((b) => b.uin === y.uin)!.key
    expect(keyX).not.toBe(keyY)
    // Nobody else's key is one of theirs either.
    expect(new Set(contacts.buddies.map((b) => b.key)).size).toBe(contacts.buddies.length)

    sim.pushMessage({ kind: 'buddy', from: x.qq, text: 'from x' })
    const mx = await rec.next('message', (m) => m.text === 'from x')
    sim.pushMessage({ kind: 'buddy', from: y.qq, text: 'from y' })
    const my = await rec.next('message', (m) => m.text === 'from y')
    expect(mx.conversationKey).toBe(keyX)
    expect(my.conversationKey).toBe(keyY)
    expect(engine.history('buddy', x.uin!).messages.map((m) => m.text)).toEqual(['from x'])
    expect(engine.history('buddy', y.uin!).messages.map((m) => m.text)).toEqual(['from y'])
  })

  it('a send queued for one of them while the session was dead (send answered 100001, then a new QR login) is never delivered to the other', async () => {
    const { sim, twins } = await simWithTwins()
    const { engine, rec } = await online(sim)
    const [x, y] = await current(sim, twins)
    // The send is refused with 100001: the session is over, the entry stays queued for the next login.
    sim.injectFault({ type: 'send', retcode: 100001 })
    const mark = rec.mark()
    engine.send({ kind: 'buddy', to: y.uin!, text: 'for y only', ref: 'twin' })
    await rec.next('state', (s) => s.state === 'signed-out', 8000, mark)
    await rec.next('qr', undefined, 8000, mark)
    await sim.scan({ confirm: true })
    await rec.next('ready', undefined, 8000, mark)
    const settled = await rec.next(
      'outbox',
      (o) => o.ref === 'twin' && (o.state === 'sent' || o.state === 'failed' || o.state === 'unconfirmed'),
      8000,
      mark
    )
    // Whatever happens, nothing reached x.
    const newX = await uinOf(sim, x.qq)
    const newY = await uinOf(sim, y.qq)
    const delivered = sim.sent().filter((s) => s.text === 'for y only' && s.answer !== undefined && s.delivered)
    expect(delivered.filter((s) => s.target === newX || s.targetRef === x.qq)).toEqual([])
    if (settled.state === 'sent') {
      expect(delivered.map((s) => s.targetRef)).toEqual([y.qq])
      expect(delivered[0]!.target).toBe(newY)
    } else {
      expect(settled.state).toBe('failed')
      expect(settled.error).toMatch(/^ambiguous-recipient/)
      expect(delivered).toEqual([])
    }
  })

  it('groups sharing a name: a send queued for one while the session was dead fails as ambiguous-recipient after the new login', async () => {
    let found: { sim: Sim; name: string } | null = null
    for (let seed = 1; seed <= 300 && !found; seed++) {
      const sim = await startSimulator({
        era: '2017',
        pollHoldMs: 300,
        sendIntervalMs: 0,
        seed,
        account: { buddies: 2, groups: 12, discussions: 0, groupMembers: 3, categories: 1 }
      })
      const names = (await sim.account({ members: false })).groups.map((g) => g.name)
      const name = names.find((n, i) => names.indexOf(n) !== i)
      if (name !== undefined) found = { sim, name }
      else await sim.close()
    }
    if (!found) throw new Error('no simulator seed gives two groups with one name')
    const { sim, name } = found
    suite.defer(() => sim.close())
    const { engine, rec } = await online(sim)
    const [g1, g2] = (await sim.account({ members: false })).groups.filter((g) => g.name === name)
    const keys = (await engine.contacts()).groups.filter((g) => g.name === name).map((g) => g.key)
    expect(new Set(keys).size).toBe(2)
    sim.injectFault({ type: 'send', retcode: 100001 })
    const mark = rec.mark()
    engine.send({ kind: 'group', to: g2!.gid!, text: 'for the second group', ref: 'g2' })
    await rec.next('qr', undefined, 8000, mark)
    await sim.scan({ confirm: true })
    await rec.next('ready', undefined, 8000, mark)
    const settled = await rec.next('outbox', (o) => o.ref === 'g2' && o.state === 'failed', 8000, mark)
    expect(settled.error).toMatch(/^ambiguous-recipient/)
    expect(sim.sent().filter((s) => s.text === 'for the second group' && s.delivered && s.targetRef === g1!.number)).toEqual([])
  })
})
