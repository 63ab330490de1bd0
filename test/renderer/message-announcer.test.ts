/**
 * The polite live region of the open conversation: it says new messages from others (sender and
 * text), never the history loaded on opening, never my own sends, never other conversations.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageAnnouncer from '../../src/renderer/src/components/MessageAnnouncer.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { fakeMessage, installFakeApi } from './fake-api'

const GROUP = { kind: 'group' as const, id: 22 }

describe('message announcer', () => {
  it('announces live messages from others in the open conversation, politely', async () => {
    const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSessionStore().init()
    fake.data.history['group:22'] = [fakeMessage('group', 22, 2), fakeMessage('group', 22, 1)]
    const store = useConversationsStore()
    await store.init()
    await store.openConversation(GROUP)
    const wrapper = mount(MessageAnnouncer, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n()] } })
    await flushPromises()
    const region = wrapper.get('[data-test="message-announcer"]')
    expect(region.attributes('aria-live')).toBe('polite')
    // The history on screen is not read out.
    expect(region.text()).toBe('')
    fake.emit('message:received', fakeMessage('group', 22, 3, { text: '今晚开会', from: { uin: 903, name: '张三' } }))
    await flushPromises()
    expect(region.text()).toBe('张三：今晚开会')
    // Mine, and another conversation's, are not announced.
    fake.emit('message:received', fakeMessage('group', 22, 4, { text: '好的', self: true }))
    fake.emit('message:received', fakeMessage('group', 23, 5, { text: '别的群' }))
    await flushPromises()
    expect(region.text()).toBe('张三：今晚开会')
  })
})
