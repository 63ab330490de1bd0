import { describe, expect, it } from 'vitest'
import { createDesktopController } from '../../../src/main/desktop/desktop-controller'
import { createDesktopHandlers, withReadTracking } from '../../../src/main/ipc/desktop-handlers'
import { createDispatcher, type InvokeHandlers } from '../../../src/main/ipc/dispatcher'
import type { SettingsPatch } from '../../../src/shared/settings'
import { buddyMessage, settingsWith } from './fixtures'

const PAGE = 'file:///app/out/renderer/index.html'
const trusted = { senderFrame: { url: PAGE } }

function setup() {
  let settings = settingsWith()
  const controller = createDesktopController({
    settings: {
      get: () => settings,
      update: (p: SettingsPatch) => (settings = { ...settings, ...p })
    },
    emit: () => {},
    platform: 'linux',
    schedule: () => {}
  })
  // Only the desktop channels are exercised; the dispatcher never reaches the others here.
  const handlers = createDesktopHandlers(controller) as InvokeHandlers
  return {
    controller,
    dispatch: createDispatcher(handlers, (url) => url === PAGE),
    settings: () => settings
  }
}

describe('desktop IPC channels', () => {
  it('status:set persists the status and answers the settings', async () => {
    const { dispatch, settings } = setup()
    const result = await dispatch('status:set', trusted, { status: 'busy' })
    expect(result).toMatchObject({ ok: true, value: { onlineStatus: 'busy' } })
    expect(settings().onlineStatus).toBe('busy')
  })

  it('status:set refuses a status SmartQQ has no menu entry for, with a typed error', async () => {
    const { dispatch, settings } = setup()
    for (const bad of [{ status: 'hidden' }, { status: 'online', extra: 1 }, {}, null]) {
      const result = await dispatch('status:set', trusted, bad)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    }
    expect(settings().onlineStatus).toBe('online')
  })

  it('view:focused-conversation suppresses notifications for what a focused window shows', async () => {
    const { dispatch, controller } = setup()
    const report = {
      view: 'main-1',
      conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' },
      focused: true
    }
    await expect(dispatch('view:focused-conversation', trusted, report)).resolves.toEqual({
      ok: true,
      value: true
    })
    const engine = {
      on: () => () => {},
      state: 'online',
      unread: () => [],
      setStatus: async () => {}
    }
    controller.attachEngine(engine as never)
    expect(controller.liveNotifications()).toEqual([])
    // The same report with the window unfocused lets the next message notify.
    await dispatch('view:focused-conversation', trusted, { ...report, focused: false })
    const listeners: Array<(m: unknown) => void> = []
    controller.attachEngine({
      ...engine,
      on: (event: string, cb: (m: unknown) => void) => (event === 'message' && listeners.push(cb), () => {})
    } as never)
    listeners.forEach((cb) => cb(buddyMessage('now you see it')))
    expect(controller.liveNotifications()).toEqual(['buddy:1001'])
  })

  it('view:focused-conversation validates its payload', async () => {
    const { dispatch } = setup()
    const bad = [
      { view: '', conversation: null, focused: true },
      { view: 'x'.repeat(65), conversation: null, focused: true },
      { view: 'v', conversation: { kind: 'buddy', id: 0, key: 'k' }, focused: true },
      { view: 'v', conversation: { kind: 'buddy', id: 1, key: 'k'.repeat(257) }, focused: true },
      { view: 'v', conversation: null }
    ]
    for (const payload of bad)
      expect(await dispatch('view:focused-conversation', trusted, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' }
      })
  })

  it('conversation:read goes through, then the desktop re-reads the unread counts', async () => {
    const calls: string[] = []
    const base = {
      'conversation:read': async () => (calls.push('read'), true)
    } as unknown as InvokeHandlers
    const wrapped = withReadTracking(base, { conversationRead: () => void calls.push('desktop') })
    await expect(wrapped['conversation:read']({ kind: 'buddy', id: 1 })).resolves.toBe(true)
    expect(calls).toEqual(['read', 'desktop'])
  })
})
