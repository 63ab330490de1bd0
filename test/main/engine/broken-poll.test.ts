/**
 * Hostile-input row 2 (issue 15): a poll answer that arrives as a broken 200 (truncated JSON, HTML,
 * an empty body) after the server dequeued its messages loses them; the engine must leave a trace:
 * a "messages may be missing" gap with its time, shown before the next message (and after a restart).
 */
import { describe, expect, it } from 'vitest'
import type { GapRecordedDto } from '../../../src/shared/messenger'
import { makeEngine, record, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('a broken 200 poll answer', () => {
  for (const variant of ['truncated', 'html', 'empty'] as const)
    it(`(${variant}) records a gap where the lost messages were`, async () => {
      const { sim, engine, rec, profile } = await suite.online()
      const gaps: GapRecordedDto[] = []
      engine.on('gap', (g) => gaps.push(g))
      const buddy = sim.account({ members: false }).buddies[0]!
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'arrived' })
      await rec.next('message', (m) => m.text === 'arrived')

      // The answer carrying the next message comes back broken: the message is gone for good.
      sim.injectFault({ type: 'malformed', endpoint: 'poll2', variant })
      const before = Date.now()
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'lost in a broken answer' })
      await expect.poll(() => gaps.length, { timeout: 8000 }).toBe(1)
      expect(gaps[0]).toMatchObject({ conversationKey: null, reason: 'broken-answer' })
      expect(gaps[0]!.recordedAt).toBeGreaterThanOrEqual(before)

      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'after the loss' })
      await rec.next('message', (m) => m.text === 'after the loss')
      const page = engine.history('buddy', buddy.uin!)
      expect(page.messages.map((m) => [m.text, m.gapBefore?.reason ?? null])).toEqual([
        ['after the loss', 'broken-answer'],
        ['arrived', null]
      ])
      expect(page.messages[0]!.gapBefore!.recordedAt).toBe(gaps[0]!.recordedAt)

      // The marker is stored: a later process shows it too.
      await engine.stop()
      const again = makeEngine(sim, profile)
      suite.defer(() => again.stop())
      const rec2 = record(again)
      again.start()
      const ready = await rec2.next('ready', undefined, 10_000)
      expect(ready.remembered).toBe(true)
      const uin = sim.account({ members: false }).buddies[0]!.uin!
      expect(again.history('buddy', uin).messages[0]!.gapBefore?.reason).toBe('broken-answer')
    })
})
