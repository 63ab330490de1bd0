import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import StorageNotice from '../../src/renderer/src/components/StorageNotice.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import type { StorageStatusDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'

const FULL: StorageStatusDto = {
  ok: false,
  reason: 'disk-full',
  detail: 'database or disk is full',
  path: '/home/me/.config/qq/accounts/history-42.sqlite',
  movedTo: null,
  unsaved: 3
}

async function render(locale: 'zh-CN' | 'en', storage: StorageStatusDto | null = null) {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' }, storage })
  setActivePinia(createPinia())
  await useSessionStore().init()
  const wrapper = mount(StorageNotice, { global: { plugins: [createAppI18n(locale)] } })
  await flushPromises()
  return { fake, wrapper }
}

describe('storage notice', () => {
  it('says nothing while saving works, and what happened, which file and what to do when it does not', async () => {
    const { fake, wrapper } = await render('en')
    expect(wrapper.find('[data-test="storage-notice"]').exists()).toBe(false)
    fake.emit('storage:changed', FULL)
    await flushPromises()
    const notice = wrapper.get('[data-test="storage-notice"]')
    expect(notice.attributes('role')).toBe('alert')
    expect(wrapper.get('[data-test="storage-title"]').text()).toBe('The disk is full: chat history cannot be saved for now')
    expect(wrapper.get('[data-test="storage-unsaved"]').text()).toContain('3 message(s) are not saved yet')
    expect(wrapper.get('[data-test="storage-advice"]').text()).toContain('Free some disk space')
    expect(wrapper.get('[data-test="storage-path"]').text()).toBe(`File: ${FULL.path}`)
    expect(wrapper.find('[data-test="storage-dismiss"]').exists()).toBe(false)
    // Space came back: the notice goes away by itself.
    fake.emit('storage:changed', { ok: true, reason: null, detail: null, path: null, movedTo: null, unsaved: 0 })
    await flushPromises()
    expect(wrapper.find('[data-test="storage-notice"]').exists()).toBe(false)
  })

  it('shows a problem from before the window opened (the session snapshot), in Chinese', async () => {
    const { wrapper } = await render('zh-CN', { ...FULL, reason: 'unavailable', unsaved: 0 })
    expect(wrapper.get('[data-test="storage-title"]').text()).toBe('无法打开聊天记录文件')
    expect(wrapper.get('[data-test="storage-advice"]').text()).toContain('而不是文件夹')
    expect(wrapper.find('[data-test="storage-unsaved"]').exists()).toBe(false)
  })

  it('says search is slower, and why, where the runtime has no FTS5: a status, not an alert, until dismissed', async () => {
    for (const [locale, title, advice] of [
      ['en', 'Chat history is saved as usual, but search is slower', 'no full-text index (FTS5)'],
      ['zh-CN', '聊天记录照常保存，但搜索会慢一些', '没有全文索引（FTS5）']
    ] as const) {
      const { fake, wrapper } = await render(locale)
      fake.emit('storage:changed', { ok: true, reason: 'no-full-text-search', detail: 'no FTS5', path: FULL.path, movedTo: null, unsaved: 0 })
      await flushPromises()
      expect(wrapper.get('[data-test="storage-notice"]').attributes('role')).toBe('status')
      expect(wrapper.get('[data-test="storage-title"]').text()).toBe(title)
      expect(wrapper.get('[data-test="storage-advice"]').text()).toContain(advice)
      await wrapper.get('[data-test="storage-dismiss"]').trigger('click')
      expect(wrapper.find('[data-test="storage-notice"]').exists()).toBe(false)
      wrapper.unmount()
    }
  })

  it('names where a damaged file was moved, until dismissed', async () => {
    const { fake, wrapper } = await render('zh-CN')
    fake.emit('storage:changed', {
      ok: true,
      reason: 'damaged',
      detail: 'file is not a database',
      path: FULL.path,
      movedTo: `${FULL.path}.corrupt-2026-11-29T13-00-00-000Z`,
      unsaved: 0
    })
    await flushPromises()
    expect(wrapper.get('[data-test="storage-notice"]').attributes('role')).toBe('status')
    expect(wrapper.get('[data-test="storage-moved"]').text()).toContain('history-42.sqlite.corrupt-2026-11-29T13-00-00-000Z')
    await wrapper.get('[data-test="storage-dismiss"]').trigger('click')
    expect(wrapper.find('[data-test="storage-notice"]').exists()).toBe(false)
  })
})
