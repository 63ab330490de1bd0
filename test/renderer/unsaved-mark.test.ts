/** A message shown but not saved (a full disk) is marked, in both languages (issue 15 row 4). */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { fakeMessage, installFakeApi } from './fake-api'

function render(unsaved: boolean, locale: 'zh-CN' | 'en') {
  installFakeApi()
  const message = { ...fakeMessage('buddy', 5, 1), ...(unsaved ? { unsaved: true } : {}) }
  return mount(MessageItem, {
    props: { message, showSender: false, query: null, focused: false },
    global: { plugins: [createPinia(), createAppI18n(locale)] }
  })
}

describe('unsaved mark', () => {
  it('marks an unsaved message and says why on hover, in both languages', () => {
    const en = render(true, 'en').get('[data-test="message-unsaved"]')
    expect(en.text()).toBe('Not saved')
    expect(en.attributes('title')).toMatch(/not saved to the chat history yet \(the disk is full\)/)
    const zh = render(true, 'zh-CN').get('[data-test="message-unsaved"]')
    expect(zh.text()).toBe('未保存')
    expect(zh.attributes('title')).toContain('磁盘已满')
  })

  it('shows no mark on a saved message', () => {
    expect(render(false, 'en').find('[data-test="message-unsaved"]').exists()).toBe(false)
  })
})
