/**
 * Expiry and "signed in elsewhere" keep the messenger in place: a sign-in sheet with the QR appears
 * over it (a modal dialog), and after the scan the open conversation, its messages, the typed text
 * and the pop-out follow the new session's ids without the view being rebuilt.
 */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { movedIds } from '../../src/renderer/src/lib/session-renewal'
import { fakeMessage, installFakeApi } from './fake-api'

const QR = 'data:image/png;base64,iVBORw0KGgo='

async function mountMessenger() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts.groups.push({ gid: 21, code: 2100, name: '周末爬山群', markname: null, key: 'group-key-21' })
  fake.data.history['group:21'] = Array.from({ length: 40 }, (_, i) => fakeMessage('group', 21, 40 - i))
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await flushPromises()
  await useConversationsStore().openConversation({ kind: 'group', id: 21 })
  await flushPromises()
  return { fake, wrapper }
}

const sheet = (): Element | null => document.querySelector('[data-test="sign-in-sheet"]')

describe('session renewal keeps the messenger', () => {
  it('expiry: the sheet with the QR over the messenger, then everything continues under the new ids', async () => {
    const { fake, wrapper } = await mountMessenger()
    const view = wrapper.get('[data-test="conversation"]').element
    await wrapper.get('textarea').setValue('还没写完的话')
    fake.push({ state: 'signed-out', reason: 'expired', self: null })
    await flushPromises()
    // The messenger is still there, untouched, under a modal sheet.
    expect(wrapper.get('[data-test="conversation"]').element).toBe(view)
    expect(sheet()?.getAttribute('role')).toBe('dialog')
    expect(sheet()?.getAttribute('data-reason')).toBe('expired')
    expect(sheet()?.querySelector('[data-test="login-reason"]')?.textContent).toContain('过期')
    fake.push({ state: 'waiting', qrDataUrl: QR })
    await flushPromises()
    expect(sheet()?.querySelector('[data-test="qr"]')?.getAttribute('src')).toBe(QR)
    // Escape does not dismiss it: the messenger behind needs a session.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(sheet()).not.toBeNull()
    // The scan: a new session, where the same group has another id.
    fake.data.contacts = { ...fake.data.contacts, groups: [{ gid: 77, code: 7700, name: '周末爬山群', markname: null, key: 'group-key-21' }] }
    fake.data.history['group:77'] = fake.data.history['group:21']!
    fake.push({ state: 'online', reason: null, qrDataUrl: null, self: { uin: 1, nick: '我' } })
    await flushPromises()
    expect(sheet()).toBeNull()
    expect(useConversationsStore().open).toEqual({ kind: 'group', id: 77 })
    // The same view (scroll position and all), the same typed text, the same messages.
    expect(wrapper.get('[data-test="conversation"]').element).toBe(view)
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('还没写完的话')
    expect(wrapper.findAll('[data-test="message-text"]').length).toBeGreaterThan(0)
    expect(wrapper.get('[data-test="conversation-title"]').text()).toBe('周末爬山群')
    wrapper.unmount()
  })

  it('kick: its own sentence on the sheet; signing out from the sheet leaves for the login page', async () => {
    const { fake, wrapper } = await mountMessenger()
    fake.push({ state: 'signed-out', reason: 'kicked', self: null })
    await flushPromises()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(true)
    expect(sheet()?.querySelector('[data-test="login-reason"]')?.textContent).toContain('另一地点登录')
    ;(sheet()?.querySelector('[data-test="sheet-sign-out"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(sheet()).toBeNull()
    expect(wrapper.find('[data-test="main-view"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="login-state"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says so when main refuses a pop-out window (too many open)', async () => {
    const { fake, wrapper } = await mountMessenger()
    vi.mocked(fake.api.popOutConversation).mockImplementation(() =>
      Promise.resolve({ ok: false as const, error: { code: 'failed' as const, reason: 'window-limit' as const, message: 'at most 8' } })
    )
    await wrapper.get('[data-test="pop-out"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="pop-out-error"]').text()).toContain('最多只能有 8 个会话单独成窗')
    wrapper.unmount()
  })

  it('maps old ids to new ones by stable key, leaving out conversations that are gone or unchanged', () => {
    const buddy = (uin: number, key: string) => ({
      uin,
      key,
      nick: key,
      markname: null,
      category: '',
      online: false,
      status: 'offline' as const,
      vipLevel: 0
    })
    const before = { buddies: [buddy(1, 'a'), buddy(2, 'b'), buddy(3, 'c')], groups: [], discussions: [{ did: 5, name: 'd', key: 'd' }] }
    const after = { buddies: [buddy(10, 'a'), buddy(2, 'b')], groups: [], discussions: [{ did: 50, name: 'd', key: 'd' }] }
    expect([...movedIds(before, after)]).toEqual([
      ['buddy:1', { kind: 'buddy', id: 10 }],
      ['discuss:5', { kind: 'discuss', id: 50 }]
    ])
  })
})
