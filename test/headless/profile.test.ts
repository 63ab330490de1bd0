import { describe, expect, it } from 'vitest'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

describe('headless profile (and members with presence and role)', () => {
  it('answers buddy, group and discussion cards by id or key, members with status and role, and an error for an unknown target', async () => {
    const { sim, child } = await suite.online()
    const acc = sim.account({ members: true })
    /** The next answer of this type after everything seen so far. */
    const answer = (type: string): Promise<Record<string, unknown>> => {
      const from = child.lines.length
      return child.next((l) => l.type === type, 10_000, from)
    }
    const buddy = acc.buddies[0]!
    const group = acc.groups[0]!

    let next = answer('profile')
    child.send({ cmd: 'profile', kind: 'buddy', id: buddy.uin })
    const b = (await next).profile as Record<string, unknown>
    expect(b).toMatchObject({ kind: 'buddy', id: buddy.uin, nick: buddy.nick.replace(/\u00a0/g, ' ') })
    expect(Object.keys(b)).toEqual(expect.arrayContaining(['signature', 'gender', 'birthday', 'city', 'qq', 'category', 'vipLevel']))

    next = answer('profile')
    child.send({ cmd: 'profile', kind: 'group', id: group.gid })
    const g = (await next).profile as Record<string, unknown>
    expect(g).toMatchObject({ kind: 'group', id: group.gid, memberCount: group.memberCount })
    next = answer('profile')
    child.send({ cmd: 'profile', key: g.key })
    expect((await next).profile).toEqual(g)

    next = answer('members')
    child.send({ cmd: 'members', kind: 'group', id: group.gid })
    const members = (await next).members as Array<{ role: string | null; status: string }>
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1)
    expect(members.every((m) => typeof m.status === 'string')).toBe(true)

    next = answer('profile')
    child.send({ cmd: 'profile', kind: 'discuss', id: acc.discussions[0]!.did })
    const d = (await next).profile as { kind: string; members: unknown[] }
    expect(d.kind).toBe('discuss')
    expect(d.members.length).toBe(acc.discussions[0]!.members.length)

    next = answer('error')
    child.send({ cmd: 'profile', kind: 'group', id: 999_999 })
    expect(await next).toMatchObject({ cmd: 'profile', code: 'unknown-conversation' })
    next = answer('error')
    child.send({ cmd: 'profile' })
    expect((await next).message).toMatch(/invalid command/)
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  }, 40_000)
})
