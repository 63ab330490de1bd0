/** The headless writer gathers the lines of one turn of the event loop into one write, in order, losing none. */
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { MessageDto } from '../../src/main/engine/types'
import { createJsonWriter, messageLine, toHeadlessMessage } from '../../src/main/headless/writer'

function sink(): { stream: Writable; writes: string[] } {
  const writes: string[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      writes.push(String(chunk))
      cb()
    }
  })
  return { stream, writes }
}

const dto = (i: number, extra: Partial<MessageDto> = {}): MessageDto => ({
  id: `id${i}`,
  kind: 'group',
  conversationKey: 'group:name:家',
  conversationId: 7,
  from: { uin: 1, name: '张三' },
  to: { uin: 7, name: '家' },
  text: `第${i}条`,
  segments: [{ type: 'text', text: `第${i}条` }],
  time: 1_700_000_000 + i,
  self: false,
  state: null,
  ...extra
})

describe('headless JSON writer', () => {
  it('a burst written in one tick leaves in ONE write, every line in order', async () => {
    const { stream, writes } = sink()
    const out = createJsonWriter(stream)
    for (let i = 0; i < 5000; i++) out.write(messageLine(dto(i)))
    expect(writes).toEqual([])
    await Promise.resolve()
    expect(writes).toHaveLength(1)
    const lines = writes[0]!.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(5000)
    lines.forEach((l, i) => expect((JSON.parse(l) as { id: string }).id).toBe(`id${i}`))
  })

  it('lines of separate turns are separate writes; flush() hands over what is pending first', async () => {
    const { stream, writes } = sink()
    const out = createJsonWriter(stream)
    out.write({ type: 'a' })
    await new Promise((r) => setImmediate(r))
    out.write({ type: 'b' })
    out.write({ type: 'quit' })
    await out.flush()
    expect(writes.filter((w) => w !== '')).toEqual(['{"type":"a"}\n', '{"type":"b"}\n{"type":"quit"}\n'])
  })

  it('a message line is the contract: type first, then the same fields as toHeadlessMessage', () => {
    const plain = dto(1)
    expect(JSON.stringify(messageLine(plain))).toBe(JSON.stringify({ type: 'message', ...toHeadlessMessage(plain) }))
    const own = dto(2, { self: true, state: 'sent', gapBefore: { reason: 'outage', recordedAt: 5 }, unsaved: true })
    expect(messageLine(own)).toEqual({ type: 'message', ...toHeadlessMessage(own) })
    expect(messageLine(own)).toMatchObject({ self: true, state: 'sent', gapBefore: { reason: 'outage', recordedAt: 5 }, unsaved: true })
    expect(JSON.stringify(messageLine(own))).toBe(JSON.stringify({ type: 'message', ...toHeadlessMessage(own) }))
  })
})
