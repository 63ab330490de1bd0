import { afterEach, describe, expect, it } from 'vitest'
import { hash33, startSimulator, type Simulator } from '../../src/simulator/index'
import { S_REF, TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

async function confirmedUrl(c: TestClient): Promise<string> {
  sim.scan()
  const f = await c.qrState()
  return f[2]!
}

describe('ptqrshow / ptqrlogin (2017 era)', () => {
  it('serves a PNG with a fresh qrsig each time', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    const res = await c.showQr()
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.body.subarray(1, 4).toString()).toBe('PNG')
    const first = c.cookies.get('qrsig')
    await c.showQr()
    expect(c.cookies.get('qrsig')).not.toBe(first)
  })

  it('goes 66 -> 67 -> 0 with the check_sig URL in the third field', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    expect((await c.qrState()).slice(0, 1)).toEqual(['66'])
    expect((await c.qrState())[4]).toMatch(/^二维码未失效/)
    sim.scan({ confirm: false })
    const scanned = await c.qrState()
    expect(scanned[0]).toBe('67')
    expect(scanned[4]).toMatch(/^二维码认证中/)
    sim.scan()
    const ok = await c.qrState()
    expect(ok[0]).toBe('0')
    expect(ok[2]).toMatch(new RegExp(`^${sim.url}/check_sig\\?.*ptsigx=[0-9a-f]{128}`))
    expect(ok[4]).toBe('登录成功！')
    expect(ok[5]).toBe(sim.account().self.nick)
    expect(c.cookies.get('uin')).toBe('o' + String(sim.account().self.qq).padStart(10, '0'))
    for (const name of ['superuin', 'supertoken', 'skey', 'superkey', 'pt2gguin']) expect(c.cookies.get(name)).toBeTruthy()
  })

  it('never progresses with a wrong ptqrtoken; without one answers HTTP 403 (ScienJus/qqbot PR #5)', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const wrong = String((hash33(c.cookies.get('qrsig')!) + 1) & 0x7fffffff)
    const f = [...(await c.get(c.qrPath(wrong), null)).text.matchAll(/'([^']*)'/g)].map((m) => m[1])
    expect(f[0]).toBe('66')
    expect(f.join()).not.toContain('check_sig')
    const missing = await c.get(c.qrPath('').replace('ptqrtoken=&', ''), null)
    expect(missing.status).toBe(403)
    expect(missing.text).not.toContain('ptuiCB')
    expect(sim.refusals().entries.map((e) => e.rule)).toEqual(['ptqrtoken', 'ptqrtoken'])
    expect((await c.qrState())[0]).toBe('0')
  })

  it('eras before 2017 ignore ptqrtoken, present or not', async () => {
    sim = await startSimulator({ era: '2016' })
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const missing = await c.get(c.qrPath('').replace('ptqrtoken=&', ''), null)
    expect(missing.status).toBe(200)
    expect(missing.text).toMatch(/^ptuiCB\('0'/)
  })

  it('expires after qrLifetimeMs (65), and an old qrsig is dead', async () => {
    sim = await startSimulator({ qrLifetimeMs: 150 })
    const c = new TestClient(sim.url)
    await c.showQr()
    const old = new Map(c.cookies)
    await new Promise((r) => setTimeout(r, 200))
    expect((await c.qrState())[0]).toBe('65')
    expect(() => sim.scan()).toThrow(/expired/)
    await c.showQr()
    expect((await c.qrState())[0]).toBe('66')
    const stale = new TestClient(sim.url)
    old.forEach((v, k) => stale.cookies.set(k, v))
    expect((await stale.qrState())[0]).toBe('65')
    sim.expireQr()
    expect((await c.qrState())[0]).toBe('65')
  })

  it('requires aid=501004106', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const res = await c.get(c.qrPath().replace('aid=501004106', 'aid=1'), null)
    expect(res.text).not.toContain('check_sig')
  })
})

describe('2015 era (seed form)', () => {
  it('ignores ptqrtoken, says 66 认证中 when scanned and puts the URL in the fifth field', async () => {
    sim = await startSimulator({ era: '2015' })
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan({ confirm: false })
    const scanned = [...(await c.get(c.qrPath('1'), null)).text.matchAll(/'([^']*)'/g)].map((m) => m[1])
    expect(scanned[0]).toBe('66')
    expect(scanned[4]).toMatch(/认证中/)
    sim.scan()
    const ok = [...(await c.get(c.qrPath('1'), null)).text.matchAll(/'([^']*)'/g)].map((m) => m[1]!)
    expect(ok[2]).toBe('')
    expect(ok[4]).toMatch(/\/check_sig\?/)
  })
})

describe('check_sig', () => {
  it('answers 302 to its own /proxy.html with ptwebqq, p_skey, p_uin, pt4_token, once', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    const url = new URL(await confirmedUrl(c))
    const res = await c.get(url.pathname + url.search, null)
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe(`${sim.url}/proxy.html?login2qq=1&webqq_type=10`)
    for (const name of ['ptwebqq', 'p_skey', 'p_uin', 'pt4_token']) expect(c.cookies.get(name)).toBeTruthy()
    // ptlogin's form, every attribute terminated by `;`; no qq.com Domain under 127.0.0.1.
    const setCookies = res.headers['set-cookie'] as string[]
    expect(setCookies.every((s) => /^\w+=[^;]+; PATH=\/;$/.test(s))).toBe(true)
    const again = await c.get(url.pathname + url.search, null)
    expect(again.status).not.toBe(302)
  })

  it('is 403 for an empty Referer header but fine with the s.web2 proxy Referer', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    await c.showQr()
    const url = new URL(await confirmedUrl(c))
    expect((await c.get(url.pathname + url.search, '')).status).toBe(403)
    expect((await c.get(url.pathname + url.search, S_REF)).status).toBe(302)
  })
})
