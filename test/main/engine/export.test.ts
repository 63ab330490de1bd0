import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EngineCommandError } from '../../../src/main/engine'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, makeEngine, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('engine.exportConversation', () => {
  it('writes TXT and JSON owner-only files of a conversation, and refuses unknown ones and bad paths clearly', async () => {
    const { sim, engine, rec, profile } = await suite.online()
    const p = { dir: profile }
    const acc = await sim.account()
    const buddy = acc.buddies[0]!
    await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'first line\nsecond line' })
    await rec.next('message', (m) => m.kind === 'buddy')

    const txt = join(p.dir, 'chat.txt')
    expect(engine.exportConversation('buddy', buddy.uin!, 'txt', txt)).toEqual({ path: txt, format: 'txt' })
    expect(statSync(txt).mode & 0o777).toBe(0o600)
    expect(readFileSync(txt, 'utf8')).toMatch(/\] .+: first line\n {4}second line\n$/)

    const json = join(p.dir, 'chat.json')
    engine.exportConversation('buddy', buddy.uin!, 'json', json)
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { messages: Array<{ text: string; self: boolean }> }
    expect(parsed.messages.map((m) => [m.text, m.self])).toEqual([['first line\nsecond line', false]])
    expect(statSync(json).mode & 0o777).toBe(0o600)

    const other = acc.buddies[1]!
    expect(() => engine.exportConversation('buddy', other.uin!, 'txt', join(p.dir, 'none.txt'))).toThrow(EngineCommandError)
    expect(() => engine.exportConversation('buddy', other.uin!, 'txt', join(p.dir, 'none.txt'))).toThrow(/no stored history/)
    expect(() => engine.exportConversation('buddy', buddy.uin!, 'txt', 'relative.txt')).toThrow(/absolute/)
    expect(() => engine.exportConversation('buddy', buddy.uin!, 'txt', join(p.dir, 'missing', 'x.txt'))).toThrow(/cannot write .*ENOENT/)
  })

  it('says no account store is open before the first sign-in', async () => {
    const sim = await startSimulator(FAST_SIM)
    const p = tempProfile()
    const engine = makeEngine(sim, p.dir)
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => engine.stop()
    )
    expect(() => engine.exportConversation('buddy', 1, 'txt', join(p.dir, 'x.txt'))).toThrow(EngineCommandError)
    expect(() => engine.exportConversation('buddy', 1, 'txt', join(p.dir, 'x.txt'))).toThrow(/sign in/)
  })
})
