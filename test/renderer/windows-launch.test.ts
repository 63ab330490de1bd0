/**
 * Pop-out windows from the renderer's side (the page role from the query, the pop-out button, the
 * "each conversation in its own window" mode) and launch with a remembered session.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { pageRoleFrom } from '../../src/renderer/src/stores/windows'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import type { SessionSnapshot } from '../../src/shared/ipc'
import { installFakeApi } from './fake-api'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountApp(session: Partial<SessionSnapshot>, setup: (fake: ReturnType<typeof installFakeApi>) => void = () => {}) {
  const fake = installFakeApi(session)
  fake.data.contacts.groups = [{ gid: 21, code: 2100, name: '周末爬山群', markname: null, key: 'group:key:21' }]
  setup(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await flushPromises()
  return { fake, wrapper }
}

describe('windows', () => {
  it('reads the conversation a pop-out window shows from its query, refusing anything else', () => {
    expect(pageRoleFrom('?conversation=group:7')).toEqual({ kind: 'conversation', ref: { kind: 'group', id: 7 } })
    expect(pageRoleFrom('?conversation=discuss:123456')).toEqual({ kind: 'conversation', ref: { kind: 'discuss', id: 123456 } })
    for (const bad of ['', '?conversation=group:0', '?conversation=group:-1', '?conversation=user:7', '?conversation=group:7x', '?x=1'])
      expect(pageRoleFrom(bad)).toEqual({ kind: 'main' })
  })

  it('pops a conversation out from its header', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'online', self: { uin: 1, nick: '我' } })
    await useConversationsStore().openConversation({ kind: 'group', id: 21 })
    await flushPromises()
    await w.get('[data-test="pop-out"]').trigger('click')
    await flushPromises()
    expect(fake.api.popOutConversation).toHaveBeenCalledWith({ kind: 'group', id: 21 })
  })

  it('in "each conversation in its own window" mode, opening a conversation opens its window instead of the pane', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'online', self: { uin: 1, nick: '我' } }, (f) => {
      void f.api.updateSettings({ windowMode: 'windows' })
    })
    const conversations = useConversationsStore()
    await conversations.openConversation({ kind: 'group', id: 21 })
    await flushPromises()
    expect(fake.api.popOutConversation).toHaveBeenCalledWith({ kind: 'group', id: 21 })
    expect(conversations.open).toBeNull()
    expect(w.find('[data-test="pick"]').exists()).toBe(true)
  })
})

describe('read state across windows', () => {
  it('clears the unread count when another window read the conversation', async () => {
    const { fake } = await mountApp({ state: 'online', self: { uin: 1, nick: '我' } }, (f) => {
      f.data.unread = [{ conversationKey: 'group:key:21', kind: 'group', id: 21, count: 4 }]
    })
    const conversations = useConversationsStore()
    expect(conversations.unread['group:21']).toBe(4)
    fake.emit('unread:cleared', { kind: 'group', id: 21 })
    await flushPromises()
    expect(conversations.unread['group:21']).toBe(0)
  })
})

describe('sends from another window', () => {
  it('shows a message another window sent in a thread loaded here, once no send here claims it', async () => {
    const { fake } = await mountApp({ state: 'online', self: { uin: 1, nick: '我' } })
    const conversations = useConversationsStore()
    await conversations.openConversation({ kind: 'group', id: 21 })
    await flushPromises()
    const entry = {
      id: 9,
      ref: null,
      kind: 'group' as const,
      targetKey: 'group:key:21',
      text: '从别的窗口发的',
      state: 'sending' as const,
      error: null,
      part: 0,
      parts: 1,
      createdAt: 1_700_000_000_000
    }
    fake.emit('outbox:changed', entry)
    expect(conversations.threads.get('group:21')!.messages).toHaveLength(0)
    // After the claim delay (400 ms): waited for, so a loaded machine's late timer cannot fail it.
    await vi.waitFor(
      () =>
        expect(conversations.threads.get('group:21')!.messages.map((m) => [m.id, m.text, m.self, m.state])).toEqual([
          ['outbox:9', '从别的窗口发的', true, 'sending']
        ]),
      { timeout: 10_000 }
    )
    // Later states of that send follow as for our own.
    fake.emit('outbox:changed', { ...entry, state: 'sent' })
    expect(conversations.threads.get('group:21')!.messages[0]!.state).toBe('sent')
  })
})

describe('launch with a remembered session', () => {
  const remembered = { uin: 10001, nick: '小明' }

  it('signs in by itself and says as whom, with the avatar', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'signed-out', remembered })
    expect(fake.api.startSession).toHaveBeenCalledTimes(1)
    fake.push({ state: 'signing-in', qrDataUrl: null })
    await flushPromises()
    expect(w.get('[data-test="login-state"]').text()).toBe('正在以 小明 的身份登录…')
    expect(w.get('[data-test="remembered-account"]').text()).toContain('小')
    expect(w.find('[data-test="qr"]').exists()).toBe(false)
  })

  it('offers one-click sign-in and "use another account" after a sign-out', async () => {
    const { fake, wrapper: w } = await mountApp({ state: 'signed-out', reason: 'logout', remembered })
    expect(fake.api.startSession).not.toHaveBeenCalled()
    expect(w.get('[data-test="remembered-sign-in"]').text()).toBe('以 小明 登录')
    await w.get('[data-test="use-another-account"]').trigger('click')
    await flushPromises()
    expect(fake.api.logout).toHaveBeenCalledTimes(1)
    expect(fake.api.startSession).toHaveBeenCalledTimes(1)
    // The fake main forgot the account on logout: a QR is shown now.
    expect(w.find('[data-test="remembered-account"]').exists()).toBe(false)
    expect(w.find('[data-test="qr"]').exists()).toBe(true)
  })

  it('does not sign in by itself without a remembered account', async () => {
    const { fake } = await mountApp({ state: 'signed-out' })
    expect(fake.api.startSession).not.toHaveBeenCalled()
  })
})
