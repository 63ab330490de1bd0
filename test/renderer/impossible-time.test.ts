import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { dayLabel } from '../../src/renderer/src/lib/message-layout'
import { formatUnix, isoOfUnix } from '../../src/renderer/src/lib/safe-time'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { fakeMessage, installFakeApi } from './fake-api'

describe('a message time Date cannot hold (stored by an old version)', () => {
  it('renders the message with an empty time label instead of throwing RangeError', async () => {
    installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    const pinia = createPinia()
    setActivePinia(pinia)
    await useSessionStore().init()
    const wrapper = mount(MessageItem, {
      props: { message: fakeMessage('buddy', 5, 1, { time: 1e20, segments: [{ type: 'text', text: 'still readable' }] }), showSender: false },
      global: { plugins: [pinia, createAppI18n()] }
    })
    await flushPromises()
    expect(wrapper.get('[data-test="message-text"]').text()).toBe('still readable')
    expect(wrapper.get('[data-test="message-time"]').text()).toBe('')
    expect(wrapper.get('[data-test="message-time"]').attributes('datetime')).toBeUndefined()
  })

  it('formats nothing for it, and a real time as usual', () => {
    const fmt = new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    expect(formatUnix(fmt, 1e20)).toBe('')
    expect(isoOfUnix(1e20)).toBeUndefined()
    expect(formatUnix(fmt, 1_700_000_000)).toBe('22:13')
    expect(isoOfUnix(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z')
    expect(dayLabel(1e20, Date.now(), 'en', { today: 'Today', yesterday: 'Yesterday' })).toBe('')
  })
})
