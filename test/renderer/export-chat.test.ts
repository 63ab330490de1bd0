import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ExportChatButton from '../../src/renderer/src/components/ExportChatButton.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { installFakeApi } from './fake-api'
import { chooseItem, openPopup } from './ui-controls'

function render(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  setActivePinia(createPinia())
  const wrapper = mount(ExportChatButton, {
    props: { conversation: { kind: 'group', id: 22 } },
    global: { plugins: [createAppI18n(locale)] },
    // Attached: the format menu renders into <body>.
    attachTo: document.body
  })
  return { fake, wrapper }
}

describe('export chat button', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })
  it('exports the conversation in the chosen format and says where the file went', async () => {
    const { fake, wrapper } = render()
    expect(wrapper.get('[data-test="export-chat"]').text()).toBe('导出聊天记录')
    expect(wrapper.get('[data-test="export-chat"]').attributes('aria-haspopup')).toBe('menu')
    await openPopup('export-chat')
    expect([...document.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent?.trim())).toEqual(['TXT 文本', 'JSON'])
    await chooseItem('export-json')
    expect(fake.api.exportConversation).toHaveBeenCalledWith({ kind: 'group', id: 22, format: 'json' })
    expect(wrapper.get('[data-test="export-outcome"]').text()).toContain('已导出到 /home/me/qq-group-22.json')
    await wrapper.get('[data-test="export-dismiss"]').trigger('click')
    expect(wrapper.find('[data-test="export-outcome"]').exists()).toBe(false)
  })

  it('shows nothing when the save dialog was cancelled, and the error when the export failed', async () => {
    const { fake, wrapper } = render('en')
    vi.mocked(fake.api.exportConversation)
      .mockResolvedValueOnce({ ok: true, value: { saved: false } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'failed', reason: 'export-no-history', message: 'no stored history with group 22' } })
    await openPopup('export-chat')
    await chooseItem('export-txt')
    expect(wrapper.find('[data-test="export-outcome"]').exists()).toBe(false)
    await openPopup('export-chat')
    await chooseItem('export-txt')
    expect(fake.api.exportConversation).toHaveBeenLastCalledWith({ kind: 'group', id: 22, format: 'txt' })
    const outcome = wrapper.get('[data-test="export-outcome"]')
    // A sentence for the reason, never main's raw message.
    expect(outcome.text()).toContain('Export failed: This conversation has no stored messages yet, so there is nothing to export.')
    expect(outcome.text()).not.toContain('group 22')
    expect(outcome.classes()).toContain('failed')
  })
})
