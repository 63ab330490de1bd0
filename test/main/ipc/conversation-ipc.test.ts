import { describe, expect, it } from 'vitest'
import type { Engine, SendInput } from '../../../src/main/engine'
import { createDispatcher, type InvokeHandlers } from '../../../src/main/ipc/dispatcher'
import { createMessengerHandlers } from '../../../src/main/ipc/messenger-handlers'

const PAGE = 'file:///app/out/renderer/index.html'
const trusted = { senderFrame: { url: PAGE } }

/** Records what reaches the engine (the real engine is covered over loopback in test/main/engine). */
function setup() {
  const calls: unknown[] = []
  const engine = {
    state: 'online',
    self: { uin: 1, qq: 1, nick: 'me' },
    send: (input: SendInput) => {
      calls.push(['send', input])
      return []
    },
    around: (...args: unknown[]) => {
      calls.push(['around', ...args])
      return { messages: [], anchor: String(args[2]), older: null, newer: null }
    },
    history: (...args: unknown[]) => {
      calls.push(['history', ...args])
      return { messages: [], next: null }
    },
    deleteMessage: (...args: unknown[]) => {
      calls.push(['delete', ...args])
    }
  } as unknown as Engine
  const dispatch = createDispatcher(createMessengerHandlers({ engine: () => engine }) as InvokeHandlers, (url) => url === PAGE)
  return { dispatch, calls }
}

describe('message:send with segments', () => {
  it('passes faces by id with their names from the shared table, and plain text as before', async () => {
    const { dispatch, calls } = setup()
    const segments = [
      { type: 'text', text: 'hi ' },
      { type: 'face', id: 14 }
    ]
    expect(await dispatch('message:send', trusted, { kind: 'buddy', to: 5, segments, ref: 'r' })).toEqual({ ok: true, value: [] })
    expect(await dispatch('message:send', trusted, { kind: 'group', to: 6, text: 'plain' })).toEqual({ ok: true, value: [] })
    expect(calls).toEqual([
      [
        'send',
        {
          kind: 'buddy',
          to: 5,
          ref: 'r',
          segments: [
            { type: 'text', text: 'hi ' },
            { type: 'face', id: 14, name: '微笑' }
          ]
        }
      ],
      ['send', { kind: 'group', to: 6, text: 'plain', ref: undefined }]
    ])
  })

  it('refuses an unknown face, both or neither of text and segments, a face with a forged name, and too many faces', async () => {
    const { dispatch, calls } = setup()
    const bad = [
      { kind: 'buddy', to: 5, segments: [{ type: 'face', id: 9999 }] },
      { kind: 'buddy', to: 5, text: 'a', segments: [{ type: 'text', text: 'b' }] },
      { kind: 'buddy', to: 5 },
      { kind: 'buddy', to: 5, segments: [{ type: 'face', id: 14, name: '<img>' }] },
      { kind: 'buddy', to: 5, segments: [] },
      { kind: 'buddy', to: 5, segments: Array.from({ length: 51 }, () => ({ type: 'face', id: 14 })) },
      { kind: 'buddy', to: 5, segments: [{ type: 'image' }] }
    ]
    for (const payload of bad) {
      const result = await dispatch('message:send', trusted, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    }
    expect(calls).toEqual([])
  })
})

describe('history:around and history:get after', () => {
  it('reach the engine with the message id, limit and cursor', async () => {
    const { dispatch, calls } = setup()
    expect(await dispatch('history:around', trusted, { kind: 'group', id: 3, message: 'm-1', limit: 20 })).toEqual({
      ok: true,
      value: { messages: [], anchor: 'm-1', older: null, newer: null }
    })
    await dispatch('history:get', trusted, { kind: 'group', id: 3, after: 'abc.1', limit: 30 })
    expect(calls).toEqual([
      ['around', 'group', 3, 'm-1', 20],
      ['history', 'group', 3, { limit: 30, before: undefined, after: 'abc.1' }]
    ])
    for (const payload of [
      { kind: 'group', id: 3 },
      { kind: 'group', id: 3, message: '', limit: 5 },
      { kind: 'group', id: 3, message: 'x', limit: 1000 }
    ])
      expect(await dispatch('history:around', trusted, payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })
})

describe('message:delete', () => {
  it('deletes one message of one conversation from this computer, and refuses a malformed request before the engine', async () => {
    const { dispatch, calls } = setup()
    expect(await dispatch('message:delete', trusted, { kind: 'group', id: 6, message: 'g1' })).toEqual({ ok: true, value: true })
    for (const bad of [
      { kind: 'group', id: 6 },
      { kind: 'group', id: 6, message: '' },
      { kind: 'room', id: 6, message: 'g1' },
      { kind: 'group', id: 0, message: 'g1' }
    ]) {
      expect(await dispatch('message:delete', trusted, bad)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    }
    expect(calls).toEqual([['delete', 'group', 6, 'g1']])
  })
})
