import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { installFakeApi } from './fake-api'
import { chooseItem, openPopup, pickSelect } from './ui-controls'

async function mountApp() {
  const pinia = createPinia()
  setActivePinia(pinia)
  // Attached: the menus render into <body>.
  const wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  mounted.push(wrapper)
  await flushPromises()
  return wrapper
}
const mounted: Array<ReturnType<typeof mount>> = []
afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
})

describe('login view', () => {
  it('starts signed out with a sign-in button and no QR', async () => {
    installFakeApi()
    const wrapper = await mountApp()
    expect(wrapper.get('[data-test="login-state"]').text()).toBe('未登录')
    expect(wrapper.find('[data-test="qr"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="start-login"]').exists()).toBe(true)
  })

  it('shows the QR after starting and follows pushed state changes', async () => {
    const fake = installFakeApi()
    const wrapper = await mountApp()
    await wrapper.get('[data-test="start-login"]').trigger('click')
    await flushPromises()
    expect(fake.api.startSession).toHaveBeenCalledOnce()
    expect(wrapper.get('[data-test="qr"]').attributes('src')).toMatch(/^data:image\/png;base64,/)
    expect(wrapper.get('[data-test="login-state"]').text()).toBe('等待扫描')
    fake.push({ state: 'scanned' })
    await flushPromises()
    expect(wrapper.get('[data-test="login-state"]').text()).toContain('已扫描')
  })

  it('explains why a session ended', async () => {
    installFakeApi({ state: 'signed-out', reason: 'kicked' })
    const wrapper = await mountApp()
    expect(wrapper.get('[data-test="login-reason"]').text()).toContain('另一地点登录')
  })

  it('switches language through the settings and re-renders in English', async () => {
    const fake = installFakeApi()
    const wrapper = await mountApp()
    await wrapper.get('[data-test="open-settings"]').trigger('click')
    await pickSelect('settings-locale', 'en')
    expect(fake.api.updateSettings).toHaveBeenCalledWith({ locale: 'en' })
    expect(wrapper.get('[data-test="login-state"]').text()).toBe('Signed out')
    expect(document.documentElement.lang).toBe('en')
  })

  it('keeps the remembered account on screen (no QR) while the server cannot be reached and nothing is stored yet', async () => {
    const now = Date.now()
    installFakeApi({
      state: 'unreachable',
      remembered: { uin: 10001, nick: '老王' },
      connection: { cause: 'refused', attempt: 1, nextAttemptAt: now + 2000, since: now }
    })
    const wrapper = await mountApp()
    expect(wrapper.get('[data-test="remembered-nick"]').text()).toBe('老王')
    expect(wrapper.get('[data-test="login-state"]').text()).toBe('无法连接服务器，正在重试…')
    expect(wrapper.find('[data-test="qr"]').exists()).toBe(false)
  })

  it('says when sessions cannot be remembered for lack of a keyring', async () => {
    installFakeApi({}, 'no-keyring')
    const wrapper = await mountApp()
    expect(wrapper.get('[data-test="no-keyring"]').text()).toContain('钥匙串')
    installFakeApi({}, 'encrypted')
    const other = await mountApp()
    expect(other.find('[data-test="no-keyring"]').exists()).toBe(false)
  })

  it('offers the demo server and plays the phone scan there', async () => {
    const fake = installFakeApi()
    const wrapper = await mountApp()
    await wrapper.get('[data-test="start-demo"]').trigger('click')
    await flushPromises()
    expect(fake.api.startDemo).toHaveBeenCalledOnce()
    await wrapper.get('[data-test="demo-scan"]').trigger('click')
    expect(fake.api.scanDemo).toHaveBeenCalledOnce()
    fake.push({ state: 'online', self: { uin: 1, nick: '小明' } })
    await flushPromises()
    // Online: the messenger replaces the login card, and the title bar offers to sign out.
    expect(wrapper.find('[data-test="login-state"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="self-nick"]').text()).toBe('小明')
    await openPopup('self-menu')
    await chooseItem('logout')
    expect(fake.api.logout).toHaveBeenCalledOnce()
    expect(wrapper.get('[data-test="login-reason"]').text()).toBe('已退出登录')
  })

  it('unsubscribes from main when unmounted', async () => {
    const fake = installFakeApi()
    const wrapper = await mountApp()
    expect(fake.listenerCount()).toBe(1)
    wrapper.unmount()
    expect(fake.listenerCount()).toBe(0)
  })
})
