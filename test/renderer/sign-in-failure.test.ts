/**
 * Sign-in never silently does nothing: progress at once, then a sentence for each way the server
 * could not be reached with Retry / Choose another server / Try the demo server, and a first-run
 * screen whose primary button is never SmartQQ's own (shut down) hosts.
 */
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import App from '../../src/renderer/src/App.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { SERVER_UNREACHABLE_REASONS } from '../../src/shared/errors'
import type { SessionSnapshot } from '../../src/shared/ipc'
import { installFakeApi } from './fake-api'

/** The UI language follows the settings (useLocaleSync), so the fake main's settings say it. */
async function mountApp(locale: 'zh-CN' | 'en' = 'zh-CN') {
  await window.api.updateSettings({ locale })
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(App, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

/** A fake main whose sign-in answers "started" and then nothing (the server does not answer yet). */
async function customServer() {
  const fake = installFakeApi()
  await fake.api.updateSettings({ serverMode: 'custom', serverUrl: 'http://127.0.0.1:9' })
  vi.mocked(fake.api.startSession).mockImplementation(() => Promise.resolve({ ok: true as const, value: fake.snapshot() }))
  return fake
}

const isPrimary = (el: Element): boolean => !el.classList.contains('secondary') && !el.classList.contains('link')

describe('sign-in against a server that cannot be reached', () => {
  it('shows progress at once, then the failure in a sentence with Retry, Choose another server and Try the demo server', async () => {
    const fake = await customServer()
    const wrapper = await mountApp('en')
    expect(isPrimary(wrapper.get('[data-test="start-login"]').element)).toBe(true)
    await wrapper.get('[data-test="start-login"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="login-connecting"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="login-state"]').text()).toBe('Connecting to the server…')
    fake.push({ unreachable: { reason: 'refused', httpStatus: null, official: false } })
    await flushPromises()
    expect(wrapper.find('[data-test="login-connecting"]').exists()).toBe(false)
    const failure = wrapper.get('[data-test="sign-in-failure"]')
    expect(failure.attributes('role')).toBe('alert')
    expect(failure.text()).toContain('Can’t sign in')
    expect(wrapper.get('[data-test="sign-in-failure-text"]').text()).toContain('refused the connection')
    expect(isPrimary(wrapper.get('[data-test="failure-retry"]').element)).toBe(true)
    // Retry: a new attempt, progress again.
    await wrapper.get('[data-test="failure-retry"]').trigger('click')
    expect(fake.api.startSession).toHaveBeenCalledTimes(2)
    fake.push({ unreachable: null })
    await flushPromises()
    expect(wrapper.find('[data-test="login-connecting"]').exists()).toBe(true)
    fake.push({ unreachable: { reason: 'timeout', httpStatus: null, official: false } })
    await flushPromises()
    // Choose another server: the settings open on the server choice, focused.
    await wrapper.get('[data-test="failure-choose-server"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-test="settings-view"]')).not.toBeNull()
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-test')).toBe('server-mode-custom'))
    ;(document.querySelector('[data-test="settings-close"]') as HTMLButtonElement).click()
    await flushPromises()
    // Try the demo server.
    await wrapper.get('[data-test="failure-demo"]').trigger('click')
    expect(fake.api.startDemo).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('has a sentence in both languages for every reason, the HTTP status included', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const fake = await customServer()
      const wrapper = await mountApp(locale)
      const seen = new Set<string>()
      for (const reason of SERVER_UNREACHABLE_REASONS) {
        fake.push({ unreachable: { reason, httpStatus: reason === 'http-status' ? 502 : null, official: false } })
        await flushPromises()
        const text = wrapper.get('[data-test="sign-in-failure-text"]').text()
        expect(text.length).toBeGreaterThan(10)
        expect(text).not.toMatch(/errors\.|\{|undefined/)
        if (reason === 'http-status') expect(text).toContain('502')
        seen.add(text)
      }
      // A different sentence for each reason.
      expect(seen.size).toBe(SERVER_UNREACHABLE_REASONS.length)
      wrapper.unmount()
    }
  })

  it('on a first run with SmartQQ’s own hosts, explains they are gone and makes the demo server the primary action', async () => {
    const fake = installFakeApi()
    const wrapper = await mountApp('en')
    expect(wrapper.get('[data-test="first-run-note"]').text()).toContain('1 January 2019')
    expect(isPrimary(wrapper.get('[data-test="start-demo"]').element)).toBe(true)
    expect(isPrimary(wrapper.get('[data-test="start-login"]').element)).toBe(false)
    await wrapper.get('[data-test="choose-server"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-test')).toBe('server-mode-smartqq'))
    ;(document.querySelector('[data-test="settings-close"]') as HTMLButtonElement).click()
    await flushPromises()
    wrapper.unmount()
    // Tried anyway: the failure says SmartQQ is gone, and Retry is not the primary action there.
    const snapshot: Partial<SessionSnapshot> = { unreachable: { reason: 'dns', httpStatus: null, official: true } }
    installFakeApi(snapshot)
    const again = await mountApp('en')
    expect(again.get('[data-test="sign-in-failure-text"]').text()).toContain('shut down on 1 January 2019')
    expect(isPrimary(again.get('[data-test="failure-retry"]').element)).toBe(false)
    expect(isPrimary(again.get('[data-test="failure-demo"]').element)).toBe(true)
    expect(fake.api.startSession).not.toHaveBeenCalled()
    again.unmount()
  })
})
