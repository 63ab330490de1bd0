import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { ApiError, unwrap } from '../../src/renderer/src/composables/useApi'
import { installFakeApi } from './fake-api'

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('reports a failed IPC call as an error, keeping the last snapshot', async () => {
    const fake = installFakeApi()
    window.api = {
      ...fake.api,
      startSession: () =>
        Promise.resolve({ ok: false as const, error: { code: 'failed' as const, reason: 'network' as const, message: 'server unreachable' } })
    }
    const store = useSessionStore()
    await store.init()
    await store.start()
    expect(store.error).toBe('errors.failure.network')
    expect(store.snapshot.state).toBe('signed-out')
  })

  it('derives online and QR visibility from the snapshot', async () => {
    const fake = installFakeApi()
    const store = useSessionStore()
    await store.init()
    fake.push({ state: 'waiting', qrDataUrl: 'data:image/png;base64,AA==' })
    expect(store.showsQr).toBe(true)
    fake.push({ state: 'online', self: { uin: 1, nick: 'me' } })
    expect(store.isOnline).toBe(true)
    expect(store.showsQr).toBe(false)
  })

  it('unwrap throws a typed ApiError', () => {
    expect(() => unwrap({ ok: false, error: { code: 'invalid-payload', message: 'bad' } })).toThrow(ApiError)
    expect(unwrap({ ok: true, value: 3 })).toBe(3)
  })
})
