import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import type { MessageDto } from '../../src/shared/messenger'
import type { SessionState } from '../../src/shared/domain'
import { fakeMessage, installFakeApi } from './fake-api'

async function render(message: MessageDto, state: SessionState = 'online', showSender = false) {
  installFakeApi({ state, self: { uin: 1, nick: '我' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().init()
  const wrapper = mount(MessageItem, {
    props: { message, showSender },
    global: { plugins: [pinia, createAppI18n()] }
  })
  await flushPromises()
  return wrapper
}

const own = (state: MessageDto['state']) => fakeMessage('buddy', 5, 1, { id: 'outbox:3', self: true, state })

describe('message item', () => {
  it('shows faces as our own glyphs named by the face table, and text as text, never as HTML', async () => {
    const wrapper = await render(
      fakeMessage('group', 5, 1, {
        segments: [{ type: 'text', text: '<b>hi</b>' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }]
      }),
      'online',
      true
    )
    expect(wrapper.get('[data-test="message-text"]').text()).toBe('<b>hi</b>🙂[图片]')
    expect(wrapper.find('b').exists()).toBe(false)
    const face = wrapper.get('[data-test="face"]')
    expect(face.attributes('aria-label')).toBe('微笑')
    expect(face.attributes('role')).toBe('img')
    expect(face.find('img').exists()).toBe(false)
    expect(wrapper.get('[data-test="message-sender"]').text()).toBe('发送者1')
  })

  it.each([
    ['queued', 'reconnecting', 'queued', '排队中'],
    ['queued', 'online', 'sending', '发送中…'],
    ['sending', 'online', 'sending', '发送中…'],
    ['unconfirmed', 'online', 'unconfirmed', '未确认'],
    ['failed', 'reconnecting', 'failed', '发送失败']
  ] as const)('%s while %s shows as %s', async (state, session, shown, text) => {
    const wrapper = await render(own(state), session)
    const badge = wrapper.get('[data-test="delivery-state"]')
    expect(badge.attributes('data-state')).toBe(shown)
    expect(badge.text()).toContain(text)
  })

  it('marks a sent message with a check; an unconfirmed one says only what really happened', async () => {
    const sent = await render(own('sent'))
    expect(sent.get('[data-test="delivery-state"]').text()).toBe('✓')
    expect(sent.find('[data-test="retry"]').exists()).toBe(false)
    // Nothing known about why (e.g. loaded from the history): no claim that the server answered 1202.
    const unconfirmed = await render(own('unconfirmed'))
    expect(unconfirmed.get('[data-test="delivery-state"]').attributes('title')).not.toContain('1202')
    expect(unconfirmed.get('[data-test="delivery-state"]').attributes('title')).toContain('无法确定')
  })

  it.each([
    ['the server answered 1202: it may or may not have been delivered', '1202'],
    ['no answer: network failure (ECONNRESET: socket hang up)', '连接中断'],
    ['interrupted: the app stopped while sending; it may or may not have been delivered', '应用被关闭']
  ])('an unconfirmed send whose outbox says "%s" explains it with "%s"', async (error, words) => {
    const wrapper = await render(own('unconfirmed'))
    const { useConversationsStore } = await import('../../src/renderer/src/stores/conversations')
    useConversationsStore().failures['outbox:3'] = error
    await flushPromises()
    const title = wrapper.get('[data-test="delivery-state"]').attributes('title')!
    expect(title).toContain(words)
    if (words !== '1202') expect(title).not.toContain('1202')
  })

  it('a queued message while offline says it is not sent yet and goes out once the connection is back', async () => {
    const wrapper = await render(own('queued'), 'unreachable')
    const badge = wrapper.get('[data-test="delivery-state"]')
    expect(badge.attributes('data-state')).toBe('queued')
    expect(badge.attributes('title')).toBe('排队中：因为没有连接，消息还没有发出。连接恢复后会按顺序自动发出。')
  })

  it('offers a retry on a failed message', async () => {
    const wrapper = await render(own('failed'))
    await wrapper.get('[data-test="retry"]').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('shows no delivery state on messages from others', async () => {
    const wrapper = await render(fakeMessage('buddy', 5, 1))
    expect(wrapper.find('[data-test="delivery-state"]').exists()).toBe(false)
    expect(wrapper.classes()).not.toContain('own')
  })
})
