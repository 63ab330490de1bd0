/** The refusal log (GET /__sim/refusals): every refused or error-answered request, with its rule. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RefusalLog } from '../../src/simulator/refusals'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index'
import { CLIENT_ID, content, D_REF, loggedIn, rawRequest, S_REF, TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

async function start(opts: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ pollHoldMs: 100, sendIntervalMs: 0, ...opts })
  return sim
}

function rules(): string[] {
  return sim.refusals().entries.map((e) => e.rule)
}

describe('refusal log', () => {
  it('is a bounded ring buffer, oldest first, counting every refusal', () => {
    const log = new RefusalLog(3)
    const entry = (rule: string): Parameters<RefusalLog['record']>[0] => ({
      time: 0,
      method: 'GET',
      path: '/x',
      endpoint: null,
      status: 404,
      retcode: null,
      rule,
      detail: ''
    })
    for (const r of ['a', 'b', 'c', 'd', 'e']) log.record(entry(r))
    const view = log.view()
    expect(view.capacity).toBe(3)
    expect(view.total).toBe(5)
    expect(view.entries.map((e) => [e.seq, e.rule])).toEqual([
      [3, 'c'],
      [4, 'd'],
      [5, 'e']
    ])
  })

  it('keeps refusalLogSize entries in a running simulator', async () => {
    await start({ refusalLogSize: 2 })
    for (let i = 0; i < 4; i++) await rawRequest(`${sim.url}/nowhere/${i}`)
    const view = sim.refusals()
    expect(view.total).toBe(4)
    expect(view.entries.map((e) => e.path)).toEqual(['/nowhere/2', '/nowhere/3'])
  })

  it('names the rule and the reason for the usual mistakes, and nothing for good requests', async () => {
    await start()
    const c = await loggedIn(sim, false)
    expect(rules()).toEqual([])
    const { vfwebqq, psessionid } = c.creds!
    // No Referer.
    await c.get(`/api/get_self_info2?t=1`, null)
    // A cookie missing.
    const skey = c.cookies.get('skey')!
    c.cookies.delete('skey')
    await c.get(`/api/get_self_info2?t=1`, S_REF)
    c.cookies.set('skey', skey)
    // login2's decoy vfwebqq on a contact API.
    await c.friends(c.hash(), c.login2Result!.vfwebqq)
    // A wrong hash.
    await c.friends('00')
    // A gid where the code belongs.
    const gid = sim.account().groups[0]!.gid!
    await c.get(`/api/get_group_info_ext2?gcode=${gid}&vfwebqq=${vfwebqq}&t=1`, S_REF)
    // poll2 before get_online_buddies2 (2017).
    await c.poll()
    // A send with a JSON array instead of a string.
    await c.send('send_buddy_msg2', { to: sim.account().buddies[0]!.uin! }, [['font', {}]])
    // No such path.
    await c.get('/api/get_everything', S_REF)
    expect(sim.refusals().entries.map((e) => [e.rule, e.endpoint, e.retcode])).toEqual([
      ['referer', 'get_self_info2', 1_000_000],
      ['cookie-missing', 'get_self_info2', 1_000_001],
      ['vfwebqq', 'get_user_friends2', 100_000],
      ['hash', 'get_user_friends2', 50],
      ['gcode', 'get_group_info_ext2', 6],
      ['not-registered', 'poll2', 103],
      ['content', 'send_buddy_msg2', 1_000_001],
      ['unknown-path', null, null]
    ])
    const details = sim.refusals().entries.map((e) => e.detail)
    expect(details[1]).toBe('cookies missing from the request: skey')
    expect(details[2]).toContain("login2's decoy")
    expect(details[5]).toContain('get_online_buddies2')
    expect(psessionid).toBeTruthy()
  })

  it('records 65 for a stale qrsig, 1202 with its reason, and leaves empty polls out', async () => {
    await start({ sendIntervalMs: 1000 })
    const c = new TestClient(sim.url)
    await c.showQr()
    const stale = c.cookies.get('qrsig')!
    await c.showQr()
    c.cookies.set('qrsig', stale)
    expect((await c.qrState())[0]).toBe('65')
    expect(sim.refusals().entries.at(-1)).toMatchObject({
      rule: 'qrsig-stale',
      retcode: 65,
      endpoint: 'ptqrlogin'
    })
    const d = await loggedIn(sim)
    expect((await d.poll()).status).toBe(504)
    const to = sim.account().buddies[0]!.uin!
    await d.send('send_buddy_msg2', { to }, content('one'))
    await d.send('send_buddy_msg2', { to }, content('two'))
    expect(sim.refusals().entries.map((e) => e.rule)).toEqual(['qrsig-stale', 'rate-limit:too-fast'])
    expect(sim.refusals().entries[1]!.retcode).toBe(1202)
  })

  it('records injected faults and connection resets under fault:*', async () => {
    await start()
    const c = await loggedIn(sim)
    sim.injectFault({ type: 'http', endpoint: 'get_user_friends2', status: 502 })
    expect((await c.friends()).status).toBe(502)
    sim.injectFault({ type: 'reset', endpoint: 'get_user_friends2' })
    await expect(c.friends()).rejects.toThrow()
    expect(rules()).toEqual(['fault:http', 'fault:reset'])
  })

  it('records a body over 1 MiB as internal-error (500) and admin mistakes as admin', async () => {
    await start()
    const res = await rawRequest(`${sim.url}/channel/poll2`, { method: 'POST', body: 'r=' + 'x'.repeat((1 << 20) + 10) }).catch(() => null)
    if (res) expect(res.status).toBe(500)
    await rawRequest(`${sim.url}/__sim/scan`, { method: 'POST', body: '{}' })
    expect(sim.refusals().entries.map((e) => [e.rule, e.status])).toEqual([
      ['internal-error', 500],
      ['admin', 400]
    ])
    expect(sim.refusals().entries[0]!.detail).toBe('request body too large')
  })

  it('a client that abandons a held poll is no refusal', async () => {
    await start({ pollHoldMs: 5_000 })
    const c = await loggedIn(sim)
    const { psessionid, ptwebqq } = c.creds!
    const abort = new AbortController()
    const held = fetch(`${sim.url}/channel/poll2`, {
      method: 'POST',
      signal: abort.signal,
      headers: {
        referer: D_REF,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
      },
      body: 'r=' + encodeURIComponent(JSON.stringify({ ptwebqq, clientid: CLIENT_ID, psessionid, key: '' }))
    }).catch(() => 'aborted')
    // Waited for, not slept for: on a loaded machine the poll may take a while to arrive and to be let go.
    await vi.waitFor(() => expect(sim.state().pollsInFlight).toBe(1), { timeout: 10_000, interval: 5 })
    abort.abort()
    expect(await held).toBe('aborted')
    await vi.waitFor(() => expect(sim.state().pollsInFlight).toBe(0), { timeout: 10_000, interval: 5 })
    expect(rules()).toEqual([])
  })

  it('is served at GET /__sim/refusals (loopback only)', async () => {
    await start()
    await rawRequest(`${sim.url}/channel/login2`)
    const res = await rawRequest(`${sim.url}/__sim/refusals`)
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ capacity: 200, total: 1 })
    expect(body.entries[0]).toMatchObject({
      seq: 1,
      method: 'GET',
      path: '/channel/login2',
      endpoint: 'login2',
      status: 404,
      retcode: null,
      rule: 'method',
      detail: 'login2 takes POST, not GET'
    })
    expect(typeof body.entries[0].time).toBe('number')
  })

  it('records the accepted-but-wrong D1 Referer nowhere: either proxy page works for any API', async () => {
    await start()
    const c = await loggedIn(sim)
    const { vfwebqq, psessionid } = c.creds!
    const res = await c.get(`/api/get_discus_list?clientid=${CLIENT_ID}&psessionid=${psessionid}&vfwebqq=${vfwebqq}&t=1`, D_REF)
    expect(res.json().retcode).toBe(0)
    expect(rules()).toEqual([])
  })
})
