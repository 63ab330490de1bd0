/**
 * Fonts end to end over loopback HTTP: the font I chose goes out in the font element of every send (as
 * the simulator records it, read through GET /__sim/sent), a received message keeps its sender's font in
 * the message event and in the stored history, and the next send reads the setting anew.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_FONT, type MessageFont } from '../../../src/shared/fonts'
import { DEMO_FONTS } from '../../../src/simulator/fonts'
import { useEngineSuite } from './harness'

interface SentFont {
  endpoint: string
  text: string
  font: Record<string, unknown> | null
}

async function sentOverHttp(url: string): Promise<SentFont[]> {
  const res = await fetch(`${url}/__sim/sent`)
  expect(res.status).toBe(200)
  return (await res.json()) as SentFont[]
}

describe('fonts', () => {
  const { online } = useEngineSuite()

  it('sends the chosen font in send_buddy_msg2, send_qun_msg2 and send_discu_msg2, read at each send', async () => {
    let mine: MessageFont = { name: '楷体', size: 12, bold: true, italic: false, underline: true, color: 'c0392b' }
    const { sim, engine, rec } = await online({ engine: { sendFont: () => mine } })
    const acc = sim.account()
    const buddy = { uin: acc.buddies[0]!.uin! }
    const send = async (kind: 'buddy' | 'group' | 'discuss', to: number, ref: string): Promise<void> => {
      engine.send({ kind, to, text: ref, ref })
      await rec.next('outbox', (o) => o.ref === ref && o.state === 'sent', 10_000)
    }
    await send('buddy', buddy.uin, 'f1')
    await send('group', acc.groups[0]!.gid!, 'f2')
    await send('discuss', acc.discussions[0]!.did!, 'f3')
    mine = { ...DEFAULT_FONT, name: 'Arial', italic: true, color: '1f5fbf' }
    await send('buddy', buddy.uin, 'f4')

    const sent = await sentOverHttp(sim.url)
    const chosen = { name: '楷体', size: 12, style: [1, 0, 1], color: 'c0392b' }
    expect(sent.map((s) => [s.endpoint, s.text, s.font])).toEqual([
      ['send_buddy_msg2', 'f1', chosen],
      ['send_qun_msg2', 'f2', chosen],
      ['send_discu_msg2', 'f3', chosen],
      ['send_buddy_msg2', 'f4', { name: 'Arial', size: 10, style: [0, 1, 0], color: '1f5fbf' }]
    ])
    // My own messages keep the font they were sent in, in the stored history too.
    const history = engine.history('buddy', buddy.uin).messages
    expect(history.find((m) => m.text === 'f1')?.font).toEqual({
      ...mine,
      name: '楷体',
      size: 12,
      bold: true,
      italic: false,
      underline: true,
      color: 'c0392b'
    })
    expect(history.find((m) => m.text === 'f4')?.font).toEqual(mine)
  })

  it("keeps a received message's font in the event and in the history", async () => {
    const { sim, engine, rec } = await online()
    const buddy = { uin: sim.account().buddies[0]!.uin! }
    const qq = sim.account().buddies[0]!.qq
    sim.pushMessage({ kind: 'buddy', from: qq, text: 'in colour', font: { name: '微软雅黑', size: 13, style: [0, 1, 0], color: '0066CC' } })
    const msg = await rec.next('message', (m) => m.text === 'in colour')
    const expected: MessageFont = { name: '微软雅黑', size: 13, bold: false, italic: true, underline: false, color: '0066cc' }
    expect(msg.font).toEqual(expected)
    expect(engine.history('buddy', buddy.uin).messages.find((m) => m.text === 'in colour')?.font).toEqual(expected)
  })

  it('gives demo senders their own fonts, the same for every message of one sender', async () => {
    const { sim, rec } = await online()
    const acc = sim.account({ members: true })
    const group = acc.groups[0]!
    const members = group.members!.filter((m) => m.qq !== acc.self.qq).slice(0, 8)
    for (const [i, m] of members.entries()) sim.pushMessage({ kind: 'group', group: group.number, from: m.qq, text: `m${i}` })
    const fonts = []
    for (let i = 0; i < members.length; i++) fonts.push((await rec.next('message', (m) => m.text === `m${i}`)).font)
    const wire = members.map((m) => DEMO_FONTS[m.qq % DEMO_FONTS.length]!)
    expect(fonts.map((f) => f?.color)).toEqual(wire.map((w) => w.color))
    expect(fonts.map((f) => f?.name)).toEqual(wire.map((w) => w.name))
    expect(new Set(fonts.map((f) => JSON.stringify(f))).size).toBeGreaterThan(1)
  })
})
