import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { useWindowTitle, windowTitle } from '../../src/renderer/src/composables/useWindowTitle'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { usePrefsStore } from '../../src/renderer/src/stores/prefs'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { installFakeApi } from './fake-api'

describe('window title', () => {
  it('is "QQ (n)" with unread messages, and just the name without', () => {
    expect(windowTitle('QQ', 0)).toBe('QQ')
    expect(windowTitle('QQ', 3)).toBe('QQ (3)')
    expect(windowTitle('QQ', 12_345)).toBe('QQ (999+)')
  })

  it('says offline first while the server cannot be reached, keeping the count', () => {
    expect(windowTitle('QQ', 3, '离线')).toBe('离线 - QQ (3)')
    expect(windowTitle('QQ', 0, 'Offline')).toBe('Offline - QQ')
  })

  it('follows the unread count of the conversations, muted ones aside, and clears on sign-out', async () => {
    const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSessionStore().init()
    const host = defineComponent({ setup: () => (useWindowTitle(), () => h('div')) })
    mount(host, { global: { plugins: [pinia, createAppI18n()] } })
    const conversations = useConversationsStore()
    await flushPromises()
    expect(document.title).toBe('QQ')
    conversations.unread['buddy:2'] = 3
    conversations.unread['group:50'] = 5
    await flushPromises()
    expect(document.title).toBe('QQ (8)')
    await usePrefsStore().setMuted({ kind: 'group', id: 50 }, true)
    await flushPromises()
    expect(document.title).toBe('QQ (3)')
    conversations.unread['buddy:2'] = 0
    await flushPromises()
    expect(document.title).toBe('QQ')
    conversations.unread['buddy:2'] = 1
    fake.push({ state: 'signed-out', reason: 'logout', self: null })
    await flushPromises()
    expect(document.title).toBe('QQ')
  })
})
