import { describe, expect, it } from 'vitest'
import { accountDbPath, INTERRUPTED_REASON, openStoreFile, type AccountStore } from '../../../src/main/store'
import { tempDir } from './helpers'

function clocked(path = accountDbPath(tempDir(), 'acc')): { s: AccountStore; clock: { t: number } } {
  const clock = { t: 1_000_000 }
  return { s: openStoreFile(path, { now: () => clock.t }), clock }
}

const text = (t: string) => [{ type: 'text' as const, text: t }]
const group = { conversation: 'group:code:1', kind: 'group' as const, target: { groupCode: 'abc' } }

describe('outbox', () => {
  it('walks queued -> sending -> sent, mirroring the state onto the history message', () => {
    const { s } = clocked()
    const e = s.outbox.enqueue({ ...group, ref: 'r-1', segments: text('你好'), message: { sender: 'qq:9', senderName: '我' } })
    expect(e).toMatchObject({
      state: 'queued',
      attempts: 0,
      ref: 'r-1',
      target: { groupCode: 'abc' },
      messageId: `outbox:${e.id}`,
      createdAt: 1_000_000
    })
    const m = s.history.getMessage(e.messageId!)!
    expect(m).toMatchObject({ self: true, state: 'queued', outboxId: e.id, ref: 'r-1', text: '你好' })
    expect(s.history.getConversation('group:code:1')!.unread).toBe(0)
    expect(s.outbox.nextDue()!.id).toBe(e.id)
    expect(s.outbox.markSending(e.id)).toMatchObject({ state: 'sending', attempts: 1 })
    expect(s.history.getMessage(e.messageId!)!.state).toBe('sending')
    expect(s.outbox.markSent(e.id).state).toBe('sent')
    expect(s.history.getMessage(e.messageId!)!.state).toBe('sent')
    expect(s.outbox.pending()).toEqual([])
    expect(s.outbox.findByRef('r-1')!.id).toBe(e.id)
    expect(s.outbox.findByRef('nope')).toBeNull()
    s.close()
  })

  it('refuses transitions the lifecycle does not allow', () => {
    const { s } = clocked()
    const e = s.outbox.enqueue({ ...group, segments: text('x') })
    expect(() => s.outbox.markSent(e.id)).toThrow(expect.objectContaining({ code: 'bad-transition' }))
    expect(() => s.outbox.retry(e.id)).toThrow(expect.objectContaining({ code: 'bad-transition' }))
    expect(() => s.outbox.markUnconfirmed(e.id, 'x')).toThrow(expect.objectContaining({ code: 'bad-transition' }))
    expect(() => s.outbox.markSending(12345)).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(s.outbox.get(e.id)!.state).toBe('queued')
    s.close()
  })

  it('backs off with requeue and lets the user retry failed and unconfirmed entries', () => {
    const { s, clock } = clocked()
    const e = s.outbox.enqueue({ ...group, segments: text('x') })
    s.outbox.markSending(e.id)
    expect(s.outbox.requeue(e.id, 5000, 'rate limited')).toMatchObject({ state: 'queued', nextAttemptAt: 1_005_000, lastError: 'rate limited' })
    expect(s.outbox.nextDue()).toBeNull()
    expect(s.outbox.nextWakeAt()).toBe(1_005_000)
    clock.t = 1_005_000
    expect(s.outbox.nextDue()!.id).toBe(e.id)
    s.outbox.markSending(e.id)
    expect(s.outbox.markFailed(e.id, 'retcode 1202')).toMatchObject({ state: 'failed', attempts: 2, lastError: 'retcode 1202' })
    expect(s.outbox.nextDue()).toBeNull()
    expect(s.outbox.pending().map((x) => x.state)).toEqual(['failed'])
    clock.t = 2_000_000
    expect(s.outbox.retry(e.id)).toMatchObject({ state: 'queued', nextAttemptAt: 2_000_000 })
    s.outbox.markSending(e.id)
    s.outbox.markUnconfirmed(e.id, 'timeout')
    // The echo came back through the poll: it did arrive after all.
    expect(s.outbox.markSent(e.id).state).toBe('sent')
    s.close()
  })

  it('keeps order within a conversation and lets other conversations proceed', () => {
    const { s } = clocked()
    const a1 = s.outbox.enqueue({ ...group, segments: text('a1') })
    const a2 = s.outbox.enqueue({ ...group, segments: text('a2') })
    const b1 = s.outbox.enqueue({ conversation: 'buddy:qq:2', kind: 'buddy', target: { qq: 2 }, segments: text('b1') })
    expect(s.outbox.nextDue()!.id).toBe(a1.id)
    s.outbox.markSending(a1.id)
    // a2 must wait for a1; b1 is independent.
    expect(s.outbox.nextDue()!.id).toBe(b1.id)
    s.outbox.requeue(b1.id, 60_000, 'backoff')
    expect(s.outbox.nextDue()).toBeNull()
    s.outbox.markSent(a1.id)
    expect(s.outbox.nextDue()!.id).toBe(a2.id)
    s.close()
  })

  it('after a crash, entries left in sending become unconfirmed (never resent silently); queued ones survive', () => {
    const path = accountDbPath(tempDir(), 'acc')
    const first = clocked(path).s
    const inFlight = first.outbox.enqueue({ ...group, segments: text('in flight'), message: { sender: 'qq:9', senderName: '我' } })
    const waiting = first.outbox.enqueue({ conversation: 'buddy:qq:2', kind: 'buddy', target: { qq: 2 }, segments: text('waiting') })
    first.outbox.markSending(inFlight.id)
    // No close(): the process "dies" here. A second connection is what the next process would open.
    const { s: second } = clocked(path)
    expect(second.report.interruptedSends).toEqual([inFlight.id])
    expect(second.outbox.get(inFlight.id)).toMatchObject({ state: 'unconfirmed', lastError: INTERRUPTED_REASON })
    expect(second.history.getMessage(inFlight.messageId!)!.state).toBe('unconfirmed')
    expect(second.outbox.nextDue()!.id).toBe(waiting.id)
    expect(second.outbox.get(waiting.id)).toMatchObject({ state: 'queued', segments: text('waiting'), target: { qq: 2 } })
    second.close()
    first.close()
  })

  it('rejects bad input with a typed error', () => {
    const { s } = clocked()
    expect(() => s.outbox.enqueue({ ...group, segments: [{ type: 'face', id: 1.5, name: 'x' }] })).toThrow(
      expect.objectContaining({ code: 'bad-input' })
    )
    expect(() => s.outbox.enqueue({ ...group, target: undefined, segments: text('x') })).toThrow(expect.objectContaining({ code: 'bad-input' }))
    expect(s.outbox.pending()).toEqual([])
    s.close()
  })
})
