/**
 * The settings view through the whole renderer (App + fake main): each change is persisted through
 * the IPC contract AND has its observable effect (html data-theme, UI language, which key sends).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import type { SessionSnapshot } from '../../src/shared/ipc'
import type { BuddyDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'

const buddy = (uin: number, nick: string): BuddyDto => ({
  uin,
  nick,
  markname: null,
  category: '我的好友',
  online: true,
  status: 'online',
  key: `buddy:key:${uin}`,
  vipLevel: 0
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  delete document.documentElement.dataset['theme']
})

async function mountApp(session: Partial<SessionSnapshot> = {}) {
  const fake = installFakeApi({ self: { uin: 1, nick: '我' }, ...session })
  fake.data.contacts.buddies = [buddy(11, '张三'), buddy(12, '李四')]
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await flushPromises()
  return { fake, wrapper }
}

async function openSettings(w: VueWrapper) {
  await w.get('[data-test="open-settings"]').trigger('click')
  return w.get('[data-test="settings-view"]')
}

describe('settings view', () => {
  it('switches the theme: html data-theme follows light, dark, and the system while following it', async () => {
    const { fake, wrapper: w } = await mountApp()
    expect(document.documentElement.dataset['theme']).toBe('light')
    const view = await openSettings(w)
    await view.get('[data-test="theme-dark"]').setValue(true)
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ theme: 'dark' })
    expect(document.documentElement.dataset['theme']).toBe('dark')
    await view.get('[data-test="theme-system"]').setValue(true)
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('light')
    // The OS turns dark: main pushes the effective theme.
    fake.emit('theme:changed', { effective: 'dark' })
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('dark')
    // A fixed choice ignores the OS.
    await view.get('[data-test="theme-light"]').setValue(true)
    fake.emit('theme:changed', { effective: 'dark' })
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('light')
  })

  it('changes the UI language at once', async () => {
    const { wrapper: w } = await mountApp()
    const view = await openSettings(w)
    expect(view.get('#settings-title').text()).toBe('设置')
    await view.get('[data-test="settings-locale"]').setValue('en')
    await flushPromises()
    expect(w.get('#settings-title').text()).toBe('Settings')
    expect(document.documentElement.lang).toBe('en')
  })

  it('makes Enter or Ctrl+Enter send, as chosen', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'online' })
    await useConversationsStore().openConversation({ kind: 'buddy', id: 11 })
    await flushPromises()
    const composer = w.get('[data-test="composer"]')
    await composer.setValue('第一条')
    await composer.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(fake.api.sendMessage).toHaveBeenCalledTimes(1)

    const view = await openSettings(w)
    await view.get('[data-test="send-key-ctrl-enter"]').setValue(true)
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ sendKey: 'ctrl-enter' })
    await w.get('[data-test="settings-close"]').trigger('click')
    await composer.setValue('第二条')
    await composer.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(fake.api.sendMessage).toHaveBeenCalledTimes(1)
    expect(composer.attributes('placeholder')).toContain('Ctrl+Enter')
    await composer.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(fake.api.sendMessage).toHaveBeenCalledTimes(2)
    expect(fake.api.sendMessage).toHaveBeenLastCalledWith({ kind: 'buddy', to: 11, text: '第二条' })
  })

  it('refuses an invalid custom server URL with a sentence, saves a valid one, and notes the next sign-in', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'online' })
    const view = await openSettings(w)
    await view.get('[data-test="server-mode-custom"]').setValue(true)
    await flushPromises()
    expect(view.get('[data-test="settings-server-url-error"]').text()).toContain('http://')
    expect(view.get('[data-test="settings-server-note"]').text()).toContain('下次登录')
    const url = view.get('[data-test="settings-server-url"]')
    await url.setValue('ftp://nope')
    await url.trigger('change')
    expect(fake.api.updateSettings).not.toHaveBeenCalledWith(expect.objectContaining({ serverUrl: 'ftp://nope' }))
    await url.setValue('http://127.0.0.1:8080')
    await url.trigger('change')
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ serverUrl: 'http://127.0.0.1:8080' })
    expect(view.find('[data-test="settings-server-url-error"]').exists()).toBe(false)
  })

  it('persists toggles and the send interval, and closes with Escape', async () => {
    const { fake, wrapper: w } = await mountApp()
    const view = await openSettings(w)
    await view.get('[data-test="settings-preview"]').setValue(false)
    await view.get('[data-test="settings-dnd"]').setValue(true)
    await view.get('[data-test="window-mode-windows"]').setValue(true)
    const interval = view.get('[data-test="settings-send-interval"]')
    await interval.setValue('2500')
    await interval.trigger('change')
    await interval.setValue('-3')
    await interval.trigger('change')
    await flushPromises()
    expect(interval.attributes('aria-invalid')).toBe('true')
    const calls = (fake.api.updateSettings as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[0])
    expect(calls).toEqual([{ notificationPreview: false }, { doNotDisturb: true }, { windowMode: 'windows' }, { sendIntervalMs: 2500 }])
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flushPromises()
    expect(w.find('[data-test="settings-view"]').exists()).toBe(false)
  })
})
