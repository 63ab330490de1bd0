import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { DEFAULT_SETTINGS } from '../../src/shared/settings'
import { installFakeApi } from './fake-api'
import { byTest, chooseItem, inBody, openPopup } from './ui-controls'

async function mountApp() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts.buddies.push({
    uin: 11,
    nick: '张三',
    markname: null,
    category: '好友',
    online: true,
    status: 'online',
    key: 'buddy-key-11',
    vipLevel: 0
  })
  fake.data.contacts.groups.push({ gid: 21, code: 2100, name: '周末爬山群', markname: null, key: 'group-key-21' })
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(App, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
  await flushPromises()
  return { fake, wrapper }
}

describe('desktop controls in the renderer', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('changes our status from my avatar menu and follows a change made in the tray', async () => {
    const { fake, wrapper } = await mountApp()
    const avatar = wrapper.get('[data-test="status-dot"]')
    expect(avatar.attributes('data-status')).toBe('online')
    expect(wrapper.get('[data-test="self-menu"]').attributes('aria-haspopup')).toBe('menu')
    await openPopup('self-menu')
    const menu = inBody(byTest('self-menu-content'))
    expect(menu.getAttribute('role')).toBe('menu')
    const radios = [...menu.querySelectorAll('[role="menuitemradio"]')]
    expect(radios.map((r) => r.textContent?.trim())).toEqual(['在线', '离开', '忙碌', '隐身'])
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false'])
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((r) => r.textContent?.trim())).toEqual(['我的资料', '设置', '关于', '退出登录'])
    await chooseItem('status-busy')
    expect(fake.api.setStatus).toHaveBeenCalledWith({ status: 'busy' })
    expect(avatar.attributes('data-status')).toBe('busy')
    expect(avatar.find('.presence-dot').classes()).toContain('busy')
    // The tray menu changed it in main: main pushes the new settings.
    fake.emit('settings:changed', { ...DEFAULT_SETTINGS, onlineStatus: 'invisible', doNotDisturb: true })
    await flushPromises()
    expect(avatar.attributes('data-status')).toBe('invisible')
    expect(wrapper.find('[data-test="dnd-mark"]').exists()).toBe(true)
    await openPopup('self-menu')
    expect(inBody(byTest('dnd-toggle')).getAttribute('aria-checked')).toBe('true')
  })

  it('toggles do not disturb through the settings', async () => {
    const { fake, wrapper } = await mountApp()
    await openPopup('self-menu')
    const toggle = inBody(byTest('dnd-toggle'))
    expect(toggle.getAttribute('role')).toBe('menuitemcheckbox')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(toggle.textContent?.trim()).toBe('免打扰')
    await chooseItem('dnd-toggle')
    expect(fake.api.updateSettings).toHaveBeenCalledWith({ doNotDisturb: true })
    expect(wrapper.find('[data-test="dnd-mark"]').exists()).toBe(true)
    await openPopup('self-menu')
    expect(inBody(byTest('dnd-toggle')).getAttribute('aria-checked')).toBe('true')
    await chooseItem('dnd-toggle')
    expect(fake.api.updateSettings).toHaveBeenLastCalledWith({ doNotDisturb: false })
    expect(wrapper.find('[data-test="dnd-mark"]').exists()).toBe(false)
  })

  it('opens my own profile card from the menu', async () => {
    const { fake } = await mountApp()
    await openPopup('self-menu')
    await chooseItem('open-my-profile')
    expect(fake.api.getProfile).toHaveBeenCalledWith({ kind: 'buddy', id: 1 })
  })

  it('says why in Chinese when the status cannot be changed', async () => {
    const { fake, wrapper } = await mountApp()
    vi.mocked(fake.api.setStatus).mockResolvedValueOnce({ ok: false, error: { code: 'failed', message: 'not signed in' } })
    await openPopup('self-menu')
    await chooseItem('status-away')
    expect(wrapper.get('[data-test="desktop-error"]').text()).toBe('无法更改状态，请稍后再试。')
  })

  it('opens the conversation main asks for (a notification click) and reports it with its stable key', async () => {
    const { fake, wrapper } = await mountApp()
    fake.emit('conversation:focus', { kind: 'group', id: 21, key: 'group-key-21' })
    await flushPromises()
    expect(wrapper.get('[data-test="conversation-title"]').text()).toBe('周末爬山群')
    const reports = vi.mocked(fake.api.reportFocusedConversation).mock.calls.map(([r]) => r)
    expect(reports.at(-1)).toMatchObject({ conversation: { kind: 'group', id: 21, key: 'group-key-21' } })
    expect(new Set(reports.map((r) => r.view)).size).toBe(1)
  })

  it('reports when the window loses the focus, so main notifies again', async () => {
    const { fake } = await mountApp()
    fake.emit('conversation:focus', { kind: 'buddy', id: 11, key: 'buddy-key-11' })
    await flushPromises()
    vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    window.dispatchEvent(new Event('blur'))
    await flushPromises()
    const last = vi.mocked(fake.api.reportFocusedConversation).mock.calls.at(-1)![0]
    expect(last).toMatchObject({ conversation: { kind: 'buddy', id: 11, key: 'buddy-key-11' }, focused: false })
  })

  it('mutes the open conversation from its header', async () => {
    const { fake, wrapper } = await mountApp()
    fake.emit('conversation:focus', { kind: 'buddy', id: 11, key: 'buddy-key-11' })
    await flushPromises()
    const toggle = wrapper.get('[data-test="mute-toggle"]')
    expect(toggle.attributes('aria-pressed')).toBe('false')
    expect(toggle.text()).toBe('静音')
    await toggle.trigger('click')
    await flushPromises()
    expect(fake.api.setConversationPrefs).toHaveBeenCalledWith({ kind: 'buddy', id: 11, muted: true })
    expect(toggle.attributes('aria-pressed')).toBe('true')
    expect(toggle.text()).toBe('已静音')
  })

  it('plays the notification chime when main asks, once per burst', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
    const { fake } = await mountApp()
    fake.emit('notify:sound', { conversationKey: 'buddy-key-11' })
    fake.emit('notify:sound', { conversationKey: 'buddy-key-11' })
    await flushPromises()
    expect(play).toHaveBeenCalledTimes(1)
    const audio = play.mock.contexts[0] as HTMLAudioElement
    expect(audio.src).toMatch(/notify.*\.wav/)
  })

  it('a pop-out window reports its own conversation but leaves the chime and focus requests to the main window', async () => {
    window.history.replaceState(null, '', '/?conversation=buddy:11')
    try {
      const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
      const { fake, wrapper } = await mountApp()
      await flushPromises()
      expect(wrapper.get('[data-test="conversation-window"]').attributes('data-conversation')).toBe('buddy:11')
      const last = vi.mocked(fake.api.reportFocusedConversation).mock.calls.at(-1)![0]
      expect(last.conversation).toEqual({ kind: 'buddy', id: 11, key: 'buddy-key-11' })
      fake.emit('notify:sound', { conversationKey: 'group-key-21' })
      fake.emit('conversation:focus', { kind: 'group', id: 21, key: 'group-key-21' })
      await flushPromises()
      expect(play).not.toHaveBeenCalled()
      expect(wrapper.get('[data-test="conversation-title"]').text()).toBe('张三')
    } finally {
      window.history.replaceState(null, '', '/')
    }
  })

  it('tells main the window shows nothing once it leaves the messenger (signed out, closed)', async () => {
    const { fake } = await mountApp()
    fake.emit('conversation:focus', { kind: 'buddy', id: 11, key: 'buddy-key-11' })
    await flushPromises()
    fake.push({ state: 'signed-out', reason: 'logout', self: null })
    await flushPromises()
    const last = vi.mocked(fake.api.reportFocusedConversation).mock.calls.at(-1)![0]
    expect(last).toMatchObject({ conversation: null, focused: false })
  })

  it('a notification click shows the conversation even over search results and the settings', async () => {
    const { fake, wrapper } = await mountApp()
    const { useUiStore } = await import('../../src/renderer/src/stores/ui')
    const { useSearchStore } = await import('../../src/renderer/src/stores/search')
    useSearchStore().searched = '周末'
    useUiStore().openSettings()
    await flushPromises()
    expect(wrapper.find('[data-test="conversation-title"]').exists()).toBe(false)
    fake.emit('conversation:focus', { kind: 'group', id: 21, key: 'group-key-21' })
    await flushPromises()
    expect(useUiStore().settingsOpen).toBe(false)
    expect(wrapper.get('[data-test="conversation-title"]').text()).toBe('周末爬山群')
  })
})
