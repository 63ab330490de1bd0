import { describe, expect, it } from 'vitest'
import { Backoff } from '../../../src/main/engine/backoff'
import type { Clock } from '../../../src/main/engine/clock'
import { contentKey, eventId } from '../../../src/main/engine/identity'

const clockWith = (r: number): Clock => ({ now: () => 0, sleep: async () => {}, random: () => r })

describe('backoff', () => {
  it('grows exponentially with jitter, never below 1 s and never above 30 s', () => {
    for (const r of [0, 0.5, 0.999]) {
      const b = new Backoff(clockWith(r))
      const delays = Array.from({ length: 12 }, () => b.next())
      expect(delays.every((d) => d >= 1000 && d <= 30_000)).toBe(true)
      expect(delays[11]).toBeGreaterThanOrEqual(15_000)
      for (let i = 1; i < 6; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!)
    }
    const b = new Backoff(clockWith(0.999))
    b.next()
    b.next()
    b.reset()
    expect(b.consecutiveFailures).toBe(0)
    expect(b.next()).toBeLessThan(1000 * 1.01)
  })
})

describe('stable event ids', () => {
  it('are equal for the same event and differ when any component differs', () => {
    const segs = [{ type: 'text' as const, text: 'hi' }]
    const a = eventId('buddy:qq:1', 'buddy:qq:1', 5, 100, segs)
    expect(eventId('buddy:qq:1', 'buddy:qq:1', 5, 100, [{ type: 'text', text: 'hi' }])).toBe(a)
    expect(
      new Set([
        a,
        eventId('buddy:qq:2', 'buddy:qq:1', 5, 100, segs),
        eventId('buddy:qq:1', 'n:x', 5, 100, segs),
        eventId('buddy:qq:1', 'buddy:qq:1', 6, 100, segs),
        eventId('buddy:qq:1', 'buddy:qq:1', 5, 101, segs),
        eventId('buddy:qq:1', 'buddy:qq:1', 5, 100, [{ type: 'text', text: 'hi!' }])
      ]).size
    ).toBe(6)
  })

  it('never confuse a one-text message with any other content (the short form of contentKey)', () => {
    const forms = [
      [{ type: 'text' as const, text: 'a' }],
      [{ type: 'text' as const, text: 'ta' }],
      [{ type: 'text' as const, text: '[{"type":"text","text":"a"}]' }],
      [
        { type: 'text' as const, text: 'a' },
        { type: 'text' as const, text: '' }
      ],
      [{ type: 'face' as const, id: 14, name: '微笑' }],
      [{ type: 'text' as const, text: '[微笑]' }],
      []
    ]
    expect(new Set(forms.map(contentKey)).size).toBe(forms.length)
    expect(new Set(forms.map((f) => eventId('group:name:g', 'qq:1', 7, 100, f))).size).toBe(forms.length)
    // The one-text form is the text itself, so no JSON is built for the common message.
    expect(contentKey([{ type: 'text', text: 'hi' }])).toBe('thi')
  })
})
