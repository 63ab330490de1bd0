/**
 * A runtime whose SQLite has no FTS5 (Node 22.13–22.15 measured; injected here through the store's
 * fullTextSearch option): signing in never fails for it, messages are stored, search finds them by
 * scanning, and the storage status says why search is slower (never a failed sign-in).
 */
import { describe, expect, it } from 'vitest'
import { openAccountStore } from '../../../src/main/store'
import { tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('engine on a SQLite without FTS5', () => {
  it('signs in, stores and searches; the storage status says search is slower, and why', async () => {
    const histories = tempProfile()
    suite.defer(histories.cleanup)
    const { sim, engine, rec, ready } = await suite.online({
      engine: { openStore: (account) => openAccountStore(histories.dir, String(account), { fullTextSearch: false }) }
    })
    expect(ready.buddies).toBeGreaterThan(0)
    expect(engine.storage).toMatchObject({ ok: true, reason: 'no-full-text-search', detail: expect.stringMatching(/FTS5/) })
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '今天的会议改到下午三点' })
    await rec.next('message', (m) => m.text === '今天的会议改到下午三点')
    expect(engine.search('会议改到').messages.map((m) => m.text)).toEqual(['今天的会议改到下午三点'])
    expect(engine.search('下午三点', { kind: 'buddy', id: buddy.uin! }).messages).toHaveLength(1)
  })
})
