/**
 * The settings view through the whole renderer (App + fake main): each change is persisted through
 * the IPC contract AND has its observable effect (html data-theme, UI language, which key sends).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import type { SessionSnapshot } from '../../src/shared/ipc'
import type { BuddyDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'
import { byTest, chooseItem, inBody, openPopup, pickSelect, press } from './ui-controls'
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
  document.body.innerHTML = ''
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
  if (w.find('[data-test="self-menu"]').exists()) {
    // Signed in: the settings are in my avatar's menu.
    await openPopup('self-menu')
    await chooseItem('open-settings')
  } else await w.get('[data-test="open-settings"]').trigger('click')
  await flushPromises()
  // The dialog is rendered into <body>.
  return inBody(byTest('settings-view'))
}

describe('settings view', () => {
  it('switches the theme: html data-theme follows light, dark, and the system while following it', async () => {
    const { fake, wrapper: w } = await mountApp()
    expect(document.documentElement.dataset['theme']).toBe('light')
    const view = await openSettings(w)
    expect(view.querySelector('[role="radiogroup"]')?.getAttribute('aria-label')).toBe('主题')
    await press('theme-dark')
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ theme: 'dark' })
    expect(document.documentElement.dataset['theme']).toBe('dark')
    await press('theme-system')
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('light')
    // The OS turns dark: main pushes the effective theme.
    fake.emit('theme:changed', { effective: 'dark' })
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('dark')
    // A fixed choice ignores the OS.
    await press('theme-light')
    fake.emit('theme:changed', { effective: 'dark' })
    await flushPromises()
    expect(document.documentElement.dataset['theme']).toBe('light')
  })

  it('changes the UI language at once', async () => {
    const { wrapper: w } = await mountApp()
    const view = await openSettings(w)
    expect(view.querySelector('h2')?.textContent).toBe('设置')
    expect(inBody(byTest('settings-locale')).getAttribute('role')).toBe('combobox')
    await pickSelect('settings-locale', 'en')
    expect(inBody(byTest('settings-view')).querySelector('h2')?.textContent).toBe('Settings')
    // Esc in the open select closes the select only; the settings stay.
    await openPopup('settings-locale')
    const option = inBody(byTest('settings-locale-zh-CN'))
    option.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }))
    await flushPromises()
    expect(document.body.querySelector(byTest('settings-locale-zh-CN'))).toBeNull()
    expect(document.body.querySelector(byTest('settings-view'))).not.toBeNull()
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
    expect(view).toBeTruthy()
    await press('send-key-ctrl-enter')
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ sendKey: 'ctrl-enter' })
    await press('settings-close')
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
    expect(view).toBeTruthy()
    await press('server-mode-custom')
    expect(inBody(byTest('settings-server-url-error')).textContent).toContain('http://')
    expect(inBody(byTest('settings-server-note')).textContent).toContain('下次登录')
    const url = inBody<HTMLInputElement>(byTest('settings-server-url'))
    const type = async (text: string) => {
      url.value = text
      url.dispatchEvent(new Event('input'))
      url.dispatchEvent(new Event('change'))
      await flushPromises()
    }
    await type('ftp://nope')
    expect(fake.api.updateSettings).not.toHaveBeenCalledWith(expect.objectContaining({ serverUrl: 'ftp://nope' }))
    await type('http://127.0.0.1:8080')
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ serverUrl: 'http://127.0.0.1:8080' })
    expect(document.body.querySelector(byTest('settings-server-url-error'))).toBeNull()
  })

  it('persists toggles and the send interval, and closes with Escape', async () => {
    const { fake, wrapper: w } = await mountApp()
    const view = await openSettings(w)
    expect(inBody(byTest('settings-dnd')).getAttribute('role')).toBe('switch')
    await press('settings-preview')
    await press('settings-dnd')
    await press('window-mode-windows')
    const interval = view.querySelector<HTMLInputElement>(byTest('settings-send-interval'))!
    for (const text of ['2500', '-3']) {
      interval.value = text
      interval.dispatchEvent(new Event('input'))
      interval.dispatchEvent(new Event('change'))
    }
    await flushPromises()
    expect(interval.getAttribute('aria-invalid')).toBe('true')
    const calls = (fake.api.updateSettings as unknown as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[0])
    expect(calls).toEqual([{ notificationPreview: false }, { doNotDisturb: true }, { windowMode: 'windows' }, { sendIntervalMs: 2500 }])
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flushPromises()
    expect(document.body.querySelector(byTest('settings-view'))).toBeNull()
  })
})

describe('About', () => {
  it('opens from the settings: version, licence, home, the shipped packages with their licence texts, and copies diagnostics', async () => {
    const { fake, wrapper: w } = await mountApp()
    await openSettings(w)
    await press('settings-about')
    const about = inBody(byTest('about-view'))
    expect(about.querySelector('h2')?.textContent).toBe('关于 QQ Desktop')
    expect(inBody(byTest('about-version')).textContent).toBe('版本 0.1.0')
    const packages = [...about.querySelectorAll('[data-test="about-packages"] summary')].map((s) => s.textContent?.replace(/\s+/g, ' ').trim())
    expect(packages).toEqual(['vue 3.5.0 · MIT', 'tough-cookie 6.1.0 · BSD-3-Clause'])
    expect(about.querySelector('pre')?.textContent).toContain('Permission is hereby granted')
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await press('copy-diagnostics')
    expect(fake.api.getDiagnostics).toHaveBeenCalledOnce()
    expect(writeText).toHaveBeenCalledWith('QQ Desktop 0.1.0\nSettings: …')
    expect(inBody(byTest('copy-state')).textContent).toContain('诊断信息已复制')
    // The home page opens outside, through main.
    await press('about-home')
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: 'https://example.org/qq-desktop' })
    // Esc closes About only; the settings stay under it.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    await flushPromises()
    expect(document.body.querySelector(byTest('about-view'))).toBeNull()
    expect(document.body.querySelector(byTest('settings-view'))).not.toBeNull()
  })

  it('says so in a sentence when the diagnostics cannot be copied', async () => {
    const { wrapper: w } = await mountApp()
    await openSettings(w)
    await press('settings-about')
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
      configurable: true
    })
    await press('copy-diagnostics')
    expect(inBody(byTest('copy-state')).textContent).toBe('无法复制诊断信息，请稍后再试。')
  })
})
