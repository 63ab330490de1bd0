/**
 * Issue #10's fidelity rules, one by one: ptlogin's Set-Cookie form on every cookie-setting endpoint,
 * method tolerance on the list endpoints (counted), check_sig's redirect to the simulator's own
 * proxy page, the 2016 era, and per-behaviour overrides of an era.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { setCookieLine } from '../../src/simulator/http-io'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index'
import { CLIENT_ID, content, D_REF, loggedIn, rawRequest, S_REF, TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

async function start(opts: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ pollHoldMs: 100, sendIntervalMs: 0, ...opts })
  return sim
}

function setCookies(res: { headers: Record<string, unknown> }): string[] {
  return (res.headers['set-cookie'] as string[] | undefined) ?? []
}

describe('Set-Cookie as ptlogin wrote it', () => {
  it('ends every attribute with ";" and names qq.com only under a qq.com host', () => {
    expect(setCookieLine('uin', 'o0123', '127.0.0.1:8080')).toBe('uin=o0123; PATH=/;')
    expect(setCookieLine('uin', 'o0123', 'ssl.ptlogin2.qq.com')).toBe('uin=o0123; PATH=/; DOMAIN=qq.com;')
    expect(setCookieLine('uin', 'o0123', 'ptlogin4.web2.qq.com:8080')).toBe('uin=o0123; PATH=/; DOMAIN=qq.com;')
    // A look-alike host is not qq.com.
    expect(setCookieLine('uin', 'o0123', 'evilqq.com')).toBe('uin=o0123; PATH=/;')
  })

  it('every cookie-setting endpoint (xlogin, ptqrshow, ptqrlogin, check_sig) uses that form', async () => {
    await start()
    const c = new TestClient(sim.url)
    const lines: string[] = []
    lines.push(...setCookies(await c.get('/cgi-bin/xlogin?appid=501004106', null)))
    lines.push(...setCookies(await c.showQr()))
    sim.scan()
    const confirmed = await c.get(c.qrPath(), null)
    lines.push(...setCookies(confirmed))
    const url = new URL(/'(http[^']+)'/.exec(confirmed.text)![1]!)
    lines.push(...setCookies(await c.get(url.pathname + url.search, null)))
    const names = lines.map((l) => l.split('=')[0])
    for (const n of ['pt_login_sig', 'qrsig', 'uin', 'skey', 'supertoken', 'ptwebqq', 'p_skey']) expect(names).toContain(n)
    for (const line of lines) expect(line).toMatch(/^[\w]+=[^;\s]*; PATH=\/;$/)
  })

  it('a client that reached it as ssl.ptlogin2.qq.com gets DOMAIN=qq.com;', async () => {
    await start()
    const res = await rawRequest(sim.url + '/ptqrshow?appid=501004106', {
      headers: { host: 'ssl.ptlogin2.qq.com' }
    })
    expect(setCookies(res)).toEqual([expect.stringMatching(/^qrsig=\S+; PATH=\/; DOMAIN=qq\.com;$/)])
  })
})

describe('check_sig redirect', () => {
  it('a client under qq.com host names gets the check_sig URL on ptlogin4.web2.qq.com (same port)', async () => {
    await start()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const port = new URL(sim.url).port
    const res = await c.get(c.qrPath(), null, { host: `ssl.ptlogin2.qq.com:${port}` })
    expect(res.text).toContain(`'http://ptlogin4.web2.qq.com:${port}/check_sig?`)
    expect(setCookies(res).every((l) => l.endsWith('; PATH=/; DOMAIN=qq.com;'))).toBe(true)
  })

  it("points at the simulator's own /proxy.html, which answers 200", async () => {
    await start()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const url = new URL((await c.qrState())[2]!)
    const res = await c.get(url.pathname + url.search, null)
    expect(res.status).toBe(302)
    const location = new URL(String(res.headers.location))
    expect(location.origin).toBe(sim.url)
    const page = await rawRequest(location.href)
    expect(page.status).toBe(200)
    expect(page.text).toContain('document.domain')
    // The cookies set on the 302 still let the web login go on.
    await c.webLogin()
    expect(c.creds?.psessionid).toBeTruthy()
  })

  it('keeps the host name the client used', async () => {
    await start()
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const url = new URL((await c.qrState())[2]!)
    const res = await c.get(url.pathname + url.search, null, { host: 'ptlogin4.web2.qq.com' })
    expect(res.headers.location).toBe('http://ptlogin4.web2.qq.com/proxy.html?login2qq=1&webqq_type=10')
  })
})

describe('pinghot', () => {
  it('GET /pingd (pinghot.qq.com, which pandolia/qqbot pings after a poll 504) answers an empty 200, no refusal', async () => {
    sim = await startSimulator()
    const c = new TestClient(sim.url)
    const res = await c.get('/pingd?dm=w.qq.com.hot&url=/&hottag=smartqq.im.polltimeout&hotx=&hoty=&rand=12345', null)
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
    expect(sim.refusals().entries).toEqual([])
  })
})

describe('method tolerance on the list endpoints', () => {
  it('serves POST get_discus_list with the parameters in the query (and an r body), counted', async () => {
    await start()
    const c = await loggedIn(sim)
    const { vfwebqq, psessionid } = c.creds!
    const res = await c.call(
      'POST',
      `/api/get_discus_list?clientid=${CLIENT_ID}&psessionid=${psessionid}&vfwebqq=${vfwebqq}&t=1`,
      'r=' + encodeURIComponent(JSON.stringify({ vfwebqq, hash: c.hash() })),
      S_REF,
      { 'content-type': 'application/x-www-form-urlencoded' }
    )
    expect(res.json().retcode).toBe(0)
    expect(res.json().result.dnamelist).toHaveLength(sim.account().discussions.length)
    expect(sim.state().methodMismatches).toEqual({ 'POST get_discus_list': 1 })
  })

  it('takes the parameters from the r body when the query lacks them', async () => {
    await start()
    const c = await loggedIn(sim)
    const { vfwebqq, psessionid } = c.creds!
    const res = await c.postR('/channel/get_online_buddies2', { vfwebqq, psessionid, clientid: CLIENT_ID }, D_REF)
    expect(res.json().retcode).toBe(0)
    expect(sim.state().methodMismatches['POST get_online_buddies2']).toBe(1)
  })

  it('serves GET get_recent_list2 with r in the query (the reverse), counted', async () => {
    await start()
    const c = await loggedIn(sim)
    const r = encodeURIComponent(JSON.stringify({ vfwebqq: c.creds!.vfwebqq }))
    const res = await c.get(`/channel/get_recent_list2?r=${r}`, D_REF)
    expect(res.json().retcode).toBe(0)
    expect(sim.state().methodMismatches).toEqual({ 'GET get_recent_list2': 1 })
  })

  it('still refuses a GET login2 or poll2 (404) and says why in the refusal log', async () => {
    await start()
    const c = new TestClient(sim.url)
    for (const path of ['/channel/login2', '/channel/poll2']) expect((await c.get(path, D_REF)).status).toBe(404)
    expect(sim.refusals().entries.map((e) => [e.rule, e.endpoint, e.detail])).toEqual([
      ['method', 'login2', 'login2 takes POST, not GET'],
      ['method', 'poll2', 'poll2 takes POST, not GET']
    ])
  })
})

describe('eras', () => {
  it('2016: 67 then ptuiCB 0 with the URL third and the nick sixth, no ptqrtoken needed', async () => {
    await start({ era: '2016' })
    const c = new TestClient(sim.url)
    await c.showQr()
    const noToken = (): Promise<string> => c.get(c.qrPath('').replace('ptqrtoken=&', ''), null).then((r) => r.text)
    expect(await noToken()).toMatch(/^ptuiCB\('66','0','','0','二维码未失效。\(\d+\)', ''\);$/)
    sim.scan({ confirm: false })
    expect(await noToken()).toMatch(/^ptuiCB\('67'/)
    sim.scan()
    const ok = await noToken()
    const nick = sim.account().self.nick
    expect(ok).toMatch(new RegExp(`^ptuiCB\\('0','0','${sim.url}/check_sig\\?[^']+','0','登录成功！', '${nick}'\\);$`))
  })

  it('2015 polls without get_online_buddies2; from 2016 poll answers 103 until it is called, unless the account is a lucky one', async () => {
    for (const era of ['2015', '2016', '2017', '2017-late', '2018'] as const) {
      await start({ era })
      const c = await loggedIn(sim, false)
      const first = await c.poll()
      if (era === '2015') expect(first.text, era).not.toContain('"retcode":103')
      else expect(first.json(), era).toEqual({ errmsg: 'error', retcode: 103 })
      await sim.close()
    }
    // 2016 did it to some accounts only (ScienJus/qqbot #3, ScienJus/smartqq #17): the option turns it off.
    await start({ era: '2016', registerOnOnlineBuddies: false })
    const lucky = await loggedIn(sim, false)
    expect((await lucky.poll()).text).not.toContain('"retcode":103')
  })

  it('an explicit option overrides its era preset', async () => {
    await start({ era: '2018', ptqrtoken: false, ptuiForm: 'seed', emptyPoll: '102' })
    const c = new TestClient(sim.url)
    await c.showQr()
    sim.scan()
    const f = [...(await c.get(c.qrPath('1'), null)).text.matchAll(/'([^']*)'/g)].map((m) => m[1])
    expect(f[0]).toBe('66')
    expect(f[4]).toMatch(/\/check_sig\?/)
    const url = new URL(f[4]!)
    await c.completeLogin(url.href.replace(url.origin, sim.url))
    expect((await c.poll()).json()).toEqual({ retcode: 102, errmsg: '' })
  })

  it('state() shows what the era and the overrides mean in this run', async () => {
    await start({ era: '2016', sendAnswer: 'retcode' })
    expect(sim.state().behaviour).toEqual({
      ptuiForm: 'modern',
      ptqrtoken: false,
      registerOnOnlineBuddies: true,
      emptyPoll: '504',
      sendAnswer: 'retcode',
      friendUin: true
    })
  })

  it('refuses an unknown era instead of guessing', async () => {
    await expect(startSimulator({ era: '2019' as never })).rejects.toThrow('unknown era 2019')
  })
})

describe('push segments', () => {
  it('accepts a face without a name over HTTP and delivers it by id', async () => {
    await start()
    const c = await loggedIn(sim)
    const res = await rawRequest(sim.url + '/__sim/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'buddy',
        from: sim.account().buddies[0]!.qq,
        segments: [{ type: 'text', text: 'hi ' }, { type: 'face', id: 14 }, { type: 'image' }]
      })
    })
    expect(res.json()).toEqual({ ok: true })
    const poll = (await c.poll()).json()
    expect(poll.result[0].value.content.slice(1)).toEqual(['hi ', ['face', 14]])
    // A name of the wrong type is still refused.
    const bad = await rawRequest(sim.url + '/__sim/push', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'buddy',
        from: sim.account().buddies[0]!.qq,
        segments: [{ type: 'face', id: 14, name: 7 }]
      })
    })
    expect(bad.status).toBe(400)
  })

  it('in-process too, and a send of that face is recorded with the table name', async () => {
    await start()
    const c = await loggedIn(sim)
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, segments: [{ type: 'face', id: 14 }] })
    expect((await c.poll()).json().result[0].value.content.slice(1)).toEqual([['face', 14]])
    await c.send('send_buddy_msg2', { to: buddy.uin! }, content(['face', 14]))
    expect(sim.sent()[0]!.segments).toEqual([{ type: 'face', id: 14, name: '微笑' }])
  })
})

describe('faithful behaviours kept', () => {
  it('accepts https and http proxy Referers, the cfproxy Referer on sends, and any or no Origin', async () => {
    await start({ era: '2017-late' })
    const c = await loggedIn(sim)
    const to = sim.account().buddies[0]!.uin!
    const { psessionid } = c.creds!
    const body = (text: string): string =>
      'r=' + encodeURIComponent(JSON.stringify({ to, content: content(text), face: 522, clientid: CLIENT_ID, msg_id: 1, psessionid }))
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }
    const cases: Array<[string, Record<string, string>]> = [
      ['https://d1.web2.qq.com/cfproxy.html?v=20151105001&callback=1', {}],
      ['http://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2', { origin: 'http://d1.web2.qq.com' }],
      [D_REF, { origin: 'https://d1.web2.qq.com' }],
      // ScienJus/smartqq's malformed Origin (the URL minus its last path segment).
      [D_REF, { origin: 'http://d1.web2.qq.com/channel' }]
    ]
    for (const [i, [referer, extra]] of cases.entries()) {
      const res = await c.call('POST', '/channel/send_buddy_msg2', body(`case ${i}`), referer, { ...headers, ...extra })
      expect(res.json(), referer).toEqual({ retcode: 0, result: 'ok' })
    }
    expect(sim.refusals().entries).toEqual([])
    // A Referer from another host is still refused, and the log says so.
    const foreign = await c.call('POST', '/channel/send_buddy_msg2', body('x'), 'https://w.qq.com/', headers)
    expect(foreign.json().retcode).toBe(1_000_000)
    expect(sim.refusals().entries.map((e) => e.rule)).toEqual(['referer'])
  })
})
