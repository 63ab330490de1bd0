/** Live messages to the renderer in batches: everything, in order, at a bounded rate, never overtaken. */
import { describe, expect, it } from 'vitest'
import { createMessageBatcher, orderedEmit, MESSAGE_BATCH_INTERVAL_MS } from '../../../src/main/ipc/message-batches'
import type { EventChannel } from '../../../src/shared/ipc'
import type { MessageDto } from '../../../src/shared/messenger'

const message = (i: number, conversation = i % 200): MessageDto => ({
  id: `m${i}`,
  kind: 'group',
  conversationKey: `group:k${conversation}`,
  conversationId: 1000 + conversation,
  from: { uin: 5, name: '张三' },
  to: { uin: 1000 + conversation, name: `群${conversation}` },
  text: `第${i}条`,
  segments: [{ type: 'text', text: `第${i}条` }],
  time: 1_700_000_000 + i,
  self: false,
  state: null
})

/** A manual clock and timer queue, so rates are exact. */
function harness(minIntervalMs = MESSAGE_BATCH_INTERVAL_MS) {
  let t = 0
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = []
  const sent: Array<{ channel: EventChannel; payload: unknown; at: number }> = []
  const batcher = createMessageBatcher({
    emit: (channel, payload) => sent.push({ channel, payload, at: t }),
    minIntervalMs,
    now: () => t,
    later(fn, ms) {
      const timer = { at: t + ms, fn, cancelled: false }
      timers.push(timer)
      return () => void (timer.cancelled = true)
    }
  })
  /** Moves the clock to `to`, running due timers in order. */
  const advance = (to: number): void => {
    for (;;) {
      const due = timers.filter((x) => !x.cancelled && x.at <= to).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      t = due.at
      due.cancelled = true
      due.fn()
    }
    t = to
  }
  const delivered = (): MessageDto[] =>
    sent.flatMap((s) =>
      s.channel === 'messages:received' ? (s.payload as MessageDto[]) : s.channel === 'message:received' ? [s.payload as MessageDto] : []
    )
  return { batcher, sent, advance, delivered, now: () => t }
}

describe('message batches', () => {
  it('a 20,000-message poll answer crosses as ONE batch carrying every message in order', () => {
    const h = harness()
    for (let i = 0; i < 20_000; i++) h.batcher.push(message(i))
    expect(h.sent).toHaveLength(0)
    h.advance(0)
    expect(h.sent).toHaveLength(1)
    expect(h.sent[0]!.channel).toBe('messages:received')
    expect(h.delivered().map((m) => m.id)).toEqual(Array.from({ length: 20_000 }, (_, i) => `m${i}`))
  })

  it('a lone message goes at once on message:received (no wait after a quiet spell)', () => {
    const h = harness()
    h.batcher.push(message(1))
    h.advance(0)
    expect(h.sent).toEqual([{ channel: 'message:received', payload: message(1), at: 0 }])
    h.advance(500)
    h.batcher.push(message(2))
    h.advance(500)
    expect(h.sent.map((s) => s.at)).toEqual([0, 500])
  })

  it('200 messages/s for 10 s: at most 1000/interval sends a second, each a batch, none lost or reordered, none waiting longer than the interval', () => {
    const h = harness()
    const waited: number[] = []
    const pushedAt = new Map<string, number>()
    for (let i = 0; i < 2000; i++) {
      h.advance(i * 5)
      pushedAt.set(`m${i}`, h.now())
      h.batcher.push(message(i))
    }
    h.advance(10_000 + MESSAGE_BATCH_INTERVAL_MS)
    for (const s of h.sent) {
      const batch = s.channel === 'messages:received' ? (s.payload as MessageDto[]) : [s.payload as MessageDto]
      for (const m of batch) waited.push(s.at - pushedAt.get(m.id)!)
    }
    expect(h.delivered().map((m) => m.id)).toEqual(Array.from({ length: 2000 }, (_, i) => `m${i}`))
    for (let second = 0; second < 10; second++) {
      const inSecond = h.sent.filter((s) => s.at >= second * 1000 && s.at < (second + 1) * 1000).length
      expect(inSecond).toBeLessThanOrEqual(Math.ceil(1000 / MESSAGE_BATCH_INTERVAL_MS))
    }
    expect(h.sent.length).toBeLessThan(2000 / 5)
    expect(Math.max(...waited)).toBeLessThanOrEqual(MESSAGE_BATCH_INTERVAL_MS)
  })

  it('another push never overtakes a waiting message: orderedEmit flushes first', () => {
    const h = harness()
    const emit = orderedEmit((channel, payload) => h.sent.push({ channel, payload, at: h.now() }), h.batcher)
    h.batcher.push(message(1))
    h.batcher.push(message(2))
    emit('sender:resolved', { kind: 'group', conversationId: 1001, uin: 5, name: '张三' })
    expect(h.sent.map((s) => s.channel)).toEqual(['messages:received', 'sender:resolved'])
    h.advance(1000)
    expect(h.sent).toHaveLength(2)
  })

  it('flush() sends what waits (shutdown) and leaves nothing scheduled', () => {
    const h = harness()
    h.batcher.push(message(1))
    h.batcher.flush()
    h.advance(1000)
    expect(h.delivered().map((m) => m.id)).toEqual(['m1'])
    expect(h.sent).toHaveLength(1)
  })
})
