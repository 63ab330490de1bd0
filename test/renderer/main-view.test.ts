import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import type { SessionSnapshot } from '../../src/shared/ipc'
import { installFakeApi } from './fake-api'

async function mountApp(session: Partial<SessionSnapshot>) {
  const fake = installFakeApi({ self: { uin: 1, nick: '我' }, ...session })
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] } })
  await flushPromises()
  return { fake, wrapper }
}

describe('main view', () => {
  it('stays up while reconnecting, with a banner saying why, when the next attempt is, and that sends are queued', async () => {
    const { fake, wrapper } = await mountApp({ state: 'online' })
    expect(wrapper.find('[data-test="connection-banner"]').exists()).toBe(false)
    const now = Date.now()
    fake.push({ state: 'reconnecting', connection: { cause: 'refused', attempt: 2, nextAttemptAt: now + 12_000, since: now - 3000 } })
    await flushPromises()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    const banner = wrapper.get('[data-test="connection-banner"]')
    expect(banner.attributes('data-cause')).toBe('refused')
    expect(banner.get('[data-test="connection-cause"]').text()).toBe('无法连接服务器：连接被拒绝')
    expect(banner.get('[data-test="connection-countdown"]').text()).toMatch(/^1[12] 秒后重试$/)
    expect(banner.get('[data-test="connection-kept"]').text()).toContain('排队')
    expect(document.title).toContain('离线')
    await banner.get('[data-test="retry-now"]').trigger('click')
    expect(fake.api.retryNow).toHaveBeenCalledOnce()
    // Expiry keeps the messenger in place, with a sign-in sheet over it saying why.
    fake.push({ state: 'signed-out', reason: 'expired', self: null })
    await flushPromises()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    expect(document.querySelector('[data-test="sign-in-sheet"] [data-test="login-reason"]')?.textContent).toContain('过期')
    expect(fake.listenerCount('message:received')).toBeGreaterThan(0)
    // Signing out on purpose leaves the messenger and stops its subscriptions.
    fake.push({ state: 'signed-out', reason: 'logout', self: null })
    await flushPromises()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="login-reason"]').text()).toContain('退出')
    expect(fake.listenerCount('message:received')).toBe(0)
  })

  it('shows the messenger read-only while the server cannot be reached for a known account', async () => {
    const now = Date.now()
    const { wrapper } = await mountApp({ state: 'unreachable', connection: { cause: 'timeout', attempt: 1, nextAttemptAt: now + 5000, since: now } })
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    const banner = wrapper.get('[data-test="connection-banner"]')
    expect(banner.attributes('data-state')).toBe('unreachable')
    expect(banner.get('[data-test="connection-cause"]').text()).toBe('无法连接服务器：服务器没有及时响应')
    expect(banner.get('[data-test="connection-kept"]').text()).toContain('本机')
  })

  it('loads the contacts once signed in and explains empty tabs', async () => {
    const { fake, wrapper } = await mountApp({ state: 'online' })
    expect(fake.api.getContacts).toHaveBeenCalledOnce()
    expect(wrapper.get('[data-test="contacts-empty"]').text()).toBe('还没有好友')
    await wrapper.get('[data-test="tab-discussions"]').trigger('click')
    expect(wrapper.get('[data-test="contacts-empty"]').text()).toBe('还没有讨论组')
    await wrapper.get('[data-test="contact-filter"]').setValue('zs')
    expect(wrapper.get('[data-test="contacts-empty"]').text()).toBe('没有找到匹配的联系人')
    expect(wrapper.get('[data-test="pick"]').text()).toContain('开始聊天')
  })

  it('marks no tab current while a filter searches every kind, and a tab click ends the search', async () => {
    const { wrapper } = await mountApp({ state: 'online' })
    const selected = () => wrapper.findAll('[role="tab"]').filter((tab) => tab.attributes('aria-selected') === 'true')
    expect(selected().map((tab) => tab.attributes('data-test'))).toEqual(['tab-buddies'])
    const filter = wrapper.get<HTMLInputElement>('[data-test="contact-filter"]')
    await filter.setValue('zs')
    expect(selected()).toHaveLength(0)
    await wrapper.get('[data-test="tab-groups"]').trigger('click')
    expect(filter.element.value).toBe('')
    expect(selected().map((tab) => tab.attributes('data-test'))).toEqual(['tab-groups'])
  })
})
