import { describe, expect, it } from 'vitest'
import { sleep, useEngineSuite, type SimOptions } from './harness'

const suite = useEngineSuite()
const online = (sim?: SimOptions) => suite.online({ sim })

describe('message pipeline', () => {
  it('names senders per the directory rules and resolves unknown group members lazily', async () => {
    const { sim, rec } = await online()
    const acc = await sim.account()
    const buddy = acc.buddies.find((b) => b.markname !== null) ?? acc.buddies[0]!
    await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'hi &amp; you', segments: undefined })
    const m1 = await rec.next('message', (m) => m.kind === 'buddy')
    expect(m1.from).toEqual({ uin: buddy.uin, name: buddy.markname ?? buddy.nick })
    expect(m1.to.uin).toBe(acc.self.uin)

    const group = acc.groups[0]!
    const member = group.members!.find((m) => m.qq !== acc.self.qq)!
    await sim.pushMessage({
      kind: 'group',
      group: group.number,
      from: member.qq,
      segments: [
        { type: 'text', text: 'x' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    const m2 = await rec.next('message', (m) => m.kind === 'group')
    expect(m2.to).toEqual({ uin: group.gid, name: group.name })
    expect(m2.text).toBe('x[微笑]')
    // Members load on demand: the first message may carry a placeholder, then the name is resolved.
    const expected = member.card ?? member.nick
    if (m2.from.name !== expected) {
      const resolved = await rec.next('sender-resolved', (r) => r.uin === member.uin)
      expect(resolved.name).toBe(expected)
    }
    await sim.pushMessage({ kind: 'group', group: group.number, from: member.qq, text: 'again' })
    expect((await rec.next('message', (m) => m.text === 'again')).from.name).toBe(expected)
  })

  it('a duplicated delivery is emitted and stored once, under one stable id', async () => {
    const { sim, engine, rec } = await online()
    const buddy = (await sim.account()).buddies[1]!
    await sim.injectFault({ type: 'duplicate' })
    await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'only once' })
    await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'marker' })
    await rec.next('message', (m) => m.text === 'marker')
    await sleep(300)
    expect(rec.of('message').filter((m) => m.text === 'only once')).toHaveLength(1)
    const page = engine.history('buddy', buddy.uin!, { limit: 10 })
    expect(page.messages.filter((m) => m.text === 'only once')).toHaveLength(1)
  })

  it('drops the echo of our own group send but emits a message sent from another device with self: true', async () => {
    const { sim, engine, rec } = await online()
    const acc = await sim.account()
    const group = acc.groups[0]!
    engine.send({ kind: 'group', to: group.gid!, text: 'from this client', ref: 'g1' })
    await rec.next('outbox', (o) => o.ref === 'g1' && o.state === 'sent')
    await sim.pushMessage({ kind: 'group', group: group.number, self: true, text: 'from my phone' })
    const other = await rec.next('message', (m) => m.text === 'from my phone')
    expect(other.self).toBe(true)
    expect(other.from.uin).toBe(acc.self.uin)
    await sleep(300)
    expect(rec.of('message').filter((m) => m.text === 'from this client')).toHaveLength(0)
    const texts = engine.history('group', group.gid!, { limit: 10 }).messages.map((m) => [m.text, m.self, m.state])
    expect(texts).toEqual([
      ['from my phone', true, null],
      ['from this client', true, 'sent']
    ])
  })

  it('keeps a conversation across a re-login that changes every uin, and counts unread per conversation', async () => {
    const { sim, engine, rec } = await online()
    const acc1 = await sim.account()
    const buddy1 = acc1.buddies[2]!
    const group1 = acc1.groups[1]!
    await sim.pushMessage({ kind: 'buddy', from: buddy1.qq, text: 'first session' })
    await sim.pushMessage({ kind: 'group', group: group1.number, from: group1.members![0]!.qq, text: 'group first' })
    await rec.next('message', (m) => m.text === 'group first')

    const mark = rec.mark()
    await sim.expireSession()
    await rec.next('qr', undefined, 8000, mark)
    await sim.scan({ confirm: true })
    await rec.next('ready', undefined, 8000, mark)
    const acc2 = await sim.account()
    const buddy2 = acc2.buddies.find((b) => b.qq === buddy1.qq)!
    const group2 = acc2.groups.find((g) => g.number === group1.number)!
    expect(buddy2.uin).not.toBe(buddy1.uin)
    await sim.pushMessage({ kind: 'buddy', from: buddy1.qq, text: 'second session' })
    const m = await rec.next('message', (x) => x.text === 'second session')
    expect(m.from.uin).toBe(buddy2.uin)

    const page = engine.history('buddy', buddy2.uin!, { limit: 10 })
    expect(page.messages.map((x) => x.text)).toEqual(['second session', 'first session'])
    // Older messages come back under the conversation's CURRENT id.
    expect(page.messages.every((x) => x.from.uin === buddy2.uin)).toBe(true)
    expect(engine.history('group', group2.gid!, { limit: 10 }).messages.map((x) => [x.text, x.to.uin])).toEqual([['group first', group2.gid]])

    const unread = engine.unread()
    expect(unread.find((u) => u.id === buddy2.uin)?.count).toBe(2)
    engine.markRead('buddy', buddy2.uin!)
    expect(engine.unread().find((u) => u.id === buddy2.uin)).toBeUndefined()
    expect(engine.search('session', null).messages.map((x) => x.text)).toEqual(['second session', 'first session'])
  })

  it('a contact refresh during a message burst does not delay the messages', async () => {
    const { sim, engine, rec } = await online()
    // Make every contact list answer slowly so the refresh is still running while the burst arrives.
    await sim.injectFault({ type: 'slow', endpoint: 'get_user_friends2', bytesPerTick: 16, tickMs: 50, count: -1 })
    const refreshStarted = Date.now()
    let refreshDone = 0
    const refresh = engine.contacts({ refresh: true }).then(() => (refreshDone = Date.now()))
    await sleep(100)
    const mark = rec.mark()
    await sim.burst(200)
    const firstAt = await rec.next('message', undefined, 8000, mark).then(() => Date.now())
    await sim.injectFault({ type: 'clear' })
    await refresh
    expect(refreshDone - refreshStarted).toBeGreaterThan(firstAt - refreshStarted)
    // The whole burst arrived (nothing waited for the refresh to finish): waited for, up to 10 s on a loaded machine.
    const burst = (): number => rec.events.slice(mark).filter((e) => e.name === 'message').length
    for (let i = 0; i < 200 && burst() < 150; i++) await sleep(50)
    expect(burst()).toBeGreaterThanOrEqual(150)
  })
})
