/**
 * The conversation's new states: jumping to a search hit and paging both ways from it, live gap marks,
 * faces sent as segments, links opened through main, search scope and paging, drafts in the composer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import MessageComposer from '../../src/renderer/src/components/MessageComposer.vue'
import FacePicker from '../../src/renderer/src/components/FacePicker.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useSearchStore, SEARCH_PAGE } from '../../src/renderer/src/stores/search'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { usePrefsStore, DRAFT_SAVE_DELAY_MS } from '../../src/renderer/src/stores/prefs'
import { useFacesStore, RECENT_FACES_KEY } from '../../src/renderer/src/stores/faces'
import { fakeMessage, installFakeApi } from './fake-api'

const GROUP = { kind: 'group' as const, id: 22 }

async function setup(count = 0) {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().init()
  // Newest first, as the store pages them: n = count … 1.
  fake.data.history['group:22'] = Array.from({ length: count }, (_, i) => fakeMessage('group', 22, count - i))
  const store = useConversationsStore()
  await store.init()
  return { fake, store, pinia }
}

const ids = (store: ReturnType<typeof useConversationsStore>) => store.threads.get('group:22')!.messages.map((m) => m.text)

describe('jumping to a message and paging both ways', () => {
  beforeEach(() => localStorage.clear())

  it('opens the conversation at the hit with neighbours, pages newer to the end, then follows live messages', async () => {
    const { fake, store } = await setup(200)
    expect(await store.jumpTo(GROUP, 'm:group:22:100', '消息')).toBe(true)
    expect(store.open).toEqual(GROUP)
    expect(store.jump).toEqual({ key: 'group:22', messageId: 'm:group:22:100', query: '消息' })
    const thread = store.threads.get('group:22')!
    expect(ids(store)[0]).toBe('消息 70')
    expect(ids(store).at(-1)).toBe('消息 130')
    expect(thread.newer).not.toBeNull()
    // A live message while the newest are not loaded waits for paging to reach it.
    fake.emit('message:received', fakeMessage('group', 22, 201))
    expect(ids(store)).not.toContain('消息 201')
    fake.data.history['group:22']!.unshift(fakeMessage('group', 22, 201))
    while (thread.newer) expect(await store.loadNewer()).toBe(true)
    expect(ids(store).at(-1)).toBe('消息 201')
    expect(new Set(ids(store)).size).toBe(ids(store).length)
    expect(await store.loadOlder()).toBe(true)
    expect(ids(store)[0]).toBe('消息 40')
    fake.emit('message:received', fakeMessage('group', 22, 202))
    expect(ids(store).at(-1)).toBe('消息 202')
  })

  it('goes back to the newest page with showLatest, and opening another conversation ends the highlight', async () => {
    const { store } = await setup(100)
    await store.jumpTo(GROUP, 'm:group:22:10', null)
    await store.showLatest(GROUP)
    expect(store.jump).toBeNull()
    expect(ids(store).at(-1)).toBe('消息 100')
    expect(store.threads.get('group:22')!.newer).toBeNull()
    await store.jumpTo(GROUP, 'm:group:22:10', 'x')
    await store.openConversation({ kind: 'buddy', id: 5 })
    expect(store.jump).toBeNull()
  })

  it('keeps the thread and reports when the message cannot be found', async () => {
    const { store } = await setup(5)
    expect(await store.jumpTo(GROUP, 'nope', null)).toBe(false)
    expect(store.error).not.toBeNull()
    expect(ids(store)).toHaveLength(5)
  })
})

describe('large pages', () => {
  it('takes a page far larger than the argument limit (100,000 messages) in order, and pages of any size after it', async () => {
    const { fake, store } = await setup(0)
    const all = Array.from({ length: 100_000 }, (_, i) => fakeMessage('group', 22, 100_000 - i))
    fake.data.history['group:22'] = all
    vi.mocked(fake.api.getHistory).mockImplementationOnce(() =>
      Promise.resolve({ ok: true as const, value: { messages: all.slice(0, 99_000), next: all[98_999]!.id } })
    )
    await store.openConversation(GROUP)
    const messages = () => store.threads.get('group:22')!.messages
    expect(messages()).toHaveLength(99_000)
    expect(messages()[0]!.text).toBe('消息 1001')
    expect(messages().at(-1)!.text).toBe('消息 100000')
    vi.mocked(fake.api.getHistory).mockImplementationOnce(() =>
      Promise.resolve({ ok: true as const, value: { messages: all.slice(99_000), next: null } })
    )
    expect(await store.loadOlder()).toBe(true)
    expect(messages()).toHaveLength(100_000)
    expect(messages()[0]!.text).toBe('消息 1')
    expect(store.error).toBeNull()
  })
})

describe('live gaps, faces and links', () => {
  it('marks the next message after a gap in the threads it concerns', async () => {
    const { fake, store } = await setup(3)
    await store.openConversation(GROUP)
    fake.emit('history:gap', { conversationKey: null, reason: 'session-ended', recordedAt: 5 })
    fake.emit('message:received', fakeMessage('group', 22, 4))
    fake.emit('message:received', fakeMessage('group', 22, 5))
    const messages = store.threads.get('group:22')!.messages
    expect(messages.map((m) => m.gapBefore?.reason ?? null)).toEqual([null, null, null, 'session-ended', null])
  })

  it('sends faces written as [name] as face segments and shows them as faces', async () => {
    const { fake, store } = await setup(0)
    await store.openConversation(GROUP)
    expect(await store.send('好[微笑]')).toBe(true)
    expect(fake.api.sendMessage).toHaveBeenLastCalledWith({
      kind: 'group',
      to: 22,
      segments: [
        { type: 'text', text: '好' },
        { type: 'face', id: 14 }
      ]
    })
    expect(store.threads.get('group:22')!.messages[0]!.segments).toEqual([
      { type: 'text', text: '好' },
      { type: 'face', id: 14, name: '微笑' }
    ])
    await store.send('plain [text]')
    expect(fake.api.sendMessage).toHaveBeenLastCalledWith({ kind: 'group', to: 22, text: 'plain [text]' })
  })

  it('renders links as anchors that open through main, and marks the search text', async () => {
    const { fake, pinia } = await setup(0)
    const openExternal = vi.spyOn(fake.api, 'openExternal')
    const message = fakeMessage('group', 22, 1, { segments: [{ type: 'text', text: '看 www.qq.com 和 <i>消息</i>' }] })
    const wrapper = mount(MessageItem, {
      props: { message, showSender: true, query: '消息', focused: true },
      global: { plugins: [pinia, createAppI18n()] }
    })
    const link = wrapper.get('[data-test="message-link"]')
    expect(link.element.tagName).toBe('A')
    expect(link.attributes('href')).toBe('https://www.qq.com/')
    expect(link.text()).toBe('www.qq.com')
    expect(wrapper.find('i').exists()).toBe(false)
    expect(wrapper.findAll('[data-test="match"]').map((m) => m.text())).toEqual(['消息'])
    expect(wrapper.get('[data-test="message"]').attributes('data-focused')).toBe('true')
    // The click is handed up (MessageList passes it to the store), and never navigates.
    const event = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.element.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(wrapper.emitted('open-link')).toEqual([['https://www.qq.com/']])
    await useConversationsStore().openLink('https://www.qq.com/')
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://www.qq.com/' })
  })
})

describe('search scope and paging', () => {
  it('searches one conversation or all, and loads more past the first page', async () => {
    const { fake } = await setup(SEARCH_PAGE + 20)
    const search = useSearchStore()
    const searchHistory = vi.spyOn(fake.api, 'searchHistory').mockImplementation(({ before }) => {
      const all = fake.data.history['group:22']!
      const start = before ? all.findIndex((m) => m.id === before) + 1 : 0
      const messages = all.slice(start, start + SEARCH_PAGE)
      return Promise.resolve({ ok: true as const, value: { messages, next: start + SEARCH_PAGE < all.length ? messages.at(-1)!.id : null } })
    })
    await search.run('消息', { kind: 'conversation', ref: GROUP })
    expect(searchHistory).toHaveBeenLastCalledWith({ query: '消息', limit: SEARCH_PAGE, before: null, kind: 'group', id: 22 })
    expect(search.results).toHaveLength(SEARCH_PAGE)
    expect(search.next).not.toBeNull()
    await search.loadMore()
    expect(search.results).toHaveLength(SEARCH_PAGE + 20)
    expect(search.next).toBeNull()
    await search.run('消息', { kind: 'all' })
    expect(searchHistory).toHaveBeenLastCalledWith({ query: '消息', limit: SEARCH_PAGE, before: null })
  })
})

describe('composer: drafts and faces', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.useRealTimers()
  })

  it('restores the stored draft, saves what is typed, and clears it once sent', async () => {
    const { fake, pinia } = await setup(0)
    fake.data.prefs = [{ key: 'group:key:22', kind: 'group', id: 22, pinned: false, muted: false, draft: '写了一半', draftTime: 1 }]
    await usePrefsStore().init()
    await useConversationsStore().openConversation(GROUP)
    const wrapper = mount(MessageComposer, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n()] } })
    const box = wrapper.get<HTMLTextAreaElement>('[data-test="composer"]')
    expect(box.element.value).toBe('写了一半')
    vi.useFakeTimers()
    await box.setValue('写了一半，又写了')
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS + 10)
    vi.useRealTimers()
    await flushPromises()
    expect(fake.api.setConversationPrefs).toHaveBeenLastCalledWith({ kind: 'group', id: 22, draft: '写了一半，又写了' })
    // Another composer for the same conversation (switching back, a pop-out) starts from the draft.
    const again = mount(MessageComposer, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n()] } })
    expect(again.get<HTMLTextAreaElement>('[data-test="composer"]').element.value).toBe('写了一半，又写了')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(box.element.value).toBe('')
    expect(usePrefsStore().draftOf('group:22')).toBeNull()
  })

  it('saves the draft at once when the composer goes away (switching, searching, popping out)', async () => {
    const { fake, pinia } = await setup(0)
    await usePrefsStore().init()
    await useConversationsStore().openConversation(GROUP)
    const wrapper = mount(MessageComposer, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n()] } })
    await wrapper.get('[data-test="composer"]').setValue('刚打的字')
    expect(fake.api.setConversationPrefs).not.toHaveBeenCalled()
    wrapper.unmount()
    await flushPromises()
    expect(fake.api.setConversationPrefs).toHaveBeenCalledWith({ kind: 'group', id: 22, draft: '刚打的字' })
  })

  it('inserts a picked face at the caret, remembers it first among recent faces, and labels the button', async () => {
    const { pinia } = await setup(0)
    await useConversationsStore().openConversation(GROUP)
    const wrapper = mount(MessageComposer, { props: { conversation: GROUP }, global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    const button = wrapper.get('[data-test="face-button"]')
    expect(button.attributes('aria-label')).toBe('插入表情')
    expect(button.attributes('aria-expanded')).toBe('false')
    const box = wrapper.get<HTMLTextAreaElement>('[data-test="composer"]')
    await box.setValue('你好')
    box.element.setSelectionRange(1, 1)
    await button.trigger('click')
    await wrapper.get('[data-test="face-option"][data-face-id="46"]').trigger('click')
    expect(box.element.value).toBe('你[强]好')
    expect(wrapper.find('[data-test="face-picker"]').exists()).toBe(false)
    expect(useFacesStore().recent).toEqual([46])
    expect(JSON.parse(localStorage.getItem(RECENT_FACES_KEY)!)).toEqual([46])
    wrapper.unmount()
  })

  it('lists recent faces first and moves with the arrow keys; Escape closes', async () => {
    const { pinia } = await setup(0)
    localStorage.setItem(RECENT_FACES_KEY, JSON.stringify([13, 9999, 'x']))
    const faces = useFacesStore()
    faces.recent = [13, 46]
    const wrapper = mount(FacePicker, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    await flushPromises()
    const options = wrapper.findAll('[data-test="face-option"]')
    expect(options.slice(0, 2).map((o) => o.attributes('data-face-id'))).toEqual(['13', '46'])
    expect(options.filter((o) => o.attributes('data-face-id') === '13')).toHaveLength(1)
    // The search box keeps the focus; the grid's active face is pointed at.
    const search = wrapper.get('[data-test="face-search"]')
    expect(document.activeElement).toBe(search.element)
    const active = (): string | undefined => document.getElementById(search.attributes('aria-activedescendant')!)?.dataset['faceId']
    expect(active()).toBe('13')
    await wrapper.get('[data-test="face-picker"]').trigger('keydown', { key: 'ArrowRight' })
    await flushPromises()
    expect(active()).toBe('46')
    expect(options[1]!.attributes('aria-selected')).toBe('true')
    await wrapper.get('[data-test="face-picker"]').trigger('keydown', { key: 'End' })
    await flushPromises()
    expect(active()).toBe(options.at(-1)!.attributes('data-face-id'))
    await wrapper.get('[data-test="face-picker"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('ignores a damaged recent-faces value', async () => {
    localStorage.setItem(RECENT_FACES_KEY, '{not json')
    await setup(0)
    expect(useFacesStore().recent).toEqual([])
    localStorage.setItem(RECENT_FACES_KEY, JSON.stringify([14, 9999, 14]))
    setActivePinia(createPinia())
    expect(useFacesStore().recent).toEqual([14])
  })
})
