/**
 * One bad element never spoils a poll answer end to end: every good element is stored and emitted
 * (with its kind), each bad one is reported once with its index and without its content.
 */
import { describe, expect, it } from 'vitest'
import { createProtocolClient } from '../../../src/main/protocol'
import { startSimulator } from '../../../src/simulator'
import { json, startHostileProxy } from './hostile-proxy'
import { FAST_SIM, loginByQr, makeEngine, record, sleep, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('a poll answer with bad elements', () => {
  it('keeps A and B around null, impossible times, bad faces and prototype-named poll types', async () => {
    const sim = await startSimulator(FAST_SIM)
    const proxy = await startHostileProxy(sim.url)
    const p = tempProfile()
    const logs: string[] = []
    const engine = makeEngine(sim, p.dir, {
      client: createProtocolClient({ serverUrl: proxy.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000 }),
      log: (m) => logs.push(m)
    })
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => proxy.close(),
      () => engine.stop()
    )
    const rec = record(engine)
    engine.start()
    await loginByQr(sim, rec)
    const acc = await sim.account({ members: false })
    const [b1, b2] = acc.buddies
    const now = Math.floor(Date.now() / 1000)
    const msg = (from: number, msgId: number, text: string, over: Record<string, unknown> = {}) => ({
      from_uin: from,
      to_uin: acc.self.uin,
      msg_id: msgId,
      time: now - 10,
      content: [['font', { name: '宋体' }], text],
      ...over
    })
    const secret = 'words in a bad element'
    proxy.on('/channel/poll2', ({ count }) =>
      count === 0
        ? json({
            retcode: 0,
            result: [
              { poll_type: 'message', value: msg(b1!.uin!, 101, 'A') },
              null,
              { poll_type: 'message', value: { ...msg(b1!.uin!, 102, secret), msg_id: 'x' } },
              { poll_type: 'message', value: msg(b2!.uin!, 103, 'B') },
              { poll_type: 'message', value: msg(b2!.uin!, 104, 'minus one', { time: -1 }) },
              { poll_type: 'message', value: msg(b2!.uin!, 105, 'fraction', { time: 1.5 }) },
              { poll_type: 'message', value: msg(b2!.uin!, 106, 'far future', { time: 1e20 }) },
              { poll_type: 'message', value: msg(b2!.uin!, 107, 'face', { content: [['font', {}], ['face', -1], 'x'] }) },
              { poll_type: 'toString', value: msg(b2!.uin!, 108, 'proto 1') },
              { poll_type: '__proto__', value: msg(b2!.uin!, 109, 'proto 2') }
            ]
          })
        : null
    )
    await rec.next('message', (m) => m.text === '[表情]x', 10_000)
    await sleep(300)
    const messages = rec.of('message')
    expect(messages.map((m) => m.text).sort()).toEqual(['A', 'B', 'far future', 'fraction', 'minus one', '[表情]x'].sort())
    for (const m of messages) expect(m.kind).toBe('buddy')
    for (const m of messages) {
      expect(Number.isSafeInteger(m.time)).toBe(true)
      expect(m.time).toBeGreaterThan(now - 60)
      expect(m.time).toBeLessThan(now + 60)
    }
    // Stored, not only shown.
    expect(engine.history('buddy', b1!.uin!).messages.map((m) => m.text)).toEqual(['A'])
    expect(
      engine
        .history('buddy', b2!.uin!)
        .messages.map((m) => m.text)
        .sort()
    ).toEqual(['B', 'far future', 'fraction', 'minus one', '[表情]x'].sort())
    // Each bad element reported once, by index, never with what it said.
    const reports = logs.filter((l) => /poll element/.test(l))
    expect(reports).toHaveLength(2)
    expect(reports[0]).toMatch(/poll element 1 .*null/)
    expect(reports[1]).toMatch(/poll element 2 .*msg_id/)
    expect(logs.join('\n')).not.toContain(secret)
    expect(logs.filter((l) => /storing .* failed/.test(l))).toEqual([])
  })

  it('a message with an impossible time delivered again a second later is still stored and emitted once', async () => {
    const sim = await startSimulator(FAST_SIM)
    const proxy = await startHostileProxy(sim.url)
    const p = tempProfile()
    const engine = makeEngine(sim, p.dir, { client: createProtocolClient({ serverUrl: proxy.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000 }) })
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => proxy.close(),
      () => engine.stop()
    )
    const rec = record(engine)
    engine.start()
    await loginByQr(sim, rec)
    const acc = await sim.account({ members: false })
    const b = acc.buddies[0]!
    const element = { poll_type: 'message', value: { from_uin: b.uin, to_uin: acc.self.uin, msg_id: 77, time: -1, content: ['twice'] } }
    let deliveries = 0
    let sentAt = 0
    proxy.on('/channel/poll2', () => {
      if (deliveries >= 2) return null
      // The second delivery comes more than a second after the first: another receive-time second.
      if (deliveries === 1 && Date.now() - sentAt < 1100) return json({ retcode: 102, errmsg: '' })
      deliveries++
      sentAt = Date.now()
      return json({ retcode: 0, result: [element] })
    })
    await rec.next('message', (m) => m.text === 'twice')
    for (let i = 0; i < 60 && deliveries < 2; i++) await sleep(100)
    expect(deliveries).toBe(2)
    await sleep(300)
    expect(rec.of('message').filter((m) => m.text === 'twice')).toHaveLength(1)
    expect(engine.history('buddy', b.uin!).messages.filter((m) => m.text === 'twice')).toHaveLength(1)
  })
})
