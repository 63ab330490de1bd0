/**
 * After an outage or a new login the session's ids change: the open conversation follows its stable
 * key to the new id (and its thread is read again), instead of staying on an id nobody has any more.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent } from 'vue'
import { useOpenConversationFollowsKey } from '../../src/renderer/src/composables/useOpenConversationFollowsKey'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import type { ContactsDto } from '../../src/shared/messenger'
import { fakeMessage, installFakeApi } from './fake-api'

const buddy = (uin: number, key: string, nick: string) => ({
  uin,
  key,
  nick,
  markname: null,
  category: '我的好友',
  online: true,
  status: 'online' as const,
  vipLevel: 0
})

const contacts = (buddies: ContactsDto['buddies']): ContactsDto => ({ buddies, groups: [], discussions: [], recent: [], loadedAt: 1 })

async function setup() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  setActivePinia(createPinia())
  await useSessionStore().init()
  fake.data.contacts = contacts([buddy(11, 'buddy:name:我的好友/张三', '张三'), buddy(12, 'buddy:name:我的好友/李四', '李四')])
  const contactsStore = useContactsStore()
  const conversations = useConversationsStore()
  await contactsStore.init()
  await conversations.init()
  mount(defineComponent({ setup: () => useOpenConversationFollowsKey(), template: '<div />' }))
  return { fake, contactsStore, conversations }
}

describe('the open conversation follows its key', () => {
  it('moves to the new id of the same person, keeping the thread and adding what came meanwhile', async () => {
    const { fake, contactsStore, conversations } = await setup()
    fake.data.history['buddy:11'] = [fakeMessage('buddy', 11, 1)]
    await conversations.openConversation({ kind: 'buddy', id: 11 })
    await flushPromises()
    // A new session: 张三 is 77 now, 李四 88.
    fake.data.contacts = contacts([buddy(77, 'buddy:name:我的好友/张三', '张三'), buddy(88, 'buddy:name:我的好友/李四', '李四')])
    fake.data.history['buddy:77'] = [fakeMessage('buddy', 77, 2)]
    await contactsStore.load()
    await flushPromises()
    expect(conversations.open).toEqual({ kind: 'buddy', id: 77 })
    // The rows on screen stay (scroll position, issue 15 item 4); the new session's history joins the end.
    expect(conversations.threads.get('buddy:77')!.messages.map((m) => m.text)).toEqual(['消息 1', '消息 2'])
    expect(conversations.threads.has('buddy:11')).toBe(false)
  })

  it('never guesses: a key two people now share leaves the conversation where it was', async () => {
    const { fake, contactsStore, conversations } = await setup()
    await conversations.openConversation({ kind: 'buddy', id: 11 })
    fake.data.contacts = contacts([buddy(77, 'buddy:name:我的好友/张三', '张三'), buddy(78, 'buddy:name:我的好友/张三', '张三')])
    await contactsStore.load()
    await flushPromises()
    expect(conversations.open).toEqual({ kind: 'buddy', id: 11 })
  })
})
