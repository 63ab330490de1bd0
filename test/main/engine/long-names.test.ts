import { describe, expect, it } from 'vitest'
import { buddyKey, groupKey, keyPart, nickSenderKey, MAX_NAME_IN_KEY } from '../../../src/main/engine/identity'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('names in keys', () => {
  it('keeps real names readable and makes any name a bounded key, one per name', () => {
    expect(groupKey('吃瓜群', 7, false)).toBe('group:name:吃瓜群')
    expect(keyPart('x'.repeat(MAX_NAME_IN_KEY))).toBe('x'.repeat(MAX_NAME_IN_KEY))
    const long = '很长的群名'.repeat(120)
    const key = groupKey(long, 7, false)
    expect(key.length).toBeLessThanOrEqual(100)
    expect(key.startsWith('group:name:很长的群名')).toBe(true)
    expect(groupKey(long + '!', 7, false)).not.toBe(key)
    expect(groupKey(long, 7, false)).toBe(key)
    expect(buddyKey(null, 'c'.repeat(600), null, 'n'.repeat(600)).length).toBeLessThan(200)
    expect(nickSenderKey('😀'.repeat(700)).length).toBeLessThan(100)
  })

  it('stores and shows the messages of a group with a 600-character name', async () => {
    const sim = await startSimulator(FAST_SIM)
    const group = sim.account().groups[0]!
    const name = '群'.repeat(600)
    sim.renameGroup(group.number, name)
    const { engine, rec } = await suite.online({ simulator: sim })
    const listed = (await engine.contacts()).groups.find((g) => g.name === name)!
    expect(listed.key.length).toBeLessThanOrEqual(512)
    const member = group.members!.find((m) => m.qq !== sim.account().self.qq)!
    sim.pushMessage({ kind: 'group', group: group.number, from: member.qq, text: 'in the long-named group' })
    await rec.next('message', (m) => m.text === 'in the long-named group')
    expect(engine.history('group', listed.gid).messages.map((m) => m.text)).toEqual(['in the long-named group'])
    expect(engine.storage.ok).toBe(true)
  })
})
