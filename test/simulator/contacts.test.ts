import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index'
import { CLIENT_ID, D_REF, loggedIn, S_REF, type HttpResult, type TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

async function setup(opts: SimulatorOptions = {}): Promise<TestClient> {
  sim = await startSimulator({ pollHoldMs: 100, ...opts })
  return loggedIn(sim)
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('get_user_friends2', () => {
  it('checks the hash (50 when wrong) and returns the split lists with category 0 omitted', async () => {
    const c = await setup({ seed: 11, account: { buddies: 300 } })
    expect((await c.friends('0000000000000000')).json()).toEqual({ retcode: 50 })
    const res = (await c.friends()).json()
    expect(res.retcode).toBe(0)
    const acc = sim.account()
    const r = res.result
    expect(r.friends).toHaveLength(300)
    expect(r.categories.map((x: { index: number }) => x.index)).not.toContain(0)
    expect(r.friends.some((f: { categories: number }) => f.categories === 0)).toBe(true)
    const byUin = new Map(acc.buddies.map((b) => [b.uin, b]))
    for (const info of r.info) expect(info.nick).toBe(escape(byUin.get(info.uin)!.nick))
    expect(r.info.some((i: { nick: string }) => /&(amp|lt|gt|quot);/.test(i.nick))).toBe(true)
    expect(r.marknames.length).toBeGreaterThan(0)
    expect(r.vipinfo).toHaveLength(300)
  })
})

describe('groups', () => {
  it('lists groups by POST or by GET with r (Mojo), and wants a code, not a gid, for info', async () => {
    const c = await setup()
    const post = (await c.groups()).json()
    const r = encodeURIComponent(JSON.stringify({ vfwebqq: c.creds!.vfwebqq, hash: c.hash() }))
    const get = (await c.get(`/api/get_group_name_list_mask2?r=${r}`, D_REF)).json()
    expect(get).toEqual(post)
    const g = post.result.gnamelist[0]
    expect(g.gid).not.toBe(g.code)
    const info = (code: number): Promise<HttpResult> => c.get(`/api/get_group_info_ext2?gcode=${code}&vfwebqq=${c.creds!.vfwebqq}&t=0.1`, S_REF)
    expect((await info(g.gid)).json()).toEqual({ retcode: 6 })
    const ok = (await info(g.code)).json()
    expect(ok.retcode).toBe(0)
    expect(ok.result.ginfo.gid).toBe(g.gid)
    expect(ok.result.ginfo.members).toHaveLength(sim.account().groups[0]!.memberCount)
    expect(ok.result.minfo.length).toBe(ok.result.ginfo.members.length)
    expect(ok.result.cards.length).toBeGreaterThan(0)
  })

  it('omits `cards` when nobody has one, and `minfo` after the configured age', async () => {
    const c = await setup({ seed: 2, account: { groups: 40 }, minfoMaxAgeMs: 0 })
    const acc = sim.account()
    const noCards = acc.groups.find((g) => g.members!.every((m) => m.card === null))!
    const res = (await c.get(`/api/get_group_info_ext2?gcode=${noCards.code}&vfwebqq=${c.creds!.vfwebqq}&t=0.1`, S_REF)).json()
    expect(res.retcode).toBe(0)
    expect('cards' in res.result).toBe(false)
    expect('minfo' in res.result).toBe(false)
    expect(res.result.ginfo).toBeTruthy()
  })

  it('builds a 3 000-member group quickly', async () => {
    const c = await setup({ account: { groupMembers: 3000 } })
    const code = sim.account({ members: false }).groups[0]!.code
    const res = (await c.get(`/api/get_group_info_ext2?gcode=${code}&vfwebqq=${c.creds!.vfwebqq}&t=0.1`, S_REF)).json()
    expect(res.result.minfo).toHaveLength(3000)
  })
})

describe('discussions and other endpoints', () => {
  it('lists discussions and gives members with their real QQ (ruin)', async () => {
    const c = await setup()
    const v = c.creds!
    const list = (await c.get(`/api/get_discus_list?clientid=${CLIENT_ID}&psessionid=${v.psessionid}&vfwebqq=${v.vfwebqq}&t=0.1`, D_REF)).json()
    const d = sim.account().discussions[0]!
    expect(list.result.dnamelist[0].did).toBe(d.did)
    const info = (
      await c.get(`/channel/get_discu_info?did=${d.did}&psessionid=${v.psessionid}&vfwebqq=${v.vfwebqq}&clientid=${CLIENT_ID}&t=0.1`, D_REF)
    ).json()
    expect(info.result.info.mem_list).toEqual(d.members.map((m) => ({ mem_uin: m.uin, ruin: m.qq })))
    expect(info.result.mem_info).toHaveLength(d.members.length)
  })

  it('get_friend_uin2: account in 2015, HTML 404 from 2017', async () => {
    const c = await setup({ era: '2015' })
    const b = sim.account().buddies[0]!
    const path = `/api/get_friend_uin2?tuin=${b.uin}&type=1&vfwebqq=${c.creds!.vfwebqq}&t=0.1`
    expect((await c.get(path, D_REF)).json().result).toEqual({
      uiuin: '',
      account: b.qq,
      uin: b.uin
    })
    await sim.close()
    const d = await setup({ era: '2017' })
    const b2 = sim.account().buddies[0]!
    const res = await d.get(`/api/get_friend_uin2?tuin=${b2.uin}&type=1&vfwebqq=${d.creds!.vfwebqq}&t=0.1`, D_REF)
    expect(res.status).toBe(404)
    expect(res.text).toContain('<html>')
  })

  it('get_self_info2 also under the seed literal path, get_friend_info2 and long nick by tuin', async () => {
    const c = await setup()
    const acc = sim.account()
    const self = (await c.get('/api/get_self_info2&t=0.1')).json()
    expect(self.result.account).toBe(acc.self.qq)
    expect((await c.get('/api/get_self_info2?t=0.1')).json().result.uin).toBe(acc.self.qq)
    const b = acc.buddies[2]!
    const v = c.creds!
    const info = (
      await c.get(`/api/get_friend_info2?tuin=${b.uin}&vfwebqq=${v.vfwebqq}&clientid=${CLIENT_ID}&psessionid=${v.psessionid}&t=0.1`)
    ).json()
    expect(info.result.nick).toBe(escape(b.nick))
    expect(
      (await c.get(`/api/get_friend_info2?tuin=${b.uin}&vfwebqq=${v.vfwebqq}&clientid=${CLIENT_ID}&psessionid=wrong&t=0.1`)).json().retcode
    ).toBe(100001)
    const ln = (await c.get(`/api/get_single_long_nick2?tuin=${b.uin}&vfwebqq=${v.vfwebqq}&t=0.1`)).json()
    expect(ln.result[0].uin).toBe(b.uin)
  })

  it('recent list accepts psessionid "", change_status2 sets the status', async () => {
    const c = await setup()
    const v = c.creds!
    const recent = (
      await c.postR('/channel/get_recent_list2', {
        vfwebqq: v.vfwebqq,
        clientid: CLIENT_ID,
        psessionid: ''
      })
    ).json()
    expect(recent.result.map((e: { type: number }) => e.type)).toEqual(expect.arrayContaining([0, 1, 2]))
    expect((await c.get(`/channel/change_status2?newstatus=away&clientid=${CLIENT_ID}&psessionid=${v.psessionid}&t=0.1`, D_REF)).json()).toEqual({
      retcode: 0,
      result: 'ok'
    })
    expect(
      (await c.get(`/channel/change_status2?newstatus=bogus&clientid=${CLIENT_ID}&psessionid=${v.psessionid}&t=0.1`, D_REF)).json().retcode
    ).not.toBe(0)
  })

  it('serves each API only under its own host prefix', async () => {
    const c = await setup()
    expect((await c.postR('/channel/get_user_friends2', { vfwebqq: c.creds!.vfwebqq, hash: c.hash() })).status).toBe(404)
  })
})
