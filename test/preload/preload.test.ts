import { describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  invoked: [] as Array<[string, unknown]>
}))

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => {
        fake.invoked.push([channel, payload])
        return Promise.resolve({ ok: true, value: channel })
      },
      on: (channel: string, fn: (event: unknown, payload: unknown) => void) => {
        if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set())
        fake.listeners.get(channel)!.add(fn)
      },
      removeListener: (channel: string, fn: (event: unknown, payload: unknown) => void) => {
        fake.listeners.get(channel)?.delete(fn)
      }
    }
  }
  return { ...electron, default: electron }
})

await import('../../src/preload/index')
const api = fake.exposed.get('api') as Record<string, (...args: unknown[]) => unknown>

describe('preload bridge', () => {
  it('exposes exactly one global, window.api, and never ipcRenderer', () => {
    expect([...fake.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api)).not.toContain('ipcRenderer')
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('maps named functions to contract channels', async () => {
    await api.appInfo()
    await api.updateSettings({ locale: 'en' })
    expect(fake.invoked).toEqual([
      ['app:info', undefined],
      ['settings:update', { locale: 'en' }]
    ])
  })

  it('passes only the payload to subscribers and unsubscribes cleanly', () => {
    const received: unknown[] = []
    const unsubscribe = api.onSessionChanged((payload: unknown) => received.push(payload)) as () => void
    const [listener] = fake.listeners.get('session:changed')!
    listener({ sender: 'the raw IpcRendererEvent' }, { state: 'waiting' })
    expect(received).toEqual([{ state: 'waiting' }])
    unsubscribe()
    expect(fake.listeners.get('session:changed')!.size).toBe(0)
  })

  it('refuses a non-function subscriber', () => {
    expect(() => api.onSessionChanged('nope')).toThrow(TypeError)
  })
})
