/**
 * The project's own client against every era of the simulator, end to end on one session each:
 * QR login (with the era's ptuiCB form and ptqrtoken rule), contacts, a buddy, group and discussion
 * message received, and a send to each (whatever the era's success form: errCode or retcode).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMsgIdSource, type IncomingMessage, type PollEvent, type ProtocolClient } from '../../../src/main/protocol'
import { ERA_PRESETS } from '../../../src/simulator'
import { ERAS, loggedIn, type Sim } from './sim-helpers'

let sims: Sim[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

const msgId = createMsgIdSource()

async function messagesUntil(client: ProtocolClient, count: number): Promise<IncomingMessage[]> {
  const got: IncomingMessage[] = []
  for (let i = 0; i < 10 && got.length < count; i++) {
    const o = await client.poll()
    if (o.kind === 'events') got.push(...o.events.flatMap((e: PollEvent) => (e.type === 'message' ? [e.message] : [])))
    else expect(o.kind).toBe('empty')
  }
  return got
}

describe('the client in every era', () => {
  it('covers the five eras the simulator knows', () => {
    expect(ERAS).toEqual(['2015', '2016', '2017', '2017-late', '2018'])
  })

  for (const era of ERAS) {
    it(`era ${era}: login, contacts, poll, send`, async () => {
      const { sim, client } = await loggedIn({ era, account: { buddies: 5, groups: 2, discussions: 1, groupMembers: 6 } })
      sims.push(sim)
      const a = sim.account()
      expect(client.credentials?.uin).toBe(a.self.qq)

      const friends = await client.getFriends()
      expect(friends.friends.map((f) => f.uin).sort()).toEqual(a.buddies.map((b) => b.uin).sort())
      const groups = await client.getGroups()
      expect(groups.map((g) => g.gid).sort()).toEqual(a.groups.map((g) => g.gid).sort())
      const discussions = await client.getDiscussions()
      expect(discussions.map((d) => d.did)).toEqual(a.discussions.map((d) => d.did))
      // uin -> QQ number until get_friend_uin2 closed (2017-04): null from then on, not an error.
      const qq = await client.getFriendQQ(a.buddies[0].uin ?? 0)
      expect(qq).toBe(ERA_PRESETS[era].friendUin ? a.buddies[0].qq : null)

      const group = a.groups[0]
      const discussion = a.discussions[0]
      sim.pushMessage({ kind: 'buddy', from: a.buddies[0].qq, text: `buddy ${era}` })
      sim.pushMessage({ kind: 'group', group: group.number, from: group.members?.[1]?.qq, text: `group ${era}` })
      sim.pushMessage({ kind: 'discuss', discuss: discussion.index, from: discussion.members[1].qq, text: `discuss ${era}` })
      const got = await messagesUntil(client, 3)
      expect(got.map((m) => [m.kind, m.fromUin])).toEqual([
        ['buddy', a.buddies[0].uin],
        ['group', group.gid],
        ['discuss', discussion.did]
      ])

      const text = (t: string): [{ type: 'text'; text: string }] => [{ type: 'text', text: t }]
      expect(await client.send({ kind: 'buddy', to: a.buddies[0].uin ?? 0, segments: text('b'), msgId: msgId() })).toEqual({ status: 'sent' })
      expect(await client.send({ kind: 'group', to: group.gid ?? 0, segments: text('g'), msgId: msgId() })).toEqual({ status: 'sent' })
      expect(await client.send({ kind: 'discuss', to: discussion.did ?? 0, segments: text('d'), msgId: msgId() })).toEqual({ status: 'sent' })
      const answers = sim.sent().map((r) => r.answer)
      const form = ERA_PRESETS[era].sendAnswer === 'errCode' ? { errCode: 0, msg: 'send ok' } : { retcode: 0, result: 'ok' }
      expect(answers).toEqual([form, form, form])
      expect(sim.sent().every((r) => r.delivered)).toBe(true)
      // The client broke no rule on the way; the only refusal is the closed endpoint's 404.
      expect(sim.refusals().entries.map((e) => e.rule)).toEqual(ERA_PRESETS[era].friendUin ? [] : ['friend-uin-closed'])
    })
  }
})
