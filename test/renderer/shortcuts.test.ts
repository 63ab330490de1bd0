/**
 * Shortcuts: one mapping for in-page keys and the app menu's menu:command, driving the quick
 * switcher (name or pinyin, arrow keys + Enter), settings, closing and cycling conversations, Esc.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { commandForKey } from '../../src/renderer/src/composables/useShortcuts'
import { neighbour, switchCandidates } from '../../src/renderer/src/lib/quick-switch'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import type { BuddyDto, ContactsDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'

const buddy = (uin: number, nick: string, markname: string | null = null): BuddyDto => ({
  uin,
  nick,
  markname,
  category: '我的好友',
  online: true,
  status: 'online',
  key: `buddy:key:${uin}`,
  vipLevel: 0
})
const CONTACTS: ContactsDto = {
  buddies: [buddy(11, '张三'), buddy(12, '李四'), buddy(13, 'Alice', '王小明')],
  groups: [{ gid: 21, code: 2100, name: '周末爬山群', markname: null, key: 'group:key:21' }],
  discussions: [{ did: 31, name: '项目讨论' } as ContactsDto['discussions'][number]],
  recent: [
    { kind: 'group', id: 21, key: 'group:key:21' },
    { kind: 'buddy', id: 12, key: 'buddy:key:12' }
  ],
  loadedAt: 1
}

const key = (k: string, over: Partial<KeyboardEventInit> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over
})

describe('shortcut mapping', () => {
  it('maps keys to the same commands the app menu sends, with Cmd on macOS', () => {
    expect(commandForKey(key('k', { ctrlKey: true }), false)).toBe('quick-switcher')
    expect(commandForKey(key('K', { ctrlKey: true }), false)).toBe('quick-switcher')
    expect(commandForKey(key('k', { metaKey: true }), false)).toBeNull()
    expect(commandForKey(key('k', { metaKey: true }), true)).toBe('quick-switcher')
    expect(commandForKey(key('f', { ctrlKey: true }), false)).toBe('search')
    expect(commandForKey(key('w', { ctrlKey: true }), false)).toBe('close-conversation')
    expect(commandForKey(key(',', { ctrlKey: true }), false)).toBe('settings')
    expect(commandForKey(key('Tab', { ctrlKey: true }), true)).toBe('next-conversation')
    expect(commandForKey(key('Tab', { ctrlKey: true, shiftKey: true }), false)).toBe('previous-conversation')
    expect(commandForKey(key('Escape'), false)).toBe('escape')
    expect(commandForKey(key('k'), false)).toBeNull()
    expect(commandForKey(key('f', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
  })

  it('lists recent conversations first and filters by name or pinyin', () => {
    expect(switchCandidates(CONTACTS, '').map((c) => c.key)).toEqual(['group:21', 'buddy:12', 'buddy:11', 'buddy:13', 'discuss:31'])
    expect(switchCandidates(CONTACTS, 'zs').map((c) => c.name)).toEqual(['张三'])
    expect(switchCandidates(CONTACTS, 'wxm').map((c) => c.name)).toEqual(['王小明'])
    expect(switchCandidates(CONTACTS, '爬山').map((c) => c.key)).toEqual(['group:21'])
    expect(switchCandidates(null, 'x')).toEqual([])
  })

  it('cycles through an order, wrapping at both ends', () => {
    const order = [
      { kind: 'group' as const, id: 21 },
      { kind: 'buddy' as const, id: 12 }
    ]
    expect(neighbour(order, null, 1)).toEqual(order[0])
    expect(neighbour(order, order[0]!, 1)).toEqual(order[1])
    expect(neighbour(order, order[1]!, 1)).toEqual(order[0])
    expect(neighbour(order, order[0]!, -1)).toEqual(order[1])
    expect(neighbour([], null, 1)).toBeNull()
  })
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountSignedIn() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts = structuredClone(CONTACTS)
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(App, { global: { plugins: [pinia, createAppI18n('en')] }, attachTo: document.body })
  await flushPromises()
  return { fake, wrapper, conversations: useConversationsStore() }
}

const press = async (init: KeyboardEventInit) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
  await flushPromises()
}

describe('shortcuts in the app', () => {
  it('Ctrl+K opens the quick switcher; pinyin, arrows and Enter open a conversation; Esc closes it', async () => {
    const { wrapper: w, conversations } = await mountSignedIn()
    await press({ key: 'k', ctrlKey: true })
    const input = w.get('[data-test="quick-switcher-input"]')
    expect(document.activeElement).toBe(input.element)
    expect(w.findAll('[data-test="quick-switcher-item"]').map((i) => i.attributes('data-key'))).toEqual([
      'group:21',
      'buddy:12',
      'buddy:11',
      'buddy:13',
      'discuss:31'
    ])
    await input.setValue('ls')
    expect(w.findAll('[data-test="quick-switcher-item"]').map((i) => i.text())).toEqual([expect.stringContaining('李四')])
    await input.setValue('')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowUp' })
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(conversations.open).toEqual({ kind: 'buddy', id: 12 })
    expect(w.find('[data-test="quick-switcher"]').exists()).toBe(false)
    await press({ key: 'k', ctrlKey: true })
    expect(w.find('[data-test="quick-switcher"]').exists()).toBe(true)
    await press({ key: 'Escape' })
    expect(w.find('[data-test="quick-switcher"]').exists()).toBe(false)
  })

  it('runs the app menu commands through the same actions', async () => {
    const { fake, wrapper: w, conversations } = await mountSignedIn()
    fake.emit('menu:command', { command: 'next-conversation' })
    await flushPromises()
    expect(conversations.open).toEqual({ kind: 'group', id: 21 })
    fake.emit('menu:command', { command: 'next-conversation' })
    await flushPromises()
    expect(conversations.open).toEqual({ kind: 'buddy', id: 12 })
    await press({ key: 'Tab', ctrlKey: true, shiftKey: true })
    expect(conversations.open).toEqual({ kind: 'group', id: 21 })
    fake.emit('menu:command', { command: 'close-conversation' })
    await flushPromises()
    expect(conversations.open).toBeNull()
    expect(w.find('[data-test="pick"]').exists()).toBe(true)
    // The dialogs render into <body>.
    const shown = (id: string) => document.body.querySelector(`[data-test="${id}"]`) !== null
    fake.emit('menu:command', { command: 'settings' })
    await flushPromises()
    expect(shown('settings-view')).toBe(true)
    fake.emit('menu:command', { command: 'escape' })
    await flushPromises()
    expect(shown('settings-view')).toBe(false)
    // Help → About (the app menu): its own dialog, closed by Esc.
    fake.emit('menu:command', { command: 'about' })
    await flushPromises()
    expect(shown('about-view')).toBe(true)
    fake.emit('menu:command', { command: 'escape' })
    await flushPromises()
    expect(shown('about-view')).toBe(false)
    fake.emit('menu:command', { command: 'search' })
    await flushPromises()
    expect(document.activeElement?.getAttribute('data-test')).toBe('history-search')
  })
})
