import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index'
import { content, loggedIn, type TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

/** 2017-late by default: sends answer the retcode form these tests expect (errCode before 2017-09). */
async function setup(opts: SimulatorOptions = {}): Promise<TestClient> {
  sim = await startSimulator({ pollHoldMs: 100, sendIntervalMs: 0, era: '2017-late', ...opts })
  return loggedIn(sim)
}

describe('send request shape', () => {
  it('accepts the seed form and records it', async () => {
    const c = await setup()
    const buddy = sim.account().buddies[0]!
    const res = (await c.send('send_buddy_msg2', { to: buddy.uin! }, content('你好 ', ['face', 14]), 77)).json()
    expect(res).toEqual({ retcode: 0, result: 'ok' })
    const rec = sim.sent()[0]!
    expect(rec).toMatchObject({
      endpoint: 'send_buddy_msg2',
      target: buddy.uin,
      targetRef: buddy.qq,
      text: '你好 [微笑]',
      msgId: 77,
      delivered: true
    })
    expect(typeof rec.rawContent).toBe('string')
  })

  it('rejects an array instead of a string, and a font that is not last, with 1000001', async () => {
    const c = await setup()
    const to = sim.account().buddies[0]!.uin!
    const font = ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]
    expect((await c.send('send_buddy_msg2', { to }, ['hi', font])).json().retcode).toBe(1000001)
    expect((await c.send('send_buddy_msg2', { to }, JSON.stringify([font, 'hi']))).json().retcode).toBe(1000001)
    expect((await c.send('send_buddy_msg2', { uin: to }, content('hi'))).json().retcode).toBe(1000001)
    expect(sim.sent().every((r) => !r.delivered)).toBe(true)
  })

  it('uses group_uin = gid (a code is rejected) and did; unknown targets get 100001', async () => {
    const c = await setup()
    const acc = sim.account()
    const g = acc.groups[0]!
    expect((await c.send('send_qun_msg2', { group_uin: g.gid! }, content('g'))).json().retcode).toBe(0)
    expect((await c.send('send_qun_msg2', { group_uin: g.code! }, content('g2'))).json().retcode).toBe(100001)
    expect((await c.send('send_discu_msg2', { did: acc.discussions[0]!.did! }, content('d'))).json().retcode).toBe(0)
    expect((await c.send('send_buddy_msg2', { to: 12345 }, content('b'))).json().retcode).toBe(100001)
    expect((await c.send('send_buddy_msg2', { to: acc.buddies[0]!.qq }, content('qq is not a uin'))).json().retcode).toBe(100001)
  })

  const SEND_OK = { errCode: 0, msg: 'send ok' }
  const RETCODE_OK = { retcode: 0, result: 'ok' }
  for (const [era, form] of [
    ['2015', SEND_OK],
    ['2016', SEND_OK],
    ['2017', SEND_OK],
    ['2017-late', RETCODE_OK],
    ['2018', RETCODE_OK]
  ] as const)
    it(`answers ${JSON.stringify(form)} in the ${era} era (the switch came in 2017-09)`, async () => {
      const c = await setup({ era })
      expect((await c.send('send_buddy_msg2', { to: sim.account().buddies[0]!.uin! }, content('x'))).json()).toEqual(form)
    })

  it('takes an explicit sendAnswer over the era preset', async () => {
    const c = await setup({ era: '2015', sendAnswer: 'retcode' })
    expect((await c.send('send_buddy_msg2', { to: sim.account().buddies[0]!.uin! }, content('x'))).json()).toEqual(RETCODE_OK)
  })
})

describe('echo and delivery', () => {
  it('echoes group and discussion sends with send_uin = self uin, not buddy sends', async () => {
    const c = await setup()
    const acc = sim.account()
    await c.send('send_buddy_msg2', { to: acc.buddies[0]!.uin! }, content('b'))
    await c.send('send_qun_msg2', { group_uin: acc.groups[0]!.gid! }, content('<g>'))
    const events = (await c.poll()).json().result
    expect(events).toHaveLength(1)
    expect(events[0].poll_type).toBe('group_message')
    expect(events[0].value.send_uin).toBe(acc.self.qq)
    expect(events[0].value.content.slice(1)).toEqual(['&lt;g&gt;'])
    sim.injectFault({ type: 'echo', enabled: false })
    await c.send('send_discu_msg2', { did: acc.discussions[0]!.did! }, content('d'))
    expect((await c.poll()).status).toBe(504)
  })

  it('answers ok but does not deliver texts over 720 UTF-8 bytes', async () => {
    const c = await setup()
    const res = (await c.send('send_qun_msg2', { group_uin: sim.account().groups[0]!.gid! }, content('字'.repeat(241)))).json()
    expect(res.retcode).toBe(0)
    expect(sim.sent()[0]!.delivered).toBe(false)
    expect((await c.poll()).status).toBe(504)
  })
})

describe('rate limiting', () => {
  async function pattern(seed: number): Promise<boolean[]> {
    const c = await setup({ seed, sendIntervalMs: 60_000, blockAfter: 1000 })
    const to = sim.account().buddies[0]!.uin!
    for (let i = 0; i < 12; i++) await c.send('send_buddy_msg2', { to }, content(`m${i}`))
    const recs = sim.sent()
    expect(recs[0]!.answer).toEqual({ retcode: 0, result: 'ok' })
    expect(recs.slice(1).every((r) => (r.answer as { retcode: number }).retcode === 1202)).toBe(true)
    await sim.close()
    return recs.slice(1).map((r) => r.delivered)
  }

  it('answers 1202 for sends closer than sendIntervalMs, delivered at seeded random', async () => {
    const a = await pattern(42)
    expect(await pattern(42)).toEqual(a)
    expect(a).toContain(true)
    expect(a).toContain(false)
  })

  it('answers 1202 for repeated text and URLs, then blocks after a burst', async () => {
    const c = await setup({ blockAfter: 3, blockMs: 60_000 })
    const to = sim.account().buddies[0]!.uin!
    await c.send('send_buddy_msg2', { to }, content('same'))
    expect((await c.send('send_buddy_msg2', { to }, content('same'))).json()).toEqual({
      errmsg: 'error!!!',
      retcode: 1202
    })
    expect((await c.send('send_buddy_msg2', { to }, content('see http://example.com'))).json().retcode).toBe(1202)
    expect((await c.send('send_buddy_msg2', { to }, content('same'))).json().retcode).toBe(1202)
    expect(sim.state().sendBlockedUntil).toBeGreaterThan(Date.now())
    expect((await c.send('send_buddy_msg2', { to }, content('innocent'))).json().retcode).toBe(1202)
    expect(sim.sent().at(-1)!.delivered).toBe(false)
  })

  it('forces answers on demand: 1000003 not delivered, 100100 delivered', async () => {
    const c = await setup()
    const acc = sim.account()
    sim.injectFault({ type: 'send', retcode: 1000003 })
    expect((await c.send('send_buddy_msg2', { to: acc.buddies[0]!.uin! }, content('a'))).json().retcode).toBe(1000003)
    sim.injectFault({ type: 'send', endpoint: 'send_discu_msg2', retcode: 100100 })
    expect((await c.send('send_discu_msg2', { did: acc.discussions[0]!.did! }, content('b'))).json()).toEqual({ errmsg: 'error!!!', retcode: 100100 })
    expect(sim.sent().map((r) => r.delivered)).toEqual([false, true])
  })
})
