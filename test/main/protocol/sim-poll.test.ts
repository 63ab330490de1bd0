import { afterEach, describe, expect, it } from 'vitest'
import type { IncomingMessage, PollEvent, ProtocolClient } from '../../../src/main/protocol'
import { ERAS, loggedIn, protocolError, type Sim } from './sim-helpers'

let sims: Sim[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})
async function session(opts: Parameters<typeof loggedIn>[0] = {}): Promise<{ sim: Sim; client: ProtocolClient }> {
  const r = await loggedIn(opts)
  sims.push(r.sim)
  return r
}

/** Polls until an events answer arrives (empty answers in between are fine). */
async function nextEvents(client: ProtocolClient, tries = 10): Promise<PollEvent[]> {
  for (let i = 0; i < tries; i++) {
    const o = await client.poll()
    if (o.kind === 'events') return o.events
    expect(o.kind).toBe('empty')
  }
  throw new Error('no events')
}
const messages = (events: PollEvent[]): IncomingMessage[] => events.flatMap((e) => (e.type === 'message' ? [e.message] : []))

describe('poll against the simulator', () => {
  for (const era of ERAS) {
    it(`era ${era}: an empty hold is 'empty', not an error`, async () => {
      const { client } = await session({ era })
      expect(await client.poll()).toEqual({ kind: 'empty' })
    })
  }

  it('the 100012 and 2018 empty forms and benign retcodes are empty', async () => {
    const { sim, client } = await session()
    sim.injectFault({ type: 'empty', endpoint: 'poll2', form: '100012' })
    expect(await client.poll()).toEqual({ kind: 'empty' })
    sim.injectFault({ type: 'empty', endpoint: 'poll2', form: '2018' })
    expect(await client.poll()).toEqual({ kind: 'empty' })
    for (const retcode of [102, 109, 110, 1202, -1]) {
      sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode })
      expect(await client.poll()).toEqual({ kind: 'empty' })
    }
  })

  it('buddy, group and discussion messages decode with sender, ids and segments', async () => {
    const { sim, client } = await session({ account: { buddies: 5, groups: 2, discussions: 1 } })
    const account = sim.account({ members: true })
    const buddy = account.buddies[0]
    sim.pushMessage({
      kind: 'buddy',
      from: buddy.qq,
      segments: [
        { type: 'text', text: 'a <b> & "c"\nd' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    const [m] = messages(await nextEvents(client))
    expect(m).toMatchObject({ kind: 'buddy', fromUin: buddy.uin, senderUin: buddy.uin })
    expect(m.segments).toEqual([
      { type: 'text', text: 'a <b> & "c"\nd' },
      { type: 'face', id: 14, name: '微笑' }
    ])

    const group = account.groups[0]
    const member = group.members?.[1] ?? group.members?.[0]
    sim.pushMessage({ kind: 'group', group: group.number, from: member?.qq, text: '群消息' })
    const [g] = messages(await nextEvents(client))
    expect(g).toMatchObject({ kind: 'group', fromUin: group.gid, senderUin: member?.uin })
    expect(g.segments).toEqual([{ type: 'text', text: '群消息' }])

    const d = account.discussions[0]
    sim.pushMessage({ kind: 'discuss', discuss: d.index, text: '讨论' })
    const [dm] = messages(await nextEvents(client))
    expect(dm).toMatchObject({ kind: 'discuss', fromUin: d.did })
  })

  it('status changes and bursts of several messages in one answer lose nothing', async () => {
    const { sim, client } = await session({ account: { buddies: 5 } })
    const buddy = sim.account().buddies[1]
    sim.pushStatus(buddy.qq, 'busy')
    const events = await nextEvents(client)
    expect(events).toContainEqual({ type: 'status', uin: buddy.uin, status: 'busy', clientType: expect.any(Number) as number })
    sim.burst(20)
    let got = 0
    for (let i = 0; i < 30 && got < 20; i++) {
      const o = await client.poll()
      if (o.kind === 'events') got += messages(o.events).length
    }
    expect(got).toBe(20)
  })

  it('a duplicated delivery is visible as two events with the same msg_id', async () => {
    const { sim, client } = await session({ account: { buddies: 3 } })
    sim.injectFault({ type: 'duplicate' })
    sim.pushMessage({ kind: 'buddy', from: sim.account().buddies[0].qq, text: 'twice' })
    const ids: number[] = []
    for (let i = 0; i < 10 && ids.length < 2; i++) {
      const o = await client.poll()
      if (o.kind === 'events') ids.push(...messages(o.events).map((m) => m.msgId))
    }
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(ids[1])
  })

  it('116: the new ptwebqq is adopted and the next calls (poll, hash-protected lists) use it', async () => {
    const { sim, client } = await session()
    const before = client.credentials?.ptwebqq
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 116 })
    expect(await client.poll()).toEqual({ kind: 'ptwebqq-rotated' })
    expect(client.credentials?.ptwebqq).not.toBe(before)
    expect(await client.poll()).toEqual({ kind: 'empty' })
    expect((await client.getFriends()).friends.length).toBeGreaterThan(0)
  })

  it('120/121 ask for a relink; after relink() polls work again', async () => {
    const { sim, client } = await session()
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 121 })
    expect(await client.poll()).toEqual({ kind: 'relink' })
    await client.relink()
    expect(await client.poll()).toEqual({ kind: 'empty' })
  })

  it('103 is not-registered; 100000/100001 and an expired session are session-dead', async () => {
    const { sim, client } = await session()
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 103 })
    expect(await client.poll()).toEqual({ kind: 'not-registered' })
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 100000 })
    expect(await client.poll()).toEqual({ kind: 'session-dead', retcode: 100000 })
    sim.expireSession()
    expect(await client.poll()).toMatchObject({ kind: 'session-dead' })
  })

  it('a kick arrives as a kick event', async () => {
    const { sim, client } = await session()
    sim.kick()
    const events = await nextEvents(client)
    expect(events.some((e) => e.type === 'kick' && e.reason.length > 0)).toBe(true)
  })

  it('transport and body failures on poll are typed errors the loop can back off from', async () => {
    // 2018: the empty answer is a 200 JSON body, so a broken body is not hidden behind a 504 status.
    const { sim, client } = await session({ era: '2018' })
    sim.injectFault({ type: 'http', endpoint: 'poll2', status: 502 })
    expect(await protocolError(client.poll())).toMatchObject({ code: 'http', httpStatus: 502 })
    sim.injectFault({ type: 'http', endpoint: 'poll2', status: 504 })
    expect(await client.poll()).toEqual({ kind: 'empty' })
    for (const variant of ['truncated', 'empty', 'html'] as const) {
      sim.injectFault({ type: 'malformed', endpoint: 'poll2', variant })
      expect((await protocolError(client.poll())).code).toBe('malformed')
    }
    sim.injectFault({ type: 'reset', endpoint: 'poll2' })
    expect((await protocolError(client.poll())).code).toBe('network')
    sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 4242 })
    expect(await protocolError(client.poll())).toMatchObject({ code: 'retcode', retcode: 4242 })
    expect(await client.poll()).toEqual({ kind: 'empty' })
  })
})
