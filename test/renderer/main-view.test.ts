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
  it('stays up while reconnecting, with a banner saying sends are queued', async () => {
    const { fake, wrapper } = await mountApp({ state: 'online' })
    expect(wrapper.find('[data-test="reconnecting"]').exists()).toBe(false)
    fake.push({ state: 'reconnecting' })
    await flushPromises()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="reconnecting"]').text()).toContain('排队')
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
