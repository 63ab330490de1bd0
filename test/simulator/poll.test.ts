import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index'
import { CLIENT_ID, content, loggedIn, type TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

/** Until the server holds `n` polls (a fixed wait lets a loaded machine push before the poll arrived). */
async function pollHeld(n = 1): Promise<void> {
  const end = Date.now() + 10_000
  while (sim.state().pollsInFlight < n) {
    if (Date.now() > end) throw new Error(`the server never held ${n} poll(s)`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function setup(opts: SimulatorOptions = {}, register = true): Promise<TestClient> {
  sim = await startSimulator({ pollHoldMs: 150, ...opts })
  return loggedIn(sim, register)
}

describe('registration (2017)', () => {
  it('answers 103 until get_online_buddies2 was called once', async () => {
    const c = await setup({}, false)
    expect((await c.poll()).json()).toEqual({ errmsg: 'error', retcode: 103 })
    expect((await c.onlineBuddies()).json().retcode).toBe(0)
    expect((await c.poll()).status).toBe(504)
  })
  it('does not apply in the 2015 era', async () => {
    const c = await setup({ era: '2015' }, false)
    expect((await c.poll()).json()).toEqual({ retcode: 102, errmsg: '' })
  })
})

describe('empty polls per era', () => {
  it('2017: HTTP 504 with an HTML body after the hold', async () => {
    const c = await setup()
    const t0 = Date.now()
    const res = await c.poll()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    expect(res.status).toBe(504)
    expect(res.text).toContain('<html>')
  })
  it('2018: retcode 0 without result; 100012 on request', async () => {
    const c = await setup({ era: '2018' })
    expect((await c.poll()).json()).toEqual({ retcode: 0, retmsg: 'ok', errmsg: 'error' })
    await sim.close()
    const d = await setup({ emptyPoll: '100012' })
    const body = (await d.poll()).json()
    expect(body.retcode).toBe(100012)
    expect(body.retmsg).toMatch(/cost\[\d+\.\d\ds\]$/)
  })
})

describe('delivery', () => {
  it('holds the poll until a message arrives and sends several queued events at once', async () => {
    const c = await setup({ pollHoldMs: 3000 })
    const acc = sim.account()
    const group = acc.groups[1]!
    const member = group.members!.find((m) => m.qq !== acc.self.qq)!
    const held = c.poll()
    await pollHeld()
    sim.pushMessage({ kind: 'buddy', from: acc.buddies[0]!.qq, text: 'a<b> & "c"\nd\u00a0e' })
    sim.pushMessage({
      kind: 'group',
      group: group.number,
      from: member.qq,
      segments: [
        { type: 'face', id: 14, name: '微笑' },
        { type: 'text', text: 'x' }
      ]
    })
    sim.pushMessage({
      kind: 'discuss',
      discuss: 0,
      from: acc.discussions[0]!.members.find((m) => m.qq !== acc.self.qq)!.qq,
      text: 'd'
    })
    sim.pushStatus(acc.buddies[1]!.qq, 'away')
    const res = (await held).json()
    expect(res.retcode).toBe(0)
    expect(res.result.map((e: { poll_type: string }) => e.poll_type)).toEqual(['message', 'group_message', 'discu_message', 'buddies_status_change'])
    const [buddy, grp, disc, status] = res.result.map((e: { value: Record<string, unknown> }) => e.value)
    expect(buddy.from_uin).toBe(acc.buddies[0]!.uin)
    expect(buddy.to_uin).toBe(acc.self.qq)
    expect(buddy.content[0][0]).toBe('font')
    expect(buddy.content[1]).toBe('a&lt;b&gt; &amp; &quot;c&quot;\r\nd&nbsp;e')
    expect(grp.from_uin).toBe(group.gid)
    expect(grp.group_code).toBe(group.gid)
    expect(grp.send_uin).toBe(member.uin)
    expect(grp.content.slice(1)).toEqual([['face', 14], 'x'])
    expect(disc.did).toBe(acc.discussions[0]!.did)
    expect(disc.from_uin).toBe(disc.did)
    expect(status).toEqual({
      uin: acc.buddies[1]!.uin,
      status: 'away',
      client_type: expect.any(Number)
    })
    expect(new Set([buddy.msg_id, grp.msg_id, disc.msg_id]).size).toBe(3)
  })

  it('answers the older of two concurrent polls empty and counts it', async () => {
    const c = await setup({ pollHoldMs: 3000 })
    const first = c.poll()
    await pollHeld()
    const second = c.poll()
    const end = Date.now() + 10_000
    while (sim.state().concurrentPolls < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
    sim.pushMessage({ kind: 'buddy', from: sim.account().buddies[0]!.qq, text: 'only once' })
    expect((await first).status).toBe(504)
    expect((await second).json().result).toHaveLength(1)
    expect(sim.state().concurrentPolls).toBe(1)
  })

  it('delivers a message twice with the same msg_id on the duplicate fault', async () => {
    const c = await setup()
    sim.injectFault({ type: 'duplicate' })
    sim.pushMessage({ kind: 'buddy', from: sim.account().buddies[0]!.qq, text: 'twice' })
    const a = (await c.poll()).json().result
    const b = (await c.poll()).json().result
    expect(a).toHaveLength(1)
    expect(b[0].value.msg_id).toBe(a[0].value.msg_id)
    expect((await c.poll()).status).toBe(504)
  })
})

describe('retcode faults', () => {
  it('116 rotates ptwebqq and the server accepts only the new value', async () => {
    const c = await setup()
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 116 })
    const body = (await c.poll()).json()
    expect(body.retcode).toBe(116)
    expect(body.p).toMatch(/^[0-9a-f]{64}$/)
    expect((await c.poll()).json().retcode).toBe(103)
    expect((await c.friends()).json().retcode).toBe(50)
    c.creds!.ptwebqq = body.p
    c.cookies.set('ptwebqq', body.p)
    expect((await c.poll()).status).toBe(504)
    expect((await c.friends()).json().retcode).toBe(0)
  })

  it('121 repeats until the client relinks', async () => {
    const c = await setup()
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 121 })
    expect((await c.poll()).json().retcode).toBe(121)
    expect((await c.poll()).json().retcode).toBe(121)
    await c.postR('/channel/login2', {
      ptwebqq: c.creds!.ptwebqq,
      clientid: CLIENT_ID,
      psessionid: c.creds!.psessionid,
      status: 'online'
    })
    expect((await c.poll()).status).toBe(504)
  })

  it('injects transport faults: reset, 502 HTML, malformed and slow bodies', async () => {
    const c = await setup()
    sim.injectFault({ type: 'reset', endpoint: 'poll2' })
    await expect(c.poll()).rejects.toThrow()
    sim.injectFault({ type: 'http', endpoint: 'poll2', status: 502 })
    const bad = await c.poll()
    expect(bad.status).toBe(502)
    expect(bad.text).toContain('502 Bad Gateway')
    sim.injectFault({ type: 'malformed', endpoint: 'poll2', variant: 'truncated' })
    sim.pushMessage({ kind: 'buddy', from: sim.account().buddies[0]!.qq, text: 'cut' })
    const cut = await c.poll()
    expect(() => cut.json()).toThrow()
    sim.injectFault({ type: 'slow', endpoint: 'get_online_buddies2', bytesPerTick: 64, tickMs: 20 })
    const t0 = Date.now()
    const slow = await c.onlineBuddies()
    expect(slow.json().retcode).toBe(0)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(Math.floor(slow.body.length / 64) * 15)
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 100012 })
    expect((await c.poll()).json().retcode).toBe(100012)
  })
})

describe('session end', () => {
  it('kick: kick_message on the held poll, then 100001; sends fail', async () => {
    const c = await setup({ pollHoldMs: 3000 })
    const held = c.poll()
    await pollHeld()
    sim.kick()
    expect((await held).json().result[0].poll_type).toBe('kick_message')
    expect((await c.poll()).json()).toEqual({ errmsg: 'login error', retcode: 100001 })
  })

  it('expiry: held poll ends with 100001 and sends fail', async () => {
    const c = await setup({ pollHoldMs: 3000 })
    const buddyUin = sim.account().buddies[0]!.uin!
    const held = c.poll()
    await pollHeld()
    sim.expireSession()
    expect((await held).json()).toEqual({ errmsg: 'login error', retcode: 100001 })
    expect(sim.account().buddies[0]!.uin).toBeNull()
    expect((await c.send('send_buddy_msg2', { to: buddyUin }, content('still there?'))).json().retcode).toBe(100000)
    expect(sim.sent().at(-1)!.delivered).toBe(false)
  })
})
