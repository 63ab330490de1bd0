/**
 * @-mentions in the composer: typing @ in a group opens reka-ui's combobox (role combobox + listbox of
 * options) with members matched by card, nick, pinyin and initials; arrows, Enter, Tab, Esc and the mouse
 * choose or close; the choice goes into the text as `@name `. Plus the pure helpers behind it.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageComposer from '../../src/renderer/src/components/MessageComposer.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { insertMention, mentionAt, mentionCandidates } from '../../src/renderer/src/lib/mention-query'
import type { MemberDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'

const GROUP = { kind: 'group' as const, id: 22 }
const member = (uin: number, nick: string, card: string | null = null): MemberDto => ({
  uin,
  nick,
  card,
  name: card ?? nick,
  status: null,
  role: null
})
const MEMBERS = [member(1, '我'), member(2, 'zhang', '张三'), member(3, '李四'), member(4, 'wangwu', null), member(5, '张小凡', '小凡')]

describe('mention helpers', () => {
  it('finds the mention being typed at the caret, not an address or a finished word', () => {
    expect(mentionAt('hi @zh', 6)).toEqual({ at: 3, query: 'zh' })
    expect(mentionAt('@', 1)).toEqual({ at: 0, query: '' })
    expect(mentionAt('hi @zh there', 12)).toBeNull()
    expect(mentionAt('mail a@b', 8)).toBeNull()
  })

  it('matches cards before nicks, by pinyin and initials, and leaves me out', () => {
    expect(mentionCandidates(MEMBERS, 'zs', 1).map((m) => m.uin)).toEqual([2])
    expect(mentionCandidates(MEMBERS, 'zhang', 1).map((m) => m.uin)).toEqual([2, 5])
    expect(mentionCandidates(MEMBERS, 'ls', 1).map((m) => m.uin)).toEqual([3])
    expect(mentionCandidates(MEMBERS, '', 1).map((m) => m.uin)).toEqual([2, 3, 4, 5])
  })

  it('replaces the typed part with @name and a space', () => {
    expect(insertMention('hi @zs!', { at: 3, query: 'zs' }, 6, '张三')).toEqual({ text: 'hi @张三 !', caret: 7 })
  })
})

async function mountComposer() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.members['group:22'] = MEMBERS
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().init()
  await useConversationsStore().init()
  await useConversationsStore().openConversation(GROUP)
  await useContactsStore().loadMembers(GROUP)
  const wrapper = mount(MessageComposer, {
    props: { conversation: GROUP },
    global: { plugins: [pinia, createAppI18n('en')] },
    attachTo: document.body
  })
  const box = wrapper.get<HTMLTextAreaElement>('[data-test="composer"]')
  async function type(value: string): Promise<void> {
    box.element.value = value
    box.element.setSelectionRange(value.length, value.length)
    await box.trigger('input')
    await flushPromises()
  }
  const options = () => [...document.querySelectorAll<HTMLElement>('[data-test="mention-option"]')]
  return { fake, pinia, wrapper, box, type, options }
}

describe('the mention combobox in the composer', () => {
  beforeEach(() => {
    localStorage.clear()
    document.body.innerHTML = ''
  })

  it('opens on @ as a combobox with a listbox of options and takes the choice by Enter', async () => {
    const { wrapper, box, type, options } = await mountComposer()
    expect(box.attributes('role')).toBe('combobox')
    expect(box.attributes('aria-expanded')).toBe('false')
    await type('hello @zh')
    expect(box.attributes('aria-expanded')).toBe('true')
    const list = document.querySelector('[role="listbox"]')!
    expect(list).not.toBeNull()
    expect(box.attributes('aria-controls')).toBe(list.closest('[id]')!.id)
    expect(options().map((o) => o.getAttribute('role'))).toEqual(['option', 'option'])
    expect(options().map((o) => o.textContent?.trim())).toEqual(['张三zhang', '小凡张小凡'])
    await box.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(box.element.value).toMatch(/^hello @(张三|小凡) $/)
    expect(box.attributes('aria-expanded')).toBe('false')
    wrapper.unmount()
  })

  it('Tab takes the highlighted member, a click takes any, Esc closes without sending', async () => {
    const { fake, wrapper, box, type, options } = await mountComposer()
    await type('@ls')
    await box.trigger('keydown', { key: 'ArrowDown' })
    await flushPromises()
    await box.trigger('keydown', { key: 'Tab' })
    await flushPromises()
    expect(box.element.value).toBe('@李四 ')
    await type('@李四 and @w')
    options()[0]!.click()
    await flushPromises()
    expect(box.element.value).toBe('@李四 and @wangwu ')
    await type('@李四 and @wangwu @')
    expect(options().length).toBe(4)
    await box.trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(box.attributes('aria-expanded')).toBe('false')
    expect(fake.api.sendMessage).not.toHaveBeenCalled()
    // With no suggestions showing, Enter sends as before.
    await box.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(fake.api.sendMessage).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('shows no suggestions in a buddy chat', async () => {
    const { wrapper: group, pinia } = await mountComposer()
    group.unmount()
    const buddy = { kind: 'buddy' as const, id: 7 }
    const wrapper = mount(MessageComposer, {
      props: { conversation: buddy },
      global: { plugins: [pinia, createAppI18n('en')] },
      attachTo: document.body
    })
    const box = wrapper.get<HTMLTextAreaElement>('[data-test="composer"]')
    box.element.value = '@zh'
    await box.trigger('input')
    await flushPromises()
    expect(document.querySelectorAll('[data-test="mention-option"]').length).toBe(0)
    wrapper.unmount()
  })
})
