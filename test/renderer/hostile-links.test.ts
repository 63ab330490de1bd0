/**
 * Links from hostile senders (issue 15 rows 5 and 14): what a link shows is what it opens, bidi
 * controls cannot reorder it, and a link the safe opener refuses says why in a sentence, in both
 * languages, instead of doing nothing or failing with an internal error.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MessageItem from '../../src/renderer/src/components/MessageItem.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import en from '../../src/renderer/src/i18n/en'
import zh from '../../src/renderer/src/i18n/zh-CN'
import { splitLinks } from '../../src/renderer/src/lib/links'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { fakeMessage, installFakeApi } from './fake-api'

async function setup() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().init()
  const store = useConversationsStore()
  await store.init()
  return { fake, store, pinia }
}

const link = (text: string) => splitLinks(text).find((p) => p.href)!

describe('what a link shows is what it opens', () => {
  it('shows the punycode host for a look-alike (mixed-script) domain, the one actually opened', () => {
    const l = link('log in at https://аpple.com/account now')
    expect(l.href).toBe('https://xn--pple-43d.com/account')
    expect(l.text).toBe('https://xn--pple-43d.com/account')
    // A bare www. link and a host wholly in Latin look-alikes are shown the same way.
    expect(link('www.аpple.com').text).toBe('www.xn--pple-43d.com')
    expect(link('https://раура1.com').text).toMatch(/^https:\/\/xn--/)
  })

  it('keeps honest international hosts as written', () => {
    expect(link('看 https://例子.中国/路径').text).toBe('https://例子.中国/路径')
    expect(link('https://яндекс.рф/').text).toBe('https://яндекс.рф/')
    expect(link('https://bücher.de/').text).toBe('https://bücher.de/')
  })

  it('drops bidi controls from link text and isolates the link from those around it', () => {
    const text = 'invoice https://example.com/\u202Efdp.exe and \u202E more'
    const l = link(text)
    expect(l.text).toBe('https://example.com/fdp.exe')
    expect(l.href).toBe('https://example.com/%E2%80%AEfdp.exe')
    installFakeApi()
    const wrapper = mount(MessageItem, {
      props: { message: fakeMessage('buddy', 5, 1, { segments: [{ type: 'text', text }] }), showSender: false, query: null, focused: false },
      global: { plugins: [createPinia(), createAppI18n()] }
    })
    const a = wrapper.get('[data-test="message-link"]')
    expect(a.text()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(a.attributes('dir')).toBe('ltr')
  })
})

describe('a refused link says why, and main is not asked', () => {
  beforeEach(() => localStorage.clear())

  it.each([
    ['mailto:me@example.com?attach=/home/u/.ssh/id_rsa', 'mailto-query'],
    ['mailto:me@example.com?subject=hi', 'mailto-query'],
    ['https://user:secret@bank.example/', 'credentials'],
    [`https://example.com/${'a'.repeat(10_000)}`, 'too-long'],
    ['file:///etc/passwd', 'scheme']
  ])('%s', async (url, reason) => {
    const { fake, store } = await setup()
    const openExternal = vi.spyOn(fake.api, 'openExternal')
    await store.openLink(url)
    expect(openExternal).not.toHaveBeenCalled()
    expect(store.error).toBe(`errors.link.${reason}`)
    const key = reason as keyof typeof en.errors.link
    expect(en.errors.link[key]).toMatch(/^This .*link was not opened: .+\.$/)
    expect(zh.errors.link[key]).toMatch(/^没有打开这个.*链接：.+。$/)
  })

  it('opens a bare mail address and a web page through main', async () => {
    const { fake, store } = await setup()
    const openExternal = vi.spyOn(fake.api, 'openExternal')
    await store.openLink('mailto:me@example.com')
    await store.openLink('https://www.qq.com/')
    expect(openExternal.mock.calls).toEqual([[{ url: 'mailto:me@example.com' }], [{ url: 'https://www.qq.com/' }]])
    expect(store.error).toBeNull()
  })

  it('a 10,000-character link found in a message is still one link, refused in a sentence when clicked', async () => {
    const long = `https://example.com/?q=${'x'.repeat(10_000)}`
    expect(link(`see ${long}`).href).toBe(long)
    const { store } = await setup()
    await store.openLink(long)
    expect(store.error).toBe('errors.link.too-long')
  })
})
