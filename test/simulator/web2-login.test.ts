import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { CLIENT_ID, D_REF, loggedIn, TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

function clone(c: TestClient): TestClient {
  const d = new TestClient(c.base)
  c.cookies.forEach((v, k) => d.cookies.set(k, v))
  d.creds = c.creds && { ...c.creds }
  return d
}

describe('getvfwebqq / login2 binding', () => {
  it('needs the ptwebqq query to equal the cookie, the proxy Referer and the cookies', async () => {
    sim = await startSimulator()
    const c = await loggedIn(sim)
    const path = (p: string): string => `/api/getvfwebqq?ptwebqq=${p}&clientid=${CLIENT_ID}&psessionid=&t=0.1`
    expect((await c.get(path(c.creds!.ptwebqq))).json()).toEqual({
      retcode: 0,
      result: { vfwebqq: c.creds!.vfwebqq }
    })
    expect((await c.get(path('0' + c.creds!.ptwebqq.slice(1)))).json().retcode).toBe(100000)
    expect((await c.get(path(c.creds!.ptwebqq), null)).json().retcode).toBe(1000000)
    expect((await c.get(path(c.creds!.ptwebqq), 'http://w.qq.com/')).json().retcode).toBe(1000000)
    // Any of the two proxies is fine (real clients mixed them up).
    expect((await c.get(path(c.creds!.ptwebqq), D_REF)).json().retcode).toBe(0)
    const noCookie = clone(c)
    noCookie.cookies.delete('p_skey')
    expect((await noCookie.get(path(c.creds!.ptwebqq))).json().retcode).toBe(1000001)
  })

  it('login2 returns the QQ number as uin and a decoy vfwebqq that contact APIs refuse', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const creds = await c.completeLogin((await c.qrState())[2]!, false)
    const login2 = c.login2Result!
    expect(login2.uin).toBe(sim.account().self.qq)
    expect(login2.vfwebqq).not.toBe(creds.vfwebqq)
    expect((await c.friends(c.hash(), login2.vfwebqq)).json().retcode).toBe(100000)
    expect((await c.friends()).json().retcode).toBe(0)
  })

  it('login2 refuses a ptwebqq that is not the cookie, and non-form bodies', async () => {
    sim = await startSimulator()
    const c = await loggedIn(sim)
    expect(
      (
        await c.postR('/channel/login2', {
          ptwebqq: 'x',
          clientid: CLIENT_ID,
          psessionid: '',
          status: 'online'
        })
      ).json().retcode
    ).toBe(100000)
    const json = await c.call('POST', '/channel/login2', JSON.stringify({ ptwebqq: c.creds!.ptwebqq, clientid: CLIENT_ID, psessionid: '' }), D_REF, {
      'content-type': 'application/json'
    })
    expect(json.json().retcode).not.toBe(0)
  })

  it('relinks with the current psessionid and keeps the session', async () => {
    sim = await startSimulator()
    const c = await loggedIn(sim)
    const r = (
      await c.postR('/channel/login2', {
        ptwebqq: c.creds!.ptwebqq,
        clientid: CLIENT_ID,
        psessionid: c.creds!.psessionid,
        status: 'online',
        key: ''
      })
    ).json()
    expect(r.retcode).toBe(0)
    expect(r.result.psessionid).toBe(c.creds!.psessionid)
    expect(
      (
        await c.postR('/channel/login2', {
          ptwebqq: c.creds!.ptwebqq,
          clientid: CLIENT_ID,
          psessionid: 'nope',
          status: 'online'
        })
      ).json().retcode
    ).toBe(100001)
  })
})

describe('remembered sessions', () => {
  it('a kept cookie jar logs in again (YZ/RB) with NEW uins, and the old psessionid works for PQ', async () => {
    sim = await startSimulator()
    const c = await loggedIn(sim)
    const buddy = sim.account().buddies[0]!
    // PQ: same cookies, same psessionid -> get_online_buddies2 still works.
    const pq = clone(c)
    expect((await pq.onlineBuddies()).json().retcode).toBe(0)
    const yz = clone(c)
    await yz.webLogin()
    expect(yz.creds!.psessionid).not.toBe(c.creds!.psessionid)
    expect(sim.account().buddies[0]!.uin).not.toBe(buddy.uin)
    // The replaced session is no longer recognised on poll.
    expect((await c.poll()).json().retcode).toBe(103)
  })

  it('refuses the cookies after expiry (getvfwebqq 100000)', async () => {
    sim = await startSimulator({ sessionLifetimeMs: 300, pollHoldMs: 100 })
    const c = await loggedIn(sim)
    await new Promise((r) => setTimeout(r, 350))
    expect((await c.poll()).json()).toEqual({ errmsg: 'login error', retcode: 100001 })
    await expect(clone(c).webLogin()).rejects.toThrow(/100000/)
  })

  it('refuses the cookies after a kick, and after logout', async () => {
    sim = await startSimulator({ pollHoldMs: 100 })
    const c = await loggedIn(sim)
    sim.kick()
    await expect(clone(c).webLogin()).rejects.toThrow(/100000/)
    const d = await loggedIn(sim)
    const out = await d.get(`/logout?pt4_token=${d.cookies.get('pt4_token')}&pt4_hkey=0&deep_logout=1`, null)
    expect(out.text).toContain("'0'")
    await expect(clone(d).webLogin()).rejects.toThrow(/100000/)
  })

  it('pt4_auth gives a check_sig URL for time33(supertoken) without a new scan', async () => {
    sim = await startSimulator()
    const c = await loggedIn(sim)
    const { time33 } = await import('../../src/simulator/index')
    const bad = await c.get('/pt4_auth?daid=164&appid=501004106&auth_token=1', null)
    expect(bad.text).not.toContain('check_sig')
    const res = await c.get(`/pt4_auth?daid=164&appid=501004106&auth_token=${time33(c.cookies.get('supertoken')!)}`, null)
    const url = new URL(res.text.match(/'(http[^']+)'/)![1]!)
    const d = clone(c)
    await d.completeLogin(url.href)
    expect((await d.friends()).json().retcode).toBe(0)
  })
})

describe('second login of the same QQ', () => {
  it('kicks the first session: kick_message on poll, then 100001', async () => {
    sim = await startSimulator({ pollHoldMs: 2000 })
    const first = await loggedIn(sim)
    const held = first.poll()
    await new Promise((r) => setTimeout(r, 50))
    await loggedIn(sim)
    const kicked = (await held).json()
    expect(kicked.retcode).toBe(0)
    expect(kicked.result[0]).toEqual({
      poll_type: 'kick_message',
      value: {
        way: 'do_poll',
        show_reason: 1,
        reason: '您的账号在另一地点登录，您已被迫下线。如有疑问，请登录 safe.qq.com 了解更多。'
      }
    })
    expect((await first.poll()).json().retcode).toBe(100001)
    expect((await first.friends()).json().retcode).toBe(100000)
  })
})
