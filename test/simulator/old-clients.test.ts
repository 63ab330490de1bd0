/**
 * The three open-source SmartQQ clients of issue #10, emulated request for request from their source
 * (see old-clients/*.ts), against the simulator in every era each was written for: log in, load the
 * contacts, receive a buddy, a group and a discussion message, answer each, and the answer arrives.
 * Each of these failed on the simulator before the fidelity fixes (space-joined Set-Cookie parsing,
 * POST get_discus_list, following check_sig's redirect, the 2016 ptuiCB form, both send answers).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Era, type Simulator } from '../../src/simulator/index'
import { PandoliaClient } from './old-clients/pandolia'
import { cookieModuleParse, RebownClient } from './old-clients/rebown'
import { ScienJusClient, uriExtractFirst } from './old-clients/scienjus'
import { received, type Received } from './old-clients/wire'

let sim: Simulator
afterEach(async () => sim?.close())

async function start(era: Era): Promise<Simulator> {
  sim = await startSimulator({
    era,
    seed: 11,
    pollHoldMs: 200,
    // The bots answer at once; the 1202 rule has its own tests (send.test.ts).
    sendIntervalMs: 0,
    account: { buddies: 6, groups: 2, discussions: 2, groupMembers: 8 }
  })
  return sim
}

type Kind = 'buddy' | 'group' | 'discuss'

/** Pushes one message of `kind` from a contact and returns what the sim expects the bot to see. */
function push(kind: Kind, text: string): { fromUin: number; pollType: string } {
  const a = sim.account()
  if (kind === 'buddy') {
    sim.pushMessage({ kind: 'buddy', from: a.buddies[1]!.qq, text })
    return { fromUin: a.buddies[1]!.uin!, pollType: 'message' }
  }
  if (kind === 'group') {
    const g = a.groups[0]!
    sim.pushMessage({ kind: 'group', group: g.number, from: g.members![1]!.qq, text })
    return { fromUin: g.gid!, pollType: 'group_message' }
  }
  const d = a.discussions[0]!
  sim.pushMessage({ kind: 'discuss', discuss: d.index, from: d.members[1]!.qq, text })
  return { fromUin: d.did!, pollType: 'discu_message' }
}

type Element = Parameters<typeof received>[0]

/**
 * Polls (as the bot does) until the pushed message arrives, skipping the echoes of the bot's own
 * group and discussion answers (send_uin = self uin), which real servers sent too.
 */
async function nextMessage(poll: () => Promise<Element[] | null>): Promise<Received> {
  const self = sim.account().self.uin
  for (let i = 0; i < 4; i++) {
    const elements = (await poll()) ?? []
    const found = elements.map(received).find((m) => m.sendUin !== self)
    if (found) return found
  }
  throw new Error('the pushed message never arrived')
}

/** The last send arrived where the bot aimed it, with its text. */
function expectDelivered(text: string, target: number): void {
  const last = sim.sent().at(-1)!
  expect(last).toMatchObject({ target, text, delivered: true })
}

describe('qq-bot-rebown (Node, 2017-05..2018-05)', () => {
  it('its space-joined Set-Cookie parsing gets every ptlogin cookie', () => {
    const lines = ['uin=o0123; PATH=/; DOMAIN=qq.com;', 'skey=@abc; PATH=/; DOMAIN=qq.com;']
    expect(cookieModuleParse(lines.join(' '))).toMatchObject({ uin: 'o0123', skey: '@abc' })
    // The simulator's old form swallowed every cookie after the first.
    expect(cookieModuleParse(['uin=o0123; Path=/', 'skey=@abc; Path=/'].join(' '))).not.toHaveProperty('skey')
  })

  for (const era of ['2017', '2017-late', '2018'] as const)
    it(`era ${era}: logs in, loads contacts (POST get_discus_list), receives and answers`, async () => {
      await start(era)
      const c = new RebownClient(sim.url)
      await c.webLogin(await c.qrLogin(() => sim.scan()))
      for (const name of ['uin', 'skey', 'p_skey', 'p_uin', 'ptwebqq', 'pt4_token', 'supertoken']) expect(c.cookie[name], name).toBeTruthy()
      const all = await c.loadAll()
      for (const [what, answer] of Object.entries(all)) expect(answer.retcode, what).toBe(0)
      const a = sim.account()
      expect(all.buddy.result.info).toHaveLength(a.buddies.length)
      expect(all.group.result.gnamelist).toHaveLength(a.groups.length)
      expect(all.discu.result.dnamelist).toHaveLength(a.discussions.length)
      expect(sim.state().methodMismatches).toEqual({ 'POST get_discus_list': 1 })

      const type = { buddy: 'buddy', group: 'group', discuss: 'discu' } as const
      for (const kind of ['buddy', 'group', 'discuss'] as const) {
        const want = push(kind, `hello ${kind}`)
        const got = await nextMessage(async () => {
          const p = await c.poll()
          expect(p.status).toBe(200)
          return (JSON.parse(p.body) as { result?: Element[] }).result ?? null
        })
        expect(got).toMatchObject({ ...want, text: `hello ${kind}` })
        const ok = await c.sendMsg(type[kind], got.fromUin, `re: ${kind}`)
        expectDelivered(`re: ${kind}`, want.fromUin)
        // Its only success test is `retcode === 0`: true from the 2017-09 switch on.
        expect(ok).toBe(era !== '2017')
      }
      expect(sim.refusals().entries).toEqual([])
    })
})

describe('pandolia/qqbot (Python, 2016-07..2018)', () => {
  for (const era of ['2016', '2017', '2017-late', '2018'] as const)
    it(`era ${era}: reads the 0/67 ptuiCB text, follows check_sig's redirect, loads contacts, answers`, async () => {
      await start(era)
      const c = new PandoliaClient(sim.url)
      await c.login(() => sim.scan())
      expect(c.nick).toBe(sim.account().self.nick)
      expect(c.qq).toBe(String(sim.account().self.qq))
      // requests followed the 302 to the simulator's own proxy page.
      const proxy = c.finalUrls.find((u) => u.includes('/proxy.html'))
      expect(proxy).toBe(`${sim.url}/proxy.html?login2qq=1&webqq_type=10`)
      const all = await c.fetchAll()
      const a = sim.account()
      expect(all.buddies.info).toHaveLength(a.buddies.length)
      expect(all.groups.gnamelist).toHaveLength(a.groups.length)
      expect(all.discusses.dnamelist).toHaveLength(a.discussions.length)
      expect(all.members.minfo.length).toBeGreaterThan(0)
      expect(all.discussMembers.mem_info.length).toBeGreaterThan(0)

      for (const kind of ['buddy', 'group', 'discuss'] as const) {
        const want = push(kind, `ni hao ${kind}`)
        // It reads only the first element of an answer.
        const got = await nextMessage(async () => {
          const result = await c.poll()
          return result === 'timeout' ? null : [result[0] as Element]
        })
        expect(got).toMatchObject({ ...want, text: `ni hao ${kind}` })
        await c.send(kind, got.fromUin, `re: ${kind}`)
        expectDelivered(`re: ${kind}`, want.fromUin)
        // It polls on at once, so the echo of a group or discussion answer comes alone.
        if (kind !== 'buddy') {
          const echo = await c.poll()
          expect(echo === 'timeout' ? null : received(echo[0] as Element)).toMatchObject({
            sendUin: sim.account().self.uin,
            text: `re: ${kind}`
          })
        }
      }
      // Its start-up ptqrlogin with a planted qrsig is refused (65), and the log says why.
      expect(sim.refusals().entries.map((e) => e.rule)).toEqual(['qrsig-stale'])
    })

  it('with a hosts file instead (real host names, DOMAIN=qq.com cookies): logs in, loads, answers', async () => {
    await start('2018')
    const c = new PandoliaClient(sim.url, true)
    await c.login(() => sim.scan())
    const port = new URL(sim.url).port
    expect(c.finalUrls).toContain(`http://ptlogin4.web2.qq.com:${port}/proxy.html?login2qq=1&webqq_type=10`)
    const cookies = await c.jar.getCookies(`http://s.web2.qq.com:${port}/`)
    expect(cookies.find((k) => k.key === 'p_skey')?.domain).toBe('qq.com')
    const all = await c.fetchAll()
    expect(all.discusses.dnamelist).toHaveLength(sim.account().discussions.length)
    const want = push('buddy', 'via hosts')
    const got = await nextMessage(async () => {
      const result = await c.poll()
      return result === 'timeout' ? null : [result[0] as Element]
    })
    expect(got).toMatchObject({ ...want, text: 'via hosts' })
    await c.send('buddy', got.fromUin, 're: hosts')
    expectDelivered('re: hosts', want.fromUin)
  })

  it('era 2015: the seed form has no 登录成功, so it cannot log in (as the issue found)', async () => {
    await start('2015')
    const c = new PandoliaClient(sim.url)
    await expect(c.login(() => sim.scan())).rejects.toThrow(/never logged in|出错/)
  })
})

describe('ScienJus/qqbot (Ruby, 2015-2017)', () => {
  it('URI.extract takes the check_sig URL out of either ptuiCB form', () => {
    const url = 'http://127.0.0.1:1/check_sig?pttype=1&ptsigx=ab'
    expect(uriExtractFirst(`ptuiCB('66','0','','0','${url}','');`)).toMatch(/^http:\/\/127\.0\.0\.1:1\/check_sig\?pttype=1&ptsigx=ab/)
    expect(uriExtractFirst(`ptuiCB('0','0','${url}','0','登录成功！', 'x');`)).toMatch(/ptsigx=ab/)
  })

  /** Logs in, loads everything, and answers a buddy, a group and a discussion message. */
  async function fullRun(): Promise<void> {
    const c = new ScienJusClient(sim.url)
    await c.login(() => sim.scan())
    const all = await c.loadAll()
    const a = sim.account()
    expect(all.friends.info).toHaveLength(a.buddies.length)
    expect(all.groups.gnamelist).toHaveLength(a.groups.length)
    expect(all.discusses.dnamelist).toHaveLength(a.discussions.length)
    expect(all.account.account).toBe(a.self.qq)
    expect(all.recent.length).toBeGreaterThan(0)
    expect(all.groupInfo.minfo.length).toBeGreaterThan(0)

    const kinds = { buddy: 'friend', group: 'group', discuss: 'discuss' } as const
    for (const kind of ['buddy', 'group', 'discuss'] as const) {
      const want = push(kind, `hi ${kind}`)
      const got = await nextMessage(() => c.poll())
      expect(got).toMatchObject({ ...want, text: `hi ${kind}` })
      expect(await c.send(kinds[kind], got.fromUin, `re: ${kind}`)).toBe(true)
      expectDelivered(`re: ${kind}`, want.fromUin)
    }
  }

  it('era 2015: ptqrtoken (ignored), no get_online_buddies2, errCode sends: logs in, loads, answers', async () => {
    await start('2015')
    await fullRun()
  })

  it('era 2016 on an account the server did not gate (registerOnOnlineBuddies off): logs in, loads, answers', async () => {
    sim = await startSimulator({
      era: '2016',
      seed: 11,
      pollHoldMs: 200,
      sendIntervalMs: 0,
      registerOnOnlineBuddies: false,
      account: { buddies: 6, groups: 2, discussions: 2, groupMembers: 8 }
    })
    await fullRun()
  })

  for (const era of ['2016', '2017'] as const)
    it(`era ${era}: logs in (ptqrtoken), but never calls get_online_buddies2, so poll answers 103 (ScienJus/qqbot #3, 2016-04-30)`, async () => {
      await start(era)
      const c = new ScienJusClient(sim.url)
      await c.login(() => sim.scan())
      expect(await c.poll()).toBeNull()
      const refusals = sim.refusals().entries
      expect(refusals.map((e) => e.rule)).toEqual(['not-registered'])
      expect(refusals[0]!.detail).toMatch(/get_online_buddies2/)
    })
})
