import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProtocolClient } from '../../../src/main/protocol'
import { clientFor, loggedIn, login, protocolError, type Sim } from './sim-helpers'

let sim: Sim
let client: ProtocolClient
beforeAll(async () => {
  ;({ sim, client } = await loggedIn({ era: '2017', account: { buddies: 40, groups: 4, discussions: 2, groupMembers: 30 } }))
})
afterAll(async () => {
  await sim.close()
})

describe('contacts against the simulator', () => {
  it('friends: every buddy with nick, markname and a category that exists (0 included)', async () => {
    const list = await client.getFriends()
    const account = sim.account()
    expect(list.friends).toHaveLength(account.buddies.length)
    const byUin = new Map(list.friends.map((f) => [f.uin, f]))
    for (const b of account.buddies) {
      const f = byUin.get(b.uin ?? -1)
      // Names arrive HTML-escaped, some with U+00A0; the client shows a plain space.
      expect(f?.nick).toBe(b.nick.replace(/\u00a0/g, ' '))
      expect(f?.markname).toBe(b.markname?.replace(/\u00a0/g, ' ') ?? null)
      expect(f?.category).toBe(b.category)
    }
    const indexes = new Set(list.categories.map((c) => c.index))
    expect(indexes.has(0)).toBe(true)
    for (const f of list.friends) expect(indexes.has(f.category)).toBe(true)
    expect(list.categories.find((c) => c.index === 0)?.name).toBe('我的好友')
    for (const f of list.friends) expect(f.nick).not.toMatch(/&(lt|gt|amp|quot|nbsp|#\d+);|\u00a0/)
  })

  it('online buddies, friend info, long nick and self info', async () => {
    const online = await client.getOnlineBuddies()
    const account = sim.account()
    const onlineAccount = account.buddies.filter((b) => b.status !== 'offline')
    expect(online.length).toBe(onlineAccount.length)
    const buddy = account.buddies[0]
    const info = await client.getFriendInfo(buddy.uin ?? 0)
    expect(info.uin).toBe(buddy.uin)
    expect(info.nick).toBe(buddy.nick.replace(/\u00a0/g, ' '))
    expect(typeof (await client.getLongNick(buddy.uin ?? 0))).toBe('string')
    const self = await client.getSelfInfo()
    expect(self.account).toBe(account.self.qq)
    expect(self.nick).toBe(account.self.nick.replace(/\u00a0/g, ' '))
  })

  it('uin -> QQ number: null once the endpoint is gone (2017 on)', async () => {
    const buddy = sim.account().buddies[0]
    expect(await client.getFriendQQ(buddy.uin ?? 0)).toBeNull()
  })

  it('groups by gid/code, group info by code; a gid gets retcode 6', async () => {
    const groups = await client.getGroups()
    const account = sim.account()
    expect(groups.map((g) => g.name).sort()).toEqual(account.groups.map((g) => g.name.replace(/\u00a0/g, ' ')).sort())
    const g0 = account.groups[0]
    const summary = groups.find((g) => g.gid === g0.gid)
    expect(summary?.code).toBe(g0.code)
    const info = await client.getGroupInfo(g0.code ?? 0)
    expect(info.gid).toBe(g0.gid)
    expect(info.members.length).toBe(g0.memberCount)
    expect(info.membersMissing).toBe(false)
    const err = await protocolError(client.getGroupInfo(g0.gid ?? 0))
    expect(err).toMatchObject({ code: 'retcode', retcode: 6 })
  })

  it('discussions, discussion info with real QQ numbers, recent list, change_status2', async () => {
    const discussions = await client.getDiscussions()
    const account = sim.account()
    expect(discussions.map((d) => d.did).sort()).toEqual(account.discussions.map((d) => d.did).sort())
    const d0 = account.discussions[0]
    const info = await client.getDiscussionInfo(d0.did ?? 0)
    expect(info.name).toBe(d0.name.replace(/\u00a0/g, ' '))
    expect(info.members.map((m) => m.qq).sort()).toEqual(d0.members.map((m) => m.qq).sort())
    expect(Array.isArray(await client.getRecentList())).toBe(true)
    await client.changeStatus('away')
  })

  it('malformed answers of every class become ProtocolError malformed', async () => {
    for (const variant of ['truncated', 'empty', 'html'] as const) {
      sim.injectFault({ type: 'malformed', endpoint: 'get_user_friends2', variant })
      const err = await protocolError(client.getFriends())
      expect(err.code).toBe('malformed')
      expect(err.endpoint).toBe('get_user_friends2')
    }
    sim.injectFault({ type: 'http', endpoint: 'get_group_name_list_mask2', status: 502 })
    expect((await protocolError(client.getGroups())).code).toBe('http')
    sim.injectFault({ type: 'reset', endpoint: 'get_recent_list2' })
    expect((await protocolError(client.getRecentList())).code).toBe('network')
    // The client lives on: the next call works.
    expect((await client.getFriends()).friends.length).toBeGreaterThan(0)
  })
})

describe('2015 era contacts', () => {
  it('uin -> QQ number still answered', async () => {
    const { sim: s, client: c } = await loggedIn({ era: '2015', account: { buddies: 5, groups: 1, discussions: 1 } })
    try {
      const buddy = s.account().buddies[0]
      expect(await c.getFriendQQ(buddy.uin ?? 0)).toBe(buddy.qq)
    } finally {
      await s.close()
    }
  })
})

describe('two logins of one account', () => {
  it('the second kicks the first: a kick event, then session-dead', async () => {
    const { sim: s, client: first } = await loggedIn({ era: '2017' })
    try {
      const second = clientFor(s)
      await login(s, second)
      const outcome = await first.poll()
      expect(outcome.kind === 'events' && outcome.events[0]?.type).toBe('kick')
      expect(await first.poll()).toMatchObject({ kind: 'session-dead' })
      expect((await second.getFriends()).friends.length).toBeGreaterThan(0)
    } finally {
      await s.close()
    }
  })
})

describe('session-level refusals', () => {
  it('minfo lost after some hours: members empty and flagged missing', async () => {
    const { sim: s, client: c } = await loggedIn({ minfoMaxAgeMs: 0, account: { groups: 1 } })
    try {
      const g = s.account().groups[0]
      const info = await c.getGroupInfo(g.code ?? 0)
      expect(info).toMatchObject({ gid: g.gid, members: [], membersMissing: true })
    } finally {
      await s.close()
    }
  })

  it('a session without its cookies gets the seed 1000001 as a typed retcode error', async () => {
    const { sim: s, client: c } = await loggedIn()
    try {
      const saved = JSON.parse(JSON.stringify(await c.exportSession())) as { cookies: { cookies: unknown[] } }
      saved.cookies.cookies = []
      const bare = clientFor(s)
      await bare.importSession(saved)
      expect(await protocolError(bare.getFriends())).toMatchObject({ code: 'retcode', retcode: 1000001 })
    } finally {
      await s.close()
    }
  })
})
