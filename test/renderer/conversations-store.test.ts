import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useConversationsStore, PAGE_SIZE } from '../../src/renderer/src/stores/conversations'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { fakeMessage, installFakeApi } from './fake-api'

const BUDDY = { kind: 'buddy' as const, id: 11 }
const GROUP = { kind: 'group' as const, id: 22 }

async function setup() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  setActivePinia(createPinia())
  await useSessionStore().init()
  const store = useConversationsStore()
  return { fake, store }
}

const texts = (store: ReturnType<typeof useConversationsStore>, key: string) => store.threads.get(key)!.messages.map((m) => m.text)

describe('conversations store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('starts from the unread counts main reports, skipping conversations not in this session', async () => {
    const { fake, store } = await setup()
    fake.data.unread = [
      { conversationKey: 'g', kind: 'group', id: 22, count: 4 },
      { conversationKey: 'gone', kind: 'buddy', id: null, count: 9 }
    ]
    await store.init()
    expect(store.unread).toEqual({ 'group:22': 4 })
  })

  it('counts a message in another conversation as unread, but not our own from another device', async () => {
    const { fake, store } = await setup()
    await store.init()
    await store.openConversation(BUDDY)
    fake.emit('message:received', fakeMessage('group', 22, 1))
    fake.emit('message:received', fakeMessage('group', 22, 2))
    fake.emit('message:received', fakeMessage('group', 22, 3, { self: true }))
    expect(store.unread['group:22']).toBe(2)
    expect(store.activity['group:22']).toBe(1_700_000_003)
  })

  it('marks the open conversation read when opened and when a message arrives in it', async () => {
    const { fake, store } = await setup()
    fake.data.unread = [{ conversationKey: 'g', kind: 'group', id: 22, count: 3 }]
    await store.init()
    await store.openConversation(GROUP)
    expect(store.unread['group:22']).toBe(0)
    expect(fake.api.markRead).toHaveBeenLastCalledWith(GROUP)
    fake.emit('message:received', fakeMessage('group', 22, 7))
    expect(store.unread['group:22']).toBe(0)
    expect(fake.api.markRead).toHaveBeenCalledTimes(2)
    expect(texts(store, 'group:22')).toEqual(['消息 7'])
  })

  it('pages the history with the cursor, oldest first in the list, until the start', async () => {
    const { fake, store } = await setup()
    const total = PAGE_SIZE * 2 + 10
    fake.data.history['buddy:11'] = Array.from({ length: total }, (_, i) => fakeMessage('buddy', 11, total - i))
    await store.init()
    await store.openConversation(BUDDY)
    const thread = store.threads.get('buddy:11')!
    expect(thread.messages.map((m) => m.time - 1_700_000_000)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => total - PAGE_SIZE + 1 + i))
    expect(await store.loadOlder()).toBe(true)
    expect(await store.loadOlder()).toBe(true)
    expect(thread.messages).toHaveLength(total)
    expect(thread.messages[0]!.text).toBe('消息 1')
    expect(thread.next).toBeNull()
    expect(await store.loadOlder()).toBe(false)
    const cursors = vi.mocked(fake.api.getHistory).mock.calls.map(([q]) => q.before)
    expect(cursors).toEqual([null, `m:buddy:11:${total - PAGE_SIZE + 1}`, `m:buddy:11:${total - 2 * PAGE_SIZE + 1}`])
  })

  it('shows our send at once and follows its outbox state, also when the state came first', async () => {
    const { fake, store } = await setup()
    await store.init()
    await store.openConversation(BUDDY)
    expect(await store.send('你好')).toBe(true)
    expect(fake.api.sendMessage).toHaveBeenCalledWith({ kind: 'buddy', to: 11, text: '你好' })
    const [mine] = store.threads.get('buddy:11')!.messages
    expect(mine).toMatchObject({
      id: 'outbox:1',
      self: true,
      text: '你好',
      state: 'queued',
      from: { uin: 1, name: '我' }
    })
    fake.emit('outbox:changed', { ...fake.data.outbox[0]!, state: 'sending' })
    fake.emit('outbox:changed', { ...fake.data.outbox[0]!, state: 'unconfirmed', error: '1202' })
    expect(store.threads.get('buddy:11')!.messages[0]!.state).toBe('unconfirmed')
    await store.retry('outbox:1')
    expect(fake.api.retryOutbox).toHaveBeenCalledWith({ id: 1 })
    expect(store.threads.get('buddy:11')!.messages[0]!.state).toBe('queued')
    // An outbox push that beats the send answer (entry 2) is applied when the message appears.
    fake.emit('outbox:changed', { ...fake.data.outbox[0]!, id: 2, state: 'sent' })
    await store.send('第二条')
    expect(store.threads.get('buddy:11')!.messages.map((m) => [m.id, m.state])).toEqual([
      ['outbox:1', 'queued'],
      ['outbox:2', 'sent']
    ])
  })

  it('refuses blank text and reports a failed send without adding a message', async () => {
    const { fake, store } = await setup()
    await store.init()
    await store.openConversation(BUDDY)
    expect(await store.send('   ')).toBe(false)
    window.api = {
      ...fake.api,
      sendMessage: () =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'failed' as const, reason: 'not-signed-in' as const, message: 'not signed in' }
        })
    }
    setActivePinia(createPinia())
    const fresh = useConversationsStore()
    await fresh.openConversation(BUDDY)
    expect(await fresh.send('hi')).toBe(false)
    // The i18n key of the sentence, never main's raw message.
    expect(fresh.error).toBe('errors.failure.not-signed-in')
    expect(fresh.threads.get('buddy:11')!.messages).toEqual([])
  })

  it('never shows the same message twice (a push that is also in the loaded page)', async () => {
    const { fake, store } = await setup()
    const m = fakeMessage('buddy', 11, 1)
    fake.data.history['buddy:11'] = [m]
    await store.init()
    await store.openConversation(BUDDY)
    fake.emit('message:received', { ...m })
    expect(texts(store, 'buddy:11')).toEqual(['消息 1'])
  })

  it('renames the shown messages of a sender whose name was resolved late, in that conversation only', async () => {
    const { fake, store } = await setup()
    const placeholder = { uin: 77, name: '77' }
    fake.data.history['group:22'] = [
      fakeMessage('group', 22, 2, { from: { uin: 78, name: '别人' } }),
      fakeMessage('group', 22, 1, { from: placeholder })
    ]
    fake.data.history['group:23'] = [fakeMessage('group', 23, 1, { from: placeholder })]
    await store.init()
    await store.openConversation({ kind: 'group', id: 23 })
    await store.openConversation(GROUP)
    fake.emit('message:received', fakeMessage('group', 22, 3, { from: placeholder }))
    fake.emit('sender:resolved', { kind: 'group', conversationId: 22, uin: 77, name: '张三' })
    const names = (key: string) => store.threads.get(key)!.messages.map((m) => m.from.name)
    expect(names('group:22')).toEqual(['张三', '别人', '张三'])
    expect(names('group:23')).toEqual(['77'])
  })

  it('forgets everything and stops listening on dispose (sign-out)', async () => {
    const { fake, store } = await setup()
    await store.init()
    expect(fake.listenerCount('message:received')).toBe(1)
    await store.openConversation(BUDDY)
    store.dispose()
    expect(fake.listenerCount('message:received')).toBe(0)
    expect(fake.listenerCount('sender:resolved')).toBe(0)
    expect(store.open).toBeNull()
    expect(store.threads.size).toBe(0)
  })
})
