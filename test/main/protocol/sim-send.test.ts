import { afterEach, describe, expect, it } from 'vitest'
import { createMsgIdSource, splitForSending, type IncomingMessage, type ProtocolClient } from '../../../src/main/protocol'
import type { Segment } from '../../../src/shared/domain'
import { ERAS, loggedIn, type Sim } from './sim-helpers'

let sims: Sim[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})
async function session(opts: Parameters<typeof loggedIn>[0] = {}): Promise<{ sim: Sim; client: ProtocolClient }> {
  const r = await loggedIn({ account: { buddies: 4, groups: 2, discussions: 1 }, ...opts })
  sims.push(r.sim)
  return r
}
const msgId = createMsgIdSource()
const text = (t: string): Segment[] => [{ type: 'text', text: t }]

describe('send against the simulator', () => {
  for (const era of ERAS) {
    it(`era ${era}: buddy, group and discussion sends are 'sent' and arrive as sent`, async () => {
      const { sim, client } = await session({ era })
      const a = sim.account()
      const segs: Segment[] = [
        { type: 'text', text: 'hi "there" \\ <x> &amp;\n' },
        { type: 'face', id: 14, name: '微笑' }
      ]
      expect(await client.send({ kind: 'buddy', to: a.buddies[0].uin ?? 0, segments: segs, msgId: msgId() })).toEqual({ status: 'sent' })
      expect(await client.send({ kind: 'group', to: a.groups[0].gid ?? 0, segments: text('群'), msgId: msgId() })).toEqual({ status: 'sent' })
      expect(await client.send({ kind: 'discuss', to: a.discussions[0].did ?? 0, segments: text('讨论'), msgId: msgId() })).toEqual({
        status: 'sent'
      })
      const sent = sim.sent()
      expect(sent.map((r) => r.endpoint)).toEqual(['send_buddy_msg2', 'send_qun_msg2', 'send_discu_msg2'])
      expect(typeof sent[0].rawContent).toBe('string')
      expect(sent[0].segments).toEqual(segs)
    })
  }

  it('server verdicts: 1202 ambiguous, 1000003 rate-limited, 100100 sent, 100001 session-dead', async () => {
    const { sim, client } = await session()
    const to = sim.account().buddies[0].uin ?? 0
    const cases = [
      [1202, { status: 'ambiguous', retcode: 1202 }],
      [1000003, { status: 'rate-limited', retcode: 1000003 }],
      [100100, { status: 'sent' }],
      [100001, { status: 'session-dead', retcode: 100001 }]
    ] as const
    for (const [retcode, outcome] of cases) {
      sim.injectFault({ type: 'send', retcode })
      expect(await client.send({ kind: 'buddy', to, segments: text(`x${retcode}`), msgId: msgId() })).toEqual(outcome)
    }
  })

  it('a group send is echoed back on poll with the own uin as sender', async () => {
    const { sim, client } = await session()
    const group = sim.account().groups[0]
    await client.send({ kind: 'group', to: group.gid ?? 0, segments: text('echo me'), msgId: msgId() })
    let echo: IncomingMessage | undefined
    for (let i = 0; i < 10 && !echo; i++) {
      const o = await client.poll()
      if (o.kind === 'events') echo = o.events.flatMap((e) => (e.type === 'message' ? [e.message] : []))[0]
    }
    expect(echo).toMatchObject({ kind: 'group', fromUin: group.gid, senderUin: client.credentials?.uin })
    expect(echo?.segments).toEqual(text('echo me'))
  })

  it('a long text split for sending arrives whole, part by part', async () => {
    const { sim, client } = await session()
    const long = '长'.repeat(300) + ' ' + 'x'.repeat(400)
    const parts = splitForSending(text(long))
    expect(parts.length).toBeGreaterThan(1)
    for (const segments of parts) {
      const r = await client.send({ kind: 'buddy', to: sim.account().buddies[0].uin ?? 0, segments, msgId: msgId() })
      expect(r.status).toBe('sent')
    }
    expect(
      sim
        .sent()
        .map((r) => r.text)
        .join('')
    ).toBe(long)
    expect(sim.sent().every((r) => r.delivered)).toBe(true)
  })
})
