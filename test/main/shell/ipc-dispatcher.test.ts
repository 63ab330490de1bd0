import { describe, expect, it, vi } from 'vitest'
import { createDispatcher, type InvokeHandlers } from '../../../src/main/ipc/dispatcher'
import { createHandlers, type SessionService } from '../../../src/main/ipc/app-handlers'
import type { Engine } from '../../../src/main/engine'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings'
import { invokeSchemas } from '../../../src/shared/ipc'
import { createDesktopController } from '../../../src/main/desktop/desktop-controller'

const PAGE = 'file:///app/out/renderer/index.html'
const trusted = { senderFrame: { url: PAGE } }

function makeHandlers(overrides: Partial<InvokeHandlers> = {}, engine: Engine | null = null, picked: string | null = null) {
  let current: Settings = { ...DEFAULT_SETTINGS }
  const session: SessionService = {
    snapshot: () => ({ state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false }),
    start: vi.fn(async () => ({ state: 'waiting' as const, reason: null, qrDataUrl: 'data:image/png;base64,AA==', self: null, demo: false })),
    logout: vi.fn(async () => ({ state: 'signed-out' as const, reason: 'logout', qrDataUrl: null, self: null, demo: false })),
    retryNow: vi.fn(() => false)
  }
  const openExternal = vi.fn()
  const pickExportPath = vi.fn(async () => picked)
  const handlers = {
    ...createHandlers({
      appInfo: { name: 'qq', version: '1.0.0', platform: 'linux', secretStorage: 'encrypted' },
      settings: {
        get: () => current,
        update: (patch) => (current = { ...current, ...patch }),
        invalidFields: []
      },
      session,
      openExternal,
      pickExportPath,
      demo: { start: () => session.start(), scan: () => true },
      messenger: { engine: () => engine },
      desktop: createDesktopController({
        settings: { get: () => current, update: (patch) => (current = { ...current, ...patch }) },
        emit: () => {},
        platform: 'linux'
      })
    }),
    ...overrides
  }
  return { handlers, session, openExternal, pickExportPath }
}

describe('IPC dispatcher', () => {
  const check = (url: string) => url === PAGE

  it('answers a valid call with its value', async () => {
    const dispatch = createDispatcher(makeHandlers().handlers, check)
    await expect(dispatch('app:info', trusted, undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'qq', version: '1.0.0', platform: 'linux', secretStorage: 'encrypted' }
    })
  })

  it('rejects frames that are not the app page, before running the handler', async () => {
    const { handlers, session } = makeHandlers()
    const dispatch = createDispatcher(handlers, check)
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }]) {
      const result = await dispatch('session:start', event, undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    }
    expect(session.start).not.toHaveBeenCalled()
  })

  it('rejects unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(makeHandlers().handlers, check)
    for (const channel of ['nope', 'toString', '__proto__']) {
      expect(await dispatch(channel, trusted, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    }
  })

  it.each([
    ['settings:update', { locale: 'fr' }],
    ['settings:update', { sendIntervalMs: -5 }],
    ['settings:update', { unknownKey: true }],
    ['settings:update', 'not an object'],
    ['shell:open-external', { url: 42 }],
    ['shell:open-external', { url: 'https://x', extra: 1 }],
    ['app:info', { unexpected: true }],
    ['contacts:get', { refresh: 'yes' }],
    ['contacts:get', { refresh: true, extra: 1 }],
    ['members:get', { kind: 'buddy', id: 1 }],
    ['members:get', { kind: 'group', id: 0 }],
    ['members:get', { kind: 'group' }],
    ['history:get', { kind: 'channel', id: 5 }],
    ['history:get', { kind: 'buddy', id: 5, limit: 10_000 }],
    ['history:get', { kind: 'buddy', id: 5, before: 42 }],
    ['history:get', { kind: 'buddy', id: 1.5 }],
    ['history:search', { query: '' }],
    ['history:search', { query: 'x'.repeat(101) }],
    ['history:search', { query: 'hi', kind: 'group' }],
    ['history:search', { query: 'hi', id: 3 }],
    ['message:send', { kind: 'buddy', to: 5, text: '' }],
    ['message:send', { kind: 'buddy', to: 5, text: 'x'.repeat(4001) }],
    ['message:send', { kind: 'buddy', to: -5, text: 'hi' }],
    ['message:send', { kind: 'buddy', to: 5, text: 'hi', html: '<b>' }],
    ['message:send', { kind: 'buddy', to: '5', text: 'hi' }],
    ['outbox:retry', { id: 'outbox:1' }],
    ['outbox:retry', {}],
    ['conversation:read', { kind: 'group' }],
    ['conversation:read', { kind: 'group', id: Number.NaN }],
    ['unread:get', { kind: 'group' }],
    ['conversation:export', { kind: 'buddy', id: 5 }],
    ['conversation:export', { kind: 'buddy', id: 5, format: 'pdf' }],
    ['conversation:export', { kind: 'buddy', id: 0, format: 'txt' }],
    ['conversation:export', { kind: 'buddy', id: 5, format: 'txt', path: '/etc/passwd' }]
  ])('gives a typed invalid-payload error for %s %j', async (channel, payload) => {
    const dispatch = createDispatcher(makeHandlers().handlers, check)
    const result = await dispatch(channel, trusted, payload)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload')
      expect(result.error.message).toContain(channel)
    }
  })

  it('turns a throwing handler into a failed result instead of a crash', async () => {
    const { handlers } = makeHandlers({
      'session:start': () => {
        throw new Error('server unreachable')
      }
    })
    const dispatch = createDispatcher(handlers, check)
    expect(await dispatch('session:start', trusted, undefined)).toEqual({
      ok: false,
      error: { code: 'failed', reason: 'unknown', message: 'server unreachable' }
    })
  })

  it('applies a valid settings patch and opens only safe external URLs', async () => {
    const { handlers, openExternal } = makeHandlers()
    const dispatch = createDispatcher(handlers, check)
    expect(await dispatch('settings:update', trusted, { locale: 'en' })).toMatchObject({ ok: true, value: { locale: 'en' } })
    expect(await dispatch('shell:open-external', trusted, { url: 'javascript:alert(1)' })).toEqual({ ok: true, value: false })
    expect(await dispatch('shell:open-external', trusted, { url: 'https://qq.com' })).toEqual({ ok: true, value: true })
    expect(openExternal.mock.calls).toEqual([['https://qq.com/']])
  })

  it('answers messenger commands while signed out with a clear error', async () => {
    const dispatch = createDispatcher(makeHandlers().handlers, check)
    const calls: Array<[string, unknown]> = [
      ['contacts:get', undefined],
      ['members:get', { kind: 'group', id: 7 }],
      ['history:get', { kind: 'buddy', id: 5, limit: 20 }],
      ['history:search', { query: 'hi', kind: 'buddy', id: 5 }],
      ['message:send', { kind: 'buddy', to: 5, text: 'hi' }],
      ['outbox:retry', { id: 3 }],
      ['conversation:read', { kind: 'discuss', id: 9 }],
      ['unread:get', undefined],
      ['conversation:export', { kind: 'buddy', id: 5, format: 'txt' }]
    ]
    for (const [channel, payload] of calls) {
      expect(await dispatch(channel, trusted, payload)).toEqual({
        ok: false,
        error: { code: 'failed', reason: 'not-signed-in', message: 'not signed in' }
      })
    }
  })

  it('exports to the path the user picked, and answers saved: false when the dialog is cancelled', async () => {
    const exportConversation = vi.fn((_kind: string, _id: number, format: string, path: string) => ({ path, format }))
    const engine = { self: { uin: 1, qq: 1, nick: 'me' }, exportConversation } as unknown as Engine
    const picked = makeHandlers({}, engine, '/tmp/chat.json')
    const request = { kind: 'group', id: 7, format: 'json' }
    expect(await createDispatcher(picked.handlers, check)('conversation:export', trusted, request)).toEqual({
      ok: true,
      value: { saved: true, path: '/tmp/chat.json' }
    })
    expect(picked.pickExportPath.mock.calls).toEqual([['qq-group-7.json', 'json']])
    expect(exportConversation.mock.calls).toEqual([['group', 7, 'json', '/tmp/chat.json']])
    const cancelled = makeHandlers({}, engine, null)
    expect(await createDispatcher(cancelled.handlers, check)('conversation:export', trusted, request)).toEqual({ ok: true, value: { saved: false } })
    expect(exportConversation).toHaveBeenCalledTimes(1)
  })

  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(makeHandlers().handlers).sort()).toEqual(Object.keys(invokeSchemas).sort())
  })
})
