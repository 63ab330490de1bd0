import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ProfileCard from '../../src/renderer/src/components/ProfileCard.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { avatarTone } from '../../src/renderer/src/lib/avatar'
import { formatBirthday, formatCreated } from '../../src/renderer/src/lib/profile-dates'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import type { ProfileTarget } from '../../src/renderer/src/stores/profile'
import type { BuddyProfileDto, GroupProfileDto } from '../../src/shared/messenger'
import { installFakeApi } from './fake-api'

const buddyProfile = (over: Partial<BuddyProfileDto> = {}): BuddyProfileDto => ({
  kind: 'buddy',
  id: 2,
  key: 'buddy:key:2',
  qq: null,
  nick: 'zed',
  markname: '张三',
  category: '朋友',
  status: 'online',
  vipLevel: 0,
  signature: '今天也要加油',
  gender: null,
  birthday: null,
  country: null,
  province: null,
  city: null,
  occupation: null,
  college: null,
  phone: null,
  mobile: null,
  email: null,
  homepage: null,
  personal: null,
  ...over
})

const groupProfile = (over: Partial<GroupProfileDto> = {}): GroupProfileDto => ({
  kind: 'group',
  id: 50,
  key: 'group:key:50',
  name: '读书会',
  markname: null,
  memo: null,
  owner: { uin: 9, name: '老王' },
  memberCount: 12,
  createTime: 1_500_000_000,
  ...over
})

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function openCard(target: ProfileTarget, setup: (fake: ReturnType<typeof installFakeApi>) => void, locale: 'zh-CN' | 'en' = 'en') {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts = {
    buddies: [{ uin: 2, nick: 'zed', markname: '张三', category: '朋友', online: true, status: 'online', key: 'buddy:key:2', vipLevel: 0 }],
    groups: [{ gid: 50, code: 500, name: '读书会', markname: null, key: 'group:key:50' }],
    discussions: [],
    recent: [],
    loadedAt: 1
  }
  setup(fake)
  const pinia = createPinia()
  setActivePinia(pinia)
  await useContactsStore().load()
  wrapper = mount(ProfileCard, { props: { target }, global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
  await flushPromises()
  return { fake, card: wrapper }
}

const field = (w: VueWrapper, key: string) => w.find(`[data-test="profile-field-${key}"]`)

describe('profile card: impossible dates are shown as unknown, never thrown on', () => {
  it('a group created at a time Date cannot hold (1e20 s) opens without the creation date', async () => {
    const { card } = await openCard({ kind: 'group', id: 50 }, (f) => (f.data.profiles = { 'group:50': groupProfile({ createTime: 1e20 }) }))
    expect(card.get('[data-test="profile-title"]').text()).toBe('读书会')
    expect(card.get('[data-test="profile-owner"]').text()).toBe('老王')
    expect(card.get('[data-test="profile-member-count"]').text()).toBe('12')
    expect(field(card, 'created').exists()).toBe(false)
  })
  it('a real creation time is shown as a date', async () => {
    const { card } = await openCard({ kind: 'group', id: 50 }, (f) => (f.data.profiles = { 'group:50': groupProfile() }))
    expect(field(card, 'created').text()).toContain('2017')
  })
  it.each([
    ['year 300000 (beyond what Date holds)', { year: 300_000, month: 5, day: 20 }],
    ['year 275761', { year: 275_761, month: 1, day: 1 }],
    ['31 February', { year: 1990, month: 2, day: 31 }],
    ['month 13', { year: 1990, month: 13, day: 1 }],
    ['year 1200', { year: 1200, month: 5, day: 20 }]
  ])('a birthday in %s opens the card without a birthday', async (_, birthday) => {
    const { card } = await openCard({ kind: 'buddy', id: 2 }, (f) => (f.data.profiles = { 'buddy:2': buddyProfile({ birthday }) }))
    expect(card.get('[data-test="profile-signature"]').text()).toBe('今天也要加油')
    expect(field(card, 'category').text()).toBe('朋友')
    expect(field(card, 'birthday').exists()).toBe(false)
  })
  it('a real birthday is shown, without a year when none was given', async () => {
    expect(formatBirthday({ year: 1990, month: 5, day: 20 }, 'en')).toBe('May 20, 1990')
    expect(formatBirthday({ year: 0, month: 2, day: 29 }, 'en')).toBe('February 29')
    expect(formatBirthday({ year: 1990.5, month: 2, day: 1 }, 'en')).toBeNull()
    expect(formatCreated(0, 'en')).toBeNull()
    expect(formatCreated(Number.NaN, 'en')).toBeNull()
    expect(formatCreated(-1e20, 'en')).toBeNull()
  })
})

describe('profile card: QQ number', () => {
  it('shows a known number at once', async () => {
    const { card, fake } = await openCard({ kind: 'buddy', id: 2 }, (f) => (f.data.profiles = { 'buddy:2': buddyProfile({ qq: 123456 }) }))
    expect(card.get('[data-test="profile-qq"]').text()).toBe('123456')
    expect(card.find('[data-test="profile-qq-lookup"]').exists()).toBe(false)
    expect(fake.api.lookupQQ).not.toHaveBeenCalled()
  })
  it('looks an unknown number up on request', async () => {
    const { card, fake } = await openCard({ kind: 'buddy', id: 2 }, (f) => {
      f.data.profiles = { 'buddy:2': buddyProfile() }
      f.data.qqNumbers = { 2: 8_800_123 }
    })
    const qq = card.get('[data-test="profile-qq"]')
    expect(qq.attributes('data-state')).toBe('idle')
    expect(card.get('[data-test="profile-qq-lookup"]').text()).toBe('Look up')
    await card.get('[data-test="profile-qq-lookup"]').trigger('click')
    await flushPromises()
    expect(fake.api.lookupQQ).toHaveBeenCalledWith({ id: 2 })
    expect(card.get('[data-test="profile-qq"]').text()).toBe('8800123')
    expect(card.get('[data-test="profile-qq"]').attributes('data-state')).toBe('found')
  })
  it('says when the server no longer gives numbers out', async () => {
    const { card } = await openCard(
      { kind: 'buddy', id: 2 },
      (f) => {
        f.data.profiles = { 'buddy:2': buddyProfile() }
        f.data.qqNumbers = { 2: null }
      },
      'zh-CN'
    )
    await card.get('[data-test="profile-qq-lookup"]').trigger('click')
    await flushPromises()
    expect(card.get('[data-test="profile-qq"]').text()).toBe('无法获取：服务器已不再提供 QQ 号')
    expect(card.find('[data-test="profile-qq-lookup"]').exists()).toBe(false)
  })
  it('a failed look-up says why in a sentence and may be tried again', async () => {
    const { card, fake } = await openCard({ kind: 'buddy', id: 2 }, (f) => {
      f.data.profiles = { 'buddy:2': buddyProfile() }
      f.data.qqNumbers = { 2: 'fail' }
    })
    await card.get('[data-test="profile-qq-lookup"]').trigger('click')
    await flushPromises()
    expect(card.get('[data-test="profile-qq"] [role="alert"]').text()).toMatch(/^Could not look it up: .+/)
    expect(card.get('[data-test="profile-qq-lookup"]').text()).toBe('Try again')
    fake.data.qqNumbers = { 2: 4242 }
    await card.get('[data-test="profile-qq-lookup"]').trigger('click')
    await flushPromises()
    expect(card.get('[data-test="profile-qq"]').text()).toBe('4242')
  })
})

describe('profile card: avatar tone', () => {
  it('is the tone the contact list and the conversation give this contact (keyed by the stable key)', async () => {
    const { card } = await openCard({ kind: 'buddy', id: 2 }, (f) => (f.data.profiles = { 'buddy:2': buddyProfile() }))
    expect(card.get('[data-test="profile-avatar"]').attributes('style')).toContain(`var(--avatar-${avatarTone('buddy:key:2')})`)
  })
  it('for a group member who is not a buddy, the tone of their messages in that group', async () => {
    const member = { uin: 77, nick: '路人', card: '书友', name: '书友', status: 'online' as const, role: null }
    const { card } = await openCard({ kind: 'member', group: { kind: 'group', id: 50 }, member }, () => {})
    expect(card.get('[data-test="profile-avatar"]').attributes('style')).toContain(`var(--avatar-${avatarTone('group:key:50/书友')})`)
    expect(field(card, 'card').text()).toBe('书友')
  })
})
