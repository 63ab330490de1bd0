/**
 * A group whose name holds a NUL, with messages holding NULs (issue 15 row 3): the key is built from
 * the sanitised name (not cut at the NUL), the recent list knows its id, and history, search and
 * export give back every character. Real engine against the simulator on loopback.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('NUL in names and texts', () => {
  it('keys a NUL-named group whole and keeps every character of its messages', async () => {
    const sim = await startSimulator(FAST_SIM)
    const group = sim.account().groups[0]!
    const name = 'before\u0000after group'
    sim.renameGroup(group.number, name)
    const { engine, rec, profile } = await suite.online({ simulator: sim })
    const listed = (await engine.contacts()).groups.find((g) => g.name === name)!
    expect(listed.key).not.toContain('\u0000')
    expect(listed.key).toBe('group:name:before\uFFFDafter group')
    const member = group.members!.find((m) => m.qq !== sim.account().self.qq)!
    const text = 'before\u0000after'
    sim.pushMessage({ kind: 'group', group: group.number, from: member.qq, text })
    await rec.next('message', (m) => m.text === text)

    expect(engine.history('group', listed.gid).messages.map((m) => m.text)).toEqual([text])
    const summary = engine.conversations().find((c) => c.key === listed.key)!
    expect(summary).toMatchObject({ id: listed.gid, title: name, lastPreview: text })
    expect(engine.search('after').messages.map((m) => m.text)).toEqual([text])
    const out = join(profile, 'nul-export.json')
    engine.exportConversation('group', listed.gid, 'json', out)
    expect(readFileSync(out, 'utf8')).toContain('before\\u0000after')
  })
})
