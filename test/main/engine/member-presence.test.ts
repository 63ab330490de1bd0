/**
 * One presence per person: a group's member list shows a buddy with the buddy's live status (the same
 * as the contacts, even after a change pushed since the list was fetched) and the account with the
 * status it set, not the snapshot of the group's stats.
 */
import { describe, expect, it } from 'vitest'
import { useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('member presence', () => {
  it('members follow buddy presence changes and the account’s own status', async () => {
    const { sim, engine, rec } = await suite.online()
    const account = sim.account({ members: true })
    const group = account.groups.find((g) => g.members?.some((m) => account.buddies.some((b) => b.qq === m.qq)))!
    const buddy = account.buddies.find((b) => group.members!.some((m) => m.qq === b.qq))!
    const gid = group.gid!
    await engine.members('group', gid)

    const next = buddy.status === 'busy' ? 'away' : 'busy'
    sim.pushStatus(buddy.qq, next)
    await rec.next('presence', (p) => p.uin === buddy.uin && p.status === next)
    await engine.setStatus('away')

    const members = await engine.members('group', gid)
    expect(members.find((m) => m.uin === buddy.uin)!.status).toBe(next)
    expect((await engine.contacts()).buddies.find((b) => b.uin === buddy.uin)!.status).toBe(next)
    expect(members.find((m) => m.uin === account.self.uin)!.status).toBe('away')
  })
})
