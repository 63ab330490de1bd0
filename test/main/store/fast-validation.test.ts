import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { NewMessageSchema, isWellFormedNewMessage } from '../../../src/main/store/schemas'
import { msg } from './helpers'

const good = msg('a', {
  outboxId: 3,
  ref: 'r',
  state: 'sent',
  segments: [{ type: 'text', text: 'x' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }]
})
const variants: Array<[string, unknown]> = [
  ['good', good],
  ['minimal', msg('b')],
  ['nulls', { ...msg('c'), outboxId: null, ref: null, state: null }],
  ['empty id', { ...good, id: '' }],
  ['id too long', { ...good, id: 'x'.repeat(513) }],
  ['longest id', { ...good, id: 'x'.repeat(512) }],
  ['conversation too long', { ...good, conversation: 'k'.repeat(600) }],
  ['bad kind', { ...good, kind: 'channel' }],
  ['sender not a string', { ...good, sender: 7 }],
  ['self not boolean', { ...good, self: 1 }],
  ['negative time', { ...good, time: -1 }],
  ['fractional time', { ...good, time: 1.5 }],
  ['NaN time', { ...good, time: Number.NaN }],
  ['segments not an array', { ...good, segments: 'hi' }],
  ['null segment', { ...good, segments: [null] }],
  ['face without name', { ...good, segments: [{ type: 'face', id: 1 }] }],
  ['negative face', { ...good, segments: [{ type: 'face', id: -1, name: 'x' }] }],
  ['unknown segment', { ...good, segments: [{ type: 'video' }] }],
  ['text not a string', { ...good, segments: [{ type: 'text', text: 5 }] }],
  ['fractional outbox id', { ...good, outboxId: 1.5 }],
  ['bad state', { ...good, state: 'lost' }],
  ['ref not a string', { ...good, ref: 9 }],
  ['null', null],
  ['array', []]
]

describe('the hand-written NewMessage check', () => {
  it.each(variants)('agrees with NewMessageSchema: %s', (_name, m) => {
    expect(isWellFormedNewMessage(m)).toBe(v.safeParse(NewMessageSchema, m).success)
  })
})
