/**
 * Group and discussion messages that @-mention me (my card in that group, my nick, or everyone) carry
 * `mentionsMe`, live and when read back from the history; my own messages and other names do not.
 */
import { describe, expect, it } from 'vitest'
import { useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('messages that mention me', () => {
  it('are marked live and in the history, by card, nick or @全体成员; others are not', async () => {
    const { sim, engine, rec } = await suite.online()
    const acc = await sim.account()
    const group = acc.groups[0]!
    const me = group.members!.find((m) => m.qq === acc.self.qq)
    const other = group.members!.find((m) => m.qq !== acc.self.qq)!
    const myName = me?.card ?? acc.self.nick
    sim.pushMessage({ kind: 'group', group: group.number, from: other.qq, text: `@${myName} 看一下` })
    sim.pushMessage({ kind: 'group', group: group.number, from: other.qq, text: '@全体成员 明天放假' })
    sim.pushMessage({ kind: 'group', group: group.number, from: other.qq, text: `@${myName}xyz 不是你` })
    sim.pushMessage({ kind: 'group', group: group.number, from: other.qq, text: 'plain words' })
    const byName = await rec.next('message', (m) => m.text.endsWith('看一下'))
    const everyone = await rec.next('message', (m) => m.text.startsWith('@全体成员'))
    const longer = await rec.next('message', (m) => m.text.endsWith('不是你'))
    const plain = await rec.next('message', (m) => m.text === 'plain words')
    expect(byName.mentionsMe).toBe(true)
    expect(everyone.mentionsMe).toBe(true)
    expect(longer.mentionsMe).toBeUndefined()
    expect(plain.mentionsMe).toBeUndefined()

    const stored = engine.history('group', group.gid!, { limit: 10 }).messages
    expect(
      stored
        .filter((m) => m.mentionsMe)
        .map((m) => m.text)
        .sort()
    ).toEqual([byName.text, everyone.text].sort())
  })

  it('by my nick in a discussion', async () => {
    const { sim, rec } = await suite.online()
    const acc = await sim.account()
    const d = acc.discussions[0]!
    const member = d.members.find((m) => m.qq !== acc.self.qq)!
    sim.pushMessage({ kind: 'discuss', discuss: d.index, from: member.qq, text: `@${acc.self.nick} hi` })
    expect((await rec.next('message', (m) => m.text.endsWith(' hi'))).mentionsMe).toBe(true)
  })
})
