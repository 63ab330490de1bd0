import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EngineCommandError } from '../../../src/main/engine'
import { useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('engine.exportConversation onto the profile', () => {
  it('refuses the live database and the remembered session with a clear error, and both survive', async () => {
    const { sim, engine, rec, profile } = await suite.online()
    const acc = await sim.account()
    const buddy = acc.buddies[0]!
    await sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'keep me' })
    await rec.next('message', (m) => m.kind === 'buddy')
    const qq = engine.self!.qq
    const session = readFileSync(join(profile, `session-${qq}.json`), 'utf8')
    const last = readFileSync(join(profile, 'session-last.json'), 'utf8')

    for (const name of [`history-${qq}.sqlite`, `history-${qq}.sqlite-wal`, `session-${qq}.json`, 'session-last.json']) {
      const attempt = (): unknown => engine.exportConversation('buddy', buddy.uin!, 'txt', join(profile, name))
      expect(attempt, name).toThrow(EngineCommandError)
      expect(attempt, name).toThrow(/profile's own files/)
    }
    expect(readFileSync(join(profile, `session-${qq}.json`), 'utf8')).toBe(session)
    expect(readFileSync(join(profile, 'session-last.json'), 'utf8')).toBe(last)
    expect(engine.history('buddy', buddy.uin!).messages.map((m) => m.text)).toEqual(['keep me'])
    expect(readdirSync(profile).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})
