import { describe, expect, it } from 'vitest'
import { EngineCommandError } from '../../../src/main/engine'
import { Account } from '../../../src/simulator/account'
import { createProtocolClient } from '../../../src/main/protocol'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, useEngineSuite, type SimOptions } from './harness'

const suite = useEngineSuite()
const SIZES = { buddies: 12, groups: 20, discussions: 2, groupMembers: 8, categories: 4 }
const SIM: SimOptions = { ...FAST_SIM, seed: 42, account: SIZES }
/** The simulator's own account for the same seed: what the server holds, to compare the client's reading with. */
const truth = new Account(42, SIZES)
/** WebQQ sent no-break spaces inside names; the client shows them as plain spaces. */
const n = (s: string): string => s.replace(/\u00a0/g, ' ')
const nn = (s: string | null): string | null => (s === null ? null : n(s))

describe('engine profiles, signatures, presence and the conversation list', () => {
  it('reads VIP levels and every presence value from the friend and online lists', async () => {
    const { engine } = await suite.online({ sim: SIM })
    const { buddies } = await engine.contacts()
    for (const b of truth.buddies) {
      const dto = buddies.find((x) => x.nick === n(b.nick) && x.markname === nn(b.markname))!
      expect(dto.vipLevel).toBe(b.vipLevel)
      // hidden buddies are not in the online list: the client sees them offline, as SmartQQ intended.
      expect(dto.status).toBe(b.status === 'hidden' ? 'offline' : b.status)
    }
    expect(new Set(buddies.map((b) => b.status)).size).toBeGreaterThan(2)
    expect(buddies.some((b) => b.vipLevel > 0)).toBe(true)
  })

  it('answers a buddy profile from get_friend_info2 with the signature, and caches it', async () => {
    const { engine, sim } = await suite.online({ sim: SIM })
    const { buddies } = await engine.contacts()
    const source = truth.buddies.find((b) => b.province !== '')!
    const buddy = buddies.find((x) => x.nick === n(source.nick))!
    const profile = await engine.profile('buddy', buddy.uin)
    expect(profile).toMatchObject({
      kind: 'buddy',
      id: buddy.uin,
      key: buddy.key,
      nick: n(source.nick),
      markname: nn(source.markname),
      category: buddy.category,
      vipLevel: source.vipLevel,
      signature: n(source.lnick).trim() || null,
      gender: source.gender === 'unknown' ? null : source.gender,
      birthday: source.birthday,
      province: source.province,
      city: source.city || null,
      country: '中国',
      occupation: null,
      email: null
    })
    const asked = (): number => sim.state().requests['get_friend_info2'] ?? 0
    const before = asked()
    await engine.profile('buddy', buddy.uin)
    expect(asked()).toBe(before)
  })

  it('fetches signatures a few at a time, once per buddy, and caps one call at 60', async () => {
    let running = 0
    let maxConcurrent = 0
    const sim = await startSimulator(SIM)
    // The real client, with the long-nick requests in flight counted.
    const inner = createProtocolClient({ serverUrl: sim.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000 })
    const client = new Proxy(inner, {
      get(target, prop) {
        if (prop !== 'getLongNick') return Reflect.get(target, prop) as unknown
        return async (uin: number, signal?: AbortSignal) => {
          maxConcurrent = Math.max(maxConcurrent, ++running)
          try {
            return await target.getLongNick(uin, signal)
          } finally {
            running--
          }
        }
      }
    })
    const { engine } = await suite.online({ simulator: sim, engine: { client } })
    const { buddies } = await engine.contacts()
    const uins = buddies.map((b) => b.uin)
    const [first] = await Promise.all([engine.signatures(uins), engine.signatures(uins.slice().reverse())])
    expect(Object.keys(first)).toHaveLength(buddies.length)
    for (const b of buddies) {
      const source = truth.buddies.find((x) => n(x.nick) === b.nick && nn(x.markname) === b.markname)!
      expect(first[b.uin]).toBe(n(source.lnick).trim())
    }
    const calls = (): number => sim.state().requests['get_single_long_nick2'] ?? 0
    const after = calls()
    expect(after).toBe(buddies.length)
    expect(await engine.signatures(uins.slice(0, 3))).toEqual(Object.fromEntries(uins.slice(0, 3).map((u) => [u, first[u]])))
    expect(calls()).toBe(after)
    // Overlapping calls share one limit: never more than 3 long-nick requests at the server at once.
    expect(maxConcurrent).toBeLessThanOrEqual(3)
    expect(maxConcurrent).toBeGreaterThan(0)
    // Unknown uins are ignored, not fetched.
    expect(await engine.signatures([123_456_789])).toEqual({})
    expect(calls()).toBe(after)
  })

  it('gives groups their announcement, owner, member count and creation time, and members their presence and role', async () => {
    const { engine } = await suite.online({ sim: SIM })
    const { groups, buddies } = await engine.contacts()
    const source = truth.groups.find((g) => truth.groups.filter((x) => x.name === g.name).length === 1)!
    const group = groups.find((g) => g.name === n(source.name))!
    const profile = await engine.profile('group', group.gid)
    const members = truth.members(source)
    expect(profile).toMatchObject({
      kind: 'group',
      id: group.gid,
      name: n(source.name),
      memo: n(source.memo) || null,
      memberCount: members.length,
      createTime: source.createtime
    })
    const dtos = await engine.members('group', group.gid)
    const owner = dtos.find((m) => m.role === 'owner')!
    expect(owner.nick).toBe(n(members[0]!.nick))
    expect(profile.kind === 'group' && profile.owner).toEqual({ uin: owner.uin, name: owner.name })
    const statusOf: Record<number, string> = { 10: 'online', 20: 'offline', 30: 'away', 50: 'busy' }
    // The group's stats, except where something fresher says otherwise: a buddy's live presence (the
    // same as in the contacts), the account's own status.
    const buddyStatus = new Map(buddies.map((b) => [b.uin, b.status]))
    for (const m of members) {
      const dto = dtos.find((d) => d.nick === n(m.nick) && d.card === nn(m.card))!
      const expected = dto.uin === engine.self?.uin ? 'online' : (buddyStatus.get(dto.uin) ?? statusOf[m.stat])
      expect(dto.status).toBe(expected)
      expect(dto.role).toBe(m === members[0] ? 'owner' : (m.mflag & 1) === 1 ? 'admin' : null)
    }
  })

  it('tells same-name groups apart by their own data (distinct keys, each with its own members)', async () => {
    const { engine } = await suite.online({ sim: SIM })
    const { groups } = await engine.contacts()
    const names = groups.map((g) => g.name)
    const twin = names.find((n, i) => names.indexOf(n) !== i)!
    expect(twin).toBeDefined()
    const pair = groups.filter((g) => g.name === twin)
    expect(new Set(pair.map((g) => g.key)).size).toBe(pair.length)
    const profiles = await Promise.all(pair.map((g) => engine.profile('group', g.gid)))
    const owners = await Promise.all(pair.map(async (g) => (await engine.members('group', g.gid)).find((m) => m.role === 'owner')!.nick))
    const truthPair = truth.groups.filter((g) => n(g.name) === twin)
    expect(owners.sort()).toEqual(truthPair.map((g) => n(truth.members(g)[0]!.nick)).sort())
    expect(profiles.map((p) => (p.kind === 'group' ? p.memberCount : null)).sort()).toEqual(truthPair.map((g) => truth.members(g).length).sort())
  })

  it('answers a discussion profile with its members, and refuses unknown ids clearly', async () => {
    const { engine } = await suite.online({ sim: SIM })
    const { discussions } = await engine.contacts()
    const d = discussions[0]!
    const profile = await engine.profile('discuss', d.did)
    expect(profile.kind).toBe('discuss')
    expect(profile.kind === 'discuss' && profile.members.map((m) => m.nick).sort()).toEqual(
      truth
        .discussMembers(truth.discussions[0]!)
        .map((p) => n(p.nick))
        .sort()
    )
    await expect(engine.profile('group', 999_999_999)).rejects.toThrow(EngineCommandError)
    await expect(engine.profile('buddy', 999_999_999)).rejects.toThrow(/unknown buddy/)
  })

  it('lists stored conversations with their last message, sender and unread count, newest first', async () => {
    const { engine, sim, rec } = await suite.online({ sim: SIM })
    const acc = sim.account({ members: true })
    const buddy = acc.buddies[0]!
    const group = acc.groups[1]!
    const speaker = group.members![2]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '早上好' })
    await rec.next('message', (m) => m.kind === 'buddy')
    sim.pushMessage({ kind: 'group', group: group.number, from: speaker.qq, text: '开会了[微笑]' })
    const gm = await rec.next('message', (m) => m.kind === 'group')
    const list = engine.conversations()
    expect(list[0]).toMatchObject({ kind: 'group', id: gm.conversationId, lastPreview: gm.text, lastSender: gm.from.name, unread: 1 })
    expect(list[1]).toMatchObject({ kind: 'buddy', id: buddy.uin, lastPreview: '早上好', unread: 1 })
    expect(list[0]!.lastTime).toBe(gm.time)
    engine.markRead('buddy', buddy.uin!)
    expect(engine.conversations().find((c) => c.kind === 'buddy')!.unread).toBe(0)
  })
})
