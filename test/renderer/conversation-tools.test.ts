/**
 * The everyday conversation tools in the store and components: mentions counted apart from unread, the
 * "new messages" divider placed above the first unread message (older pages loaded to reach it), the
 * message menu (reka-ui ContextMenu: copy, quote, delete here, resend with the duplicate warning), and
 * find in this conversation (every hit of the store, n / N, stepping, paging a hit in, Esc).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageList from '../../src/renderer/src/components/MessageList.vue'
import FindBar from '../../src/renderer/src/components/FindBar.vue'
import MuteToggle from '../../src/renderer/src/components/MuteToggle.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useComposerStore } from '../../src/renderer/src/stores/composer'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import { useProfileStore } from '../../src/renderer/src/stores/profile'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useFindStore } from '../../src/renderer/src/stores/find'
import { usePrefsStore } from '../../src/renderer/src/stores/prefs'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { quoteOf, withSenderAndTime } from '../../src/renderer/src/lib/message-actions'
import { fakeMessage, installFakeApi } from './fake-api'

const GROUP = { kind: 'group' as const, id: 22 }
const OTHER = { kind: 'buddy' as const, id: 7 }

/** `count` messages in the group, newest first; every fifth is our own. */
async function setup(count: number, unread = 0) {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.history['group:22'] = Array.from({ length: count }, (_, i) => {
    const n = count - i
    return fakeMessage('group', 22, n, n % 5 === 0 ? { self: true, from: { uin: 1, name: '我' } } : {})
  })
  if (unread > 0) fake.data.unread = [{ conversationKey: 'group:key:22', kind: 'group', id: 22, count: unread }]
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().init()
  const store = useConversationsStore()
  await store.init()
  return { fake, store, pinia }
}

describe('mentions and the unread divider in the store', () => {
  beforeEach(() => localStorage.clear())

  it('counts messages that mention me apart from unread, and clears both when read here or elsewhere', async () => {
    const { fake, store } = await setup(0)
    await store.openConversation(OTHER)
    fake.emit('message:received', fakeMessage('group', 22, 1, { mentionsMe: true }))
    fake.emit('message:received', fakeMessage('group', 22, 2))
    expect(store.unread['group:22']).toBe(2)
    expect(store.mentions['group:22']).toBe(1)
    fake.emit('unread:cleared', GROUP)
    expect(store.mentions['group:22']).toBe(0)
    fake.emit('message:received', fakeMessage('group', 22, 3, { mentionsMe: true }))
    await store.openConversation(GROUP)
    expect(store.mentions['group:22']).toBe(0)
    expect(store.unread['group:22']).toBe(0)
  })

  it('marks the first unread message from others, loading older pages until it is in', async () => {
    const { store } = await setup(200, 40)
    await store.openConversation(GROUP)
    const messages = store.threads.get('group:22')!.messages
    const first = messages.findIndex((m) => m.id === store.dividers['group:22'])
    expect(first).toBeGreaterThanOrEqual(0)
    // 40 messages from others from there on (our own ones in between do not count).
    expect(messages.slice(first).filter((m) => !m.self)).toHaveLength(40)
    expect(messages[first]!.self).toBe(false)
    expect(messages.length).toBeGreaterThan(30)
  })

  it('places no divider when nothing was unread, and removes a message deleted here', async () => {
    const { fake, store } = await setup(10)
    await store.openConversation(GROUP)
    expect(store.dividers['group:22']).toBeUndefined()
    const victim = store.threads.get('group:22')!.messages.at(-1)!
    expect(await store.deleteLocal(victim)).toBe(true)
    expect(fake.api.deleteMessage).toHaveBeenCalledWith({ kind: 'group', id: 22, message: victim.id })
    expect(store.threads.get('group:22')!.messages.map((m) => m.id)).not.toContain(victim.id)
  })
})

describe('the message menu', () => {
  beforeEach(() => {
    localStorage.clear()
    document.body.innerHTML = ''
  })

  async function mountList(over: Parameters<typeof fakeMessage>[3] = {}) {
    const t = await setup(3)
    t.fake.data.history['group:22']![0] = fakeMessage('group', 22, 3, { self: true, from: { uin: 1, name: '我' }, ...over })
    await t.store.openConversation(GROUP)
    const wrapper = mount(MessageList, {
      props: { conversation: GROUP },
      global: { plugins: [t.pinia, createAppI18n('en')] },
      attachTo: document.body
    })
    await flushPromises()
    async function openMenuOn(id: string) {
      const row = document.querySelector(`[data-test="message"][data-id="${id}"] [data-test="message-text"]`)!
      row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 20, clientY: 20 }))
      await flushPromises()
      return document.querySelector<HTMLElement>('[data-test="message-menu"]')
    }
    const item = (name: string) => document.querySelector<HTMLElement>(`[data-test="menu-${name}"]`)
    return { ...t, wrapper, openMenuOn, item }
  }

  it('is a menu of menuitems on a message, none outside one; copy and quote put plain text where asked', async () => {
    const { wrapper, openMenuOn, item } = await mountList()
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
    const menu = await openMenuOn('m:group:22:1')
    expect(menu?.getAttribute('role')).toBe('menu')
    // The sender is not among the loaded members: no profile to open.
    expect([...menu!.querySelectorAll('[role="menuitem"]')].map((i) => i.getAttribute('data-test'))).toEqual([
      'menu-copy',
      'menu-copy-sender',
      'menu-quote',
      'menu-select',
      'menu-delete'
    ])
    item('copy')!.click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('消息 1')
    expect(document.querySelector('[data-test="list-notice"]')!.textContent).toBe('Copied')
    await openMenuOn('m:group:22:2')
    item('quote')!.click()
    await flushPromises()
    expect(useComposerStore().pending?.text).toBe('「发送者2：消息 2」\n')
    wrapper.unmount()
  })

  it('opens the profile of a sender who is a loaded member', async () => {
    const { fake, openMenuOn, item, wrapper } = await mountList()
    const member = { uin: 901, nick: 'nick1', card: '发送者1', name: '发送者1', status: null, role: null }
    fake.data.members['group:22'] = [member]
    await useContactsStore().loadMembers(GROUP)
    await openMenuOn('m:group:22:1')
    item('profile')!.click()
    await flushPromises()
    expect(useProfileStore().shown).toEqual({ kind: 'member', group: GROUP, member })
    wrapper.unmount()
  })

  it('deletes from this computer only after saying so', async () => {
    const { fake, store, openMenuOn, item, wrapper } = await mountList()
    await openMenuOn('m:group:22:2')
    item('delete')!.click()
    await flushPromises()
    const dialog = document.querySelector('[data-test="message-confirm"]')!
    expect(dialog.getAttribute('role')).toBe('alertdialog')
    expect(dialog.textContent).toContain('stays on the other side')
    document.querySelector<HTMLElement>('[data-test="confirm-ok"]')!.click()
    await flushPromises()
    expect(fake.api.deleteMessage).toHaveBeenCalledWith({ kind: 'group', id: 22, message: 'm:group:22:2' })
    expect(store.threads.get('group:22')!.messages.map((m) => m.id)).toEqual(['m:group:22:1', 'm:group:22:3'])
    wrapper.unmount()
  })

  it('resends an unconfirmed own message only after the honest duplicate warning', async () => {
    const { fake, openMenuOn, item, wrapper } = await mountList({ id: 'outbox:9', state: 'unconfirmed' })
    const menu = await openMenuOn('outbox:9')
    expect(menu!.querySelector('[data-test="menu-profile"]')).toBeNull()
    item('resend')!.click()
    await flushPromises()
    expect(document.querySelector('[data-test="message-confirm"]')!.textContent).toContain('not resent automatically')
    expect(fake.api.retryOutbox).not.toHaveBeenCalled()
    document.querySelector<HTMLElement>('[data-test="confirm-ok"]')!.click()
    await flushPromises()
    expect(fake.api.retryOutbox).toHaveBeenCalledWith({ id: 9 })
    wrapper.unmount()
  })

  it('formats copies with sender and time, and quotes cut at 30 characters', () => {
    const long = fakeMessage('group', 22, 1, {
      segments: [
        { type: 'text', text: '一二三四五六七八九十'.repeat(4) },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    expect(quoteOf(long, '[Picture]')).toBe(`「发送者1：${'一二三四五六七八九十'.repeat(3)}…」\n`)
    expect(withSenderAndTime(fakeMessage('group', 22, 2), '12:00', '[Picture]')).toBe('发送者2 12:00\n消息 2')
  })
})

describe('find in this conversation', () => {
  beforeEach(() => {
    localStorage.clear()
    document.body.innerHTML = ''
  })

  it('finds every stored hit newest first, steps both ways with wrap-around, pages an old hit in, and closes', async () => {
    const { fake, store, pinia } = await setup(120)
    await store.openConversation(GROUP)
    const find = useFindStore()
    find.open(GROUP)
    const bar = mount(FindBar, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body })
    // 消息 1, 消息 10..19, 消息 100..120 contain "消息 1".
    await find.run('消息 1')
    await flushPromises()
    expect(find.hits).toHaveLength(1 + 10 + 21)
    expect(bar.get('[data-test="find-count"]').text()).toBe('1 / 32')
    expect(store.jump).toEqual({ key: 'group:22', messageId: 'm:group:22:120', query: '消息 1' })
    // Shift+Enter from the newest wraps to the oldest hit, which is not loaded: paged in around it.
    await bar.get('[data-test="find-input"]').trigger('keydown', { key: 'Enter', shiftKey: true })
    await flushPromises()
    expect(bar.get('[data-test="find-count"]').text()).toBe('32 / 32')
    expect(fake.api.getHistoryAround).toHaveBeenLastCalledWith({ kind: 'group', id: 22, message: 'm:group:22:1', limit: 30 })
    expect(store.threads.get('group:22')!.messages.map((m) => m.id)).toContain('m:group:22:1')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F3' }))
    await flushPromises()
    expect(bar.get('[data-test="find-count"]').text()).toBe('1 / 32')
    expect(find.highlightIn('group:22')).toBe('消息 1')
    await bar.get('[data-test="find-input"]').trigger('keydown', { key: 'Escape' })
    expect(find.target).toBeNull()
    expect(store.jump).toBeNull()
    expect(find.highlightIn('group:22')).toBeNull()
    bar.unmount()
  })

  it('says when nothing matches', async () => {
    const { store, pinia } = await setup(5)
    await store.openConversation(GROUP)
    useFindStore().open(GROUP)
    const bar = mount(FindBar, { global: { plugins: [pinia, createAppI18n('zh-CN')] }, attachTo: document.body })
    await useFindStore().run('没有的词')
    await flushPromises()
    expect(bar.get('[data-test="find-count"]').text()).toBe('无结果')
    bar.unmount()
  })
})

describe('mention alerts in a muted group', () => {
  it('shows a second toggle once muted; it lists the group where @me should stay quiet', async () => {
    const { fake, pinia } = await setup(0)
    await useSettingsStore().load()
    await usePrefsStore().init()
    const wrapper = mount(MuteToggle, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n('en')] } })
    expect(wrapper.find('[data-test="mention-alerts"]').exists()).toBe(false)
    await wrapper.get('[data-test="mute-toggle"]').trigger('click')
    await flushPromises()
    const alerts = wrapper.get('[data-test="mention-alerts"]')
    expect(alerts.attributes('aria-pressed')).toBe('true')
    await alerts.trigger('click')
    await flushPromises()
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ mentionAlertsOff: ['group:22'] })
    expect(wrapper.get('[data-test="mention-alerts"]').attributes('aria-pressed')).toBe('false')
  })
})
