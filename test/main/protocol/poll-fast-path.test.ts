/**
 * poll.ts recognises the usual message element without valibot (a burst's hot path); every other shape
 * goes through the schema. These cases check that both paths give the same verdict and the same message.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { toPollEvents } from '../../../src/main/protocol/poll'
import { MessageValueSchema, PollElementSchema } from '../../../src/main/protocol/schemas/poll'

const NOW_MS = Date.now()
const NOW_S = Math.floor(NOW_MS / 1000) - 5
const base = { from_uin: 11, to_uin: 22, msg_id: 1, time: NOW_S, content: [['font', { name: '宋体' }], 'hello', ['face', 14]] }

const values: Array<[string, unknown]> = [
  ['plain', base],
  ['group with send_uin and code', { ...base, send_uin: 33, group_code: 44 }],
  ['discussion with did', { ...base, did: 55, send_uin: 33 }],
  ['sess with id and service_type', { ...base, id: 66, service_type: 1 }],
  ['extra unknown fields', { ...base, reply_ip: 1, seq: 'x' }],
  ['string uin', { ...base, from_uin: '11' }],
  ['missing content', { from_uin: 11, to_uin: 22, msg_id: 1, time: NOW_S }],
  ['content not an array', { ...base, content: 'hello' }],
  ['null send_uin', { ...base, send_uin: null }],
  ['string group_code', { ...base, group_code: '44' }],
  ['array value', [base]],
  ['null value', null],
  ['number value', 5]
]

describe('poll elements: the fast path agrees with the schema', () => {
  for (const pollType of ['message', 'group_message', 'discu_message', 'sess_message']) {
    it.each(values)(`${pollType}: %s`, (_name, value) => {
      const [event] = toPollEvents([{ poll_type: pollType, value }], NOW_MS)
      const schema = v.safeParse(MessageValueSchema, value)
      if (!schema.success) {
        expect(event).toMatchObject({ type: 'invalid', index: 0, pollType })
        return
      }
      if (event?.type !== 'message' && event?.type !== 'sess-message') throw new Error(`a ${pollType} that the schema accepts became ${event?.type}`)
      expect(event.type).toBe(pollType === 'sess_message' ? 'sess-message' : 'message')
      const m = event.message
      const out = schema.output
      expect(m.msgId).toBe(out.msg_id)
      expect(m.toUin).toBe(out.to_uin)
      expect(m.senderUin).toBe(out.send_uin ?? out.from_uin)
      expect(m.fromUin).toBe(pollType === 'discu_message' ? (out.did ?? out.from_uin) : out.from_uin)
      expect(m.time).toBe(NOW_S)
      expect(m.segments).toEqual([
        { type: 'text', text: 'hello' },
        { type: 'face', id: 14, name: expect.any(String) as string }
      ])
    })
  }

  it('elements that are not {poll_type, value} objects are invalid, as the schema says', () => {
    const elements: unknown[] = [null, 5, 'x', [], { poll_type: 1, value: base }, { value: base }, { poll_type: 'message' }]
    const events = toPollEvents(elements, NOW_MS)
    elements.forEach((el, i) => {
      const ok = v.safeParse(PollElementSchema, el).success
      if (ok) expect(events[i]!.type).not.toBe('message')
      else expect(events[i]).toMatchObject({ type: 'invalid', index: i })
    })
  })

  it('an unknown poll_type with any value is "other", never dropped', () => {
    expect(toPollEvents([{ poll_type: 'input_notify', value: { from_uin: 1 } }], NOW_MS)[0]).toMatchObject({
      type: 'other',
      pollType: 'input_notify'
    })
  })
})
