import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import SettingsFileNotice from '../../src/renderer/src/components/SettingsFileNotice.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { useAppStore } from '../../src/renderer/src/stores/app'
import type { SettingsFileNotice as Notice } from '../../src/shared/settings'
import { installFakeApi } from './fake-api'

function withNotice(notice: Notice | null) {
  const fake = installFakeApi()
  vi.spyOn(fake.api, 'appInfo').mockResolvedValue({
    ok: true,
    value: { name: 'qq', version: '0', platform: 'test', secretStorage: 'encrypted', settingsNotice: notice }
  })
  return fake
}

async function mountNotice(locale: 'zh-CN' | 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useAppStore().load()
  return mount(SettingsFileNotice, { global: { plugins: [pinia, createAppI18n(locale)] } })
}

describe('settings file notice (issue 15 row 11)', () => {
  it("says a newer version's settings are only read, in both languages", async () => {
    withNotice({ kind: 'newer-version', version: 3 })
    expect((await mountNotice('en')).get('[data-test="settings-file-notice"]').text()).toMatch(/saved by a newer version.*format 3.*not saved/)
    expect((await mountNotice('zh-CN')).get('[data-test="settings-file-notice"]').text()).toMatch(/更新版本.*设置格式 3.*不会保存/)
  })

  it('says where an unreadable file was kept, in both languages, and shows on the login screen', async () => {
    withNotice({ kind: 'moved-aside', movedTo: '/home/u/.config/qq/settings.json.unreadable-1' })
    expect((await mountNotice('en')).text()).toContain('kept, unchanged, at: /home/u/.config/qq/settings.json.unreadable-1')
    expect((await mountNotice('zh-CN')).text()).toContain('原样保留在：/home/u/.config/qq/settings.json.unreadable-1')
    const pinia = createPinia()
    setActivePinia(pinia)
    const app = mount(App, { global: { plugins: [pinia, createAppI18n()] } })
    await flushPromises()
    expect(app.get('[data-test="settings-file-notice"]').attributes('data-kind')).toBe('moved-aside')
  })

  it('shows nothing when the file is fine', async () => {
    withNotice(null)
    expect((await mountNotice('en')).find('[data-test="settings-file-notice"]').exists()).toBe(false)
  })
})
