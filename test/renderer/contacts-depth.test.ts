import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount as vtuMount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ContactList from '../../src/renderer/src/components/ContactList.vue'
import ContactSidebar from '../../src/renderer/src/components/ContactSidebar.vue'
import MembersPanel from '../../src/renderer/src/components/MembersPanel.vue'
import ProfileButton from '../../src/renderer/src/components/ProfileButton.vue'
import ProfileCardHost from '../../src/renderer/src/components/ProfileCardHost.vue'
import { createAppI18n } from '../../src/renderer/src/i18n'
import { recentTime } from '../../src/renderer/src/lib/recent-time'
import { presenceLook } from '../../src/renderer/src/lib/presence'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { usePrefsStore } from '../../src/renderer/src/stores/prefs'
import { SIGNATURE_WAIT_MS } from '../../src/renderer/src/stores/signatures'
import type { BuddyDto, MemberDto } from '../../src/shared/messenger'
import type { PresenceStatus } from '../../src/shared/domain'
import { fakeMessage, installFakeApi } from './fake-api'

const buddy = (uin: number, nick: string, status: PresenceStatus, over: Partial<BuddyDto> = {}): BuddyDto => ({
  uin,
  nick,
  markname: null,
  category: '朋友',
  online: status !== 'offline',
  status,
  key: `buddy:key:${uin}`,
  vipLevel: 0,
  ...over
})

const member = (uin: number, nick: string, over: Partial<MemberDto> = {}): MemberDto => ({
  uin,
  nick,
  card: null,
  name: over.card ?? nick,
  status: 'offline',
  role: null,
  ...over
})

async function mountSidebar(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts = {
    buddies: [
      buddy(2, 'zed', 'online', { markname: '张三', vipLevel: 5 }),
      buddy(3, '李四', 'away'),
      buddy(4, '王五', 'busy'),
      buddy(5, '赵六', 'silent'),
      buddy(6, '孙七', 'offline'),
      buddy(7, '周八', 'callme')
    ],
    groups: [
      { gid: 50, code: 500, name: '读书会', markname: null, key: 'group:key:50' },
      { gid: 51, code: 501, name: '读书会', markname: null, key: 'group:key:51' },
      { gid: 52, code: 502, name: '篮球队', markname: null, key: 'group:key:52' }
    ],
    discussions: [{ did: 60, name: '周末爬山', key: 'discuss:key:60' }],
    recent: [],
    loadedAt: 1
  }
  fake.data.signatures = { 2: '今天也要加油', 3: '', 4: '', 5: '', 6: '', 7: '' }
  fake.data.profiles = {
    'group:50': {
      kind: 'group',
      id: 50,
      key: 'group:key:50',
      name: '读书会',
      markname: null,
      memo: '每周六读书',
      owner: { uin: 9, name: '老王' },
      memberCount: 12,
      createTime: 1_500_000_000
    },
    'group:51': {
      kind: 'group',
      id: 51,
      key: 'group:key:51',
      name: '读书会',
      markname: null,
      memo: null,
      owner: { uin: 8, name: '小李' },
      memberCount: 40,
      createTime: null
    },
    'buddy:2': {
      kind: 'buddy',
      id: 2,
      key: 'buddy:key:2',
      qq: 123456,
      nick: 'zed',
      markname: '张三',
      category: '朋友',
      status: 'online',
      vipLevel: 5,
      signature: '今天也要加油',
      gender: 'male',
      birthday: { year: 1990, month: 5, day: 20 },
      country: '中国',
      province: '广东',
      city: '深圳',
      occupation: null,
      college: '深圳大学',
      phone: null,
      mobile: null,
      email: 'zed@example.com',
      homepage: null,
      personal: null
    }
  }
  const pinia = createPinia()
  setActivePinia(pinia)
  await Promise.all([useContactsStore().init(), useConversationsStore().init(), usePrefsStore().init()])
  const wrapper = mount(ContactSidebar, { global: { plugins: [pinia, createAppI18n(locale)] }, attachTo: document.body })
  await flushPromises()
  return { fake, wrapper }
}

const rowOf = (wrapper: Awaited<ReturnType<typeof mountSidebar>>['wrapper'], name: string) =>
  wrapper.findAll('[data-test="contact"]').find((r) => r.get('[data-test="contact-name"]').text() === name)!

// happy-dom lays nothing out: give scroll boxes a height so the virtual lists render their rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 }))
afterAll(() => clientHeight && Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight))

/** Every component mounted by a test is unmounted after it, so no app of an earlier test lingers on the page. */
const mounted: VueWrapper[] = []
const mount: typeof vtuMount = ((component: never, options: never) => {
  const wrapper = vtuMount(component, options)
  mounted.push(wrapper)
  return wrapper
}) as never

afterEach(() => {
  vi.useRealTimers()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
})

describe('buddy rows', () => {
  it('show the remark with the nick beside it, the VIP level, and each presence distinctly', async () => {
    const { wrapper } = await mountSidebar()
    const zhang = rowOf(wrapper, '张三')
    expect(zhang.get('[data-test="contact-nick"]').text()).toBe('(zed)')
    expect(zhang.get('[data-test="vip"]').text()).toBe('VIP5')
    expect(rowOf(wrapper, '李四').find('[data-test="contact-nick"]').exists()).toBe(false)
    const looks = Object.fromEntries(
      wrapper.findAll('[data-test="contact"]').map((r) => [r.get('[data-test="contact-name"]').text(), r.attributes('data-presence')])
    )
    expect(looks).toEqual({ 张三: 'online', 周八: 'online', 王五: 'busy', 李四: 'away', 赵六: 'silent', 孙七: 'offline' })
    expect(rowOf(wrapper, '王五').get('[data-test="contact-detail"]').text()).toBe('忙碌')
    expect(presenceLook('hidden')).toBe('offline')
  })

  it('load signatures for the rows on screen in one batched request, and show them', async () => {
    const { fake, wrapper } = await mountSidebar()
    await new Promise((r) => setTimeout(r, SIGNATURE_WAIT_MS + 20))
    await flushPromises()
    expect(fake.api.getSignatures).toHaveBeenCalledTimes(1)
    expect(vi.mocked(fake.api.getSignatures).mock.calls[0]![0].uins.sort()).toEqual([2, 3, 4, 5, 6, 7])
    expect(rowOf(wrapper, '张三').get('[data-test="contact-detail"]').text()).toBe('今天也要加油')
    expect(rowOf(wrapper, '孙七').get('[data-test="contact-detail"]').text()).toBe('离线')
    // Shown again (another tab and back): not asked again.
    await wrapper.get('[data-test="tab-groups"]').trigger('click')
    await wrapper.get('[data-test="tab-buddies"]').trigger('click')
    await new Promise((r) => setTimeout(r, SIGNATURE_WAIT_MS + 20))
    expect(fake.api.getSignatures).toHaveBeenCalledTimes(1)
  })
})

describe('groups with the same name', () => {
  it('say what tells them apart: member count and owner, loaded only for the twins', async () => {
    const { fake, wrapper } = await mountSidebar()
    await wrapper.get('[data-test="tab-groups"]').trigger('click')
    await flushPromises()
    const details = wrapper.findAll('[data-test="contact"]').map((r) => r.get('[data-test="contact-detail"]').text())
    expect(details).toEqual(['12 人 · 群主 老王', '40 人 · 群主 小李', '群'])
    expect(
      vi
        .mocked(fake.api.getProfile)
        .mock.calls.map((c) => c[0].id)
        .sort()
    ).toEqual([50, 51])
  })
})

describe('recent list', () => {
  it('shows the last message with the sender in groups, its time, unread badges, draft and mute marks', async () => {
    const now = Math.floor(Date.now() / 1000)
    const { fake, wrapper } = await mountSidebar()
    fake.data.conversations = [
      {
        key: 'group:key:52',
        kind: 'group',
        id: 52,
        title: '篮球队',
        lastTime: now - 60,
        lastPreview: '周六打球[微笑]',
        lastSender: '小明',
        unread: 3
      },
      { key: 'buddy:key:3', kind: 'buddy', id: 3, title: '李四', lastTime: now - 3 * 86_400, lastPreview: '好的', lastSender: '李四', unread: 0 }
    ]
    fake.data.unread = [{ conversationKey: 'group:key:52', kind: 'group', id: 52, count: 3 }]
    await useConversationsStore().init()
    fake.emit('contacts:changed', { reason: 'refresh' })
    await flushPromises()
    await usePrefsStore().setMuted({ kind: 'group', id: 52 }, true)
    await usePrefsStore().setDraft({ kind: 'buddy', id: 3 }, '明天见')
    await wrapper.get('[data-test="tab-recent"]').trigger('click')
    await flushPromises()
    const group = rowOf(wrapper, '篮球队')
    expect(group.get('[data-test="contact-detail"]').text()).toBe('小明: 周六打球[微笑]')
    expect(group.get('[data-test="unread-badge"]').text()).toBe('3')
    expect(group.get('[data-test="unread-badge"]').classes()).toContain('muted')
    expect(group.find('[data-test="muted-icon"]').exists()).toBe(true)
    expect(group.get('[data-test="contact-time"]').text()).toMatch(/^\d\d:\d\d$/)
    const li = rowOf(wrapper, '李四')
    expect(li.get('[data-test="contact-detail"]').text()).toBe('[草稿] 明天见')
    // A live message moves its conversation up and replaces the preview.
    fake.emit('message:received', fakeMessage('buddy', 4, 1, { conversationKey: 'buddy:key:4', text: '在吗', time: now }))
    await flushPromises()
    expect(wrapper.findAll('[data-test="contact-name"]')[0]!.text()).toBe('王五')
    expect(rowOf(wrapper, '王五').get('[data-test="contact-detail"]').text()).toBe('在吗')
  })

  it('names the sender of the preview once a placeholder sender is resolved', async () => {
    const { fake, wrapper } = await mountSidebar()
    await wrapper.get('[data-test="tab-recent"]').trigger('click')
    fake.emit('message:received', fakeMessage('group', 52, 1, { conversationKey: 'group:key:52', text: '大家好', from: { uin: 901, name: '#901' } }))
    await flushPromises()
    expect(rowOf(wrapper, '篮球队').get('[data-test="contact-detail"]').text()).toBe('#901: 大家好')
    fake.emit('sender:resolved', { kind: 'group', conversationId: 52, uin: 901, name: '小红' })
    await flushPromises()
    expect(rowOf(wrapper, '篮球队').get('[data-test="contact-detail"]').text()).toBe('小红: 大家好')
  })

  it('shows our own first message to someone as the preview, found by its stable key', async () => {
    const { fake, wrapper } = await mountSidebar()
    await wrapper.get('[data-test="tab-recent"]').trigger('click')
    fake.emit('outbox:changed', {
      id: 1,
      ref: null,
      kind: 'buddy',
      targetKey: 'buddy:key:5',
      text: '周末有空吗',
      state: 'queued',
      error: null,
      part: 0,
      parts: 1,
      createdAt: Date.now()
    })
    await flushPromises()
    const row = rowOf(wrapper, '赵六')
    expect(row.get('[data-test="contact-detail"]').text()).toBe('周末有空吗')
    expect(wrapper.findAll('[data-test="contact-name"]')[0]!.text()).toBe('赵六')
  })

  it('formats times as messengers do: today, yesterday, weekday, date (with the year only for other years)', () => {
    const now = new Date(2026, 10, 29, 0, 10)
    const at = (d: Date): number => Math.floor(d.getTime() / 1000)
    expect(recentTime(at(new Date(2026, 10, 29, 0, 5)), now, 'zh-CN')).toEqual({ kind: 'time', text: '00:05' })
    expect(recentTime(at(new Date(2026, 10, 28, 23, 50)), now, 'en')).toEqual({ kind: 'yesterday' })
    expect(recentTime(at(new Date(2026, 10, 25, 9, 0)), now, 'en')).toEqual({ kind: 'weekday', text: 'Wed' })
    expect(recentTime(at(new Date(2026, 10, 25, 9, 0)), now, 'zh-CN')).toEqual({ kind: 'weekday', text: '周三' })
    expect(recentTime(at(new Date(2026, 9, 1, 9, 0)), now, 'en')).toEqual({ kind: 'date', text: '10/1' })
    expect(recentTime(at(new Date(2024, 9, 1, 9, 0)), now, 'zh-CN')).toEqual({ kind: 'date', text: '2024/10/1' })
  })

  it('pins from the context menu (kept by main) and puts the pinned conversation on top', async () => {
    const { fake, wrapper } = await mountSidebar()
    await wrapper.get('[data-test="tab-discussions"]').trigger('click')
    await rowOf(wrapper, '周末爬山').trigger('contextmenu', { clientX: 10, clientY: 10 })
    const menu = document.querySelector<HTMLElement>('[data-test="contact-menu"]')!
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent?.trim())).toEqual(['置顶', '静音', '查看资料'])
    menu.querySelector<HTMLElement>('[data-test="menu-pin"]')!.click()
    await flushPromises()
    expect(fake.api.setConversationPrefs).toHaveBeenCalledWith({ kind: 'discuss', id: 60, pinned: true })
    await wrapper.get('[data-test="tab-recent"]').trigger('click')
    const first = wrapper.findAll('[data-test="contact"]')[0]!
    expect(first.get('[data-test="contact-name"]').text()).toBe('周末爬山')
    expect(first.find('[data-test="pinned-icon"]').exists()).toBe(true)
  })
})

describe('the filter', () => {
  it('finds buddies by nick as well as remark, groups by name, each by pinyin, and buddies by a group card', async () => {
    const { wrapper } = await mountSidebar()
    const names = () => wrapper.findAll('[data-test="contact-name"]').map((n) => n.text())
    await wrapper.get('[data-test="contact-filter"]').setValue('zed')
    expect(names()).toEqual(['张三'])
    await wrapper.get('[data-test="contact-filter"]').setValue('dsh')
    expect(names()).toEqual(['读书会', '读书会'])
    useContactsStore().members['group:52'] = [member(6, '孙七', { card: '【队长】小孙' })]
    await wrapper.get('[data-test="contact-filter"]').setValue('duizhang')
    expect(names()).toEqual(['孙七'])
  })
})

describe('keyboard', () => {
  it('moves through the list with arrows, Home and End, and Enter opens; arrows move between tabs', async () => {
    const { fake, wrapper } = await mountSidebar()
    const list = wrapper.get('[data-test="contact-list"]')
    const active = () => document.getElementById(list.attributes('aria-activedescendant')!)?.textContent ?? ''
    expect(active()).toContain('朋友')
    await list.trigger('keydown', { key: 'ArrowDown' })
    expect(active()).toContain('张三')
    await list.trigger('keydown', { key: 'End' })
    expect(active()).toContain('孙七')
    await list.trigger('keydown', { key: 'Home' })
    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowDown' })
    expect(active()).toContain('周八')
    await list.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(useConversationsStore().open).toEqual({ kind: 'buddy', id: 7 })
    expect(fake.api.markRead).toHaveBeenCalledWith({ kind: 'buddy', id: 7 })
    const tabs = wrapper.get('[role="tablist"]')
    await tabs.trigger('keydown', { key: 'ArrowRight' })
    expect(wrapper.get('[data-test="tab-groups"]').attributes('aria-selected')).toBe('true')
    await tabs.trigger('keydown', { key: 'Home' })
    expect(wrapper.get('[data-test="tab-recent"]').attributes('aria-selected')).toBe('true')
    expect(wrapper.get('[data-test="tab-recent"]').attributes('tabindex')).toBe('0')
    expect(wrapper.get('[data-test="tab-groups"]').attributes('tabindex')).toBe('-1')
  })

  it('gives every row a unique element id, also categories named in Chinese', async () => {
    installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    const pinia = createPinia()
    setActivePinia(pinia)
    const category = (name: string) => ({ type: 'category' as const, id: `category:${name}`, name, online: 0, total: 0, collapsed: true })
    const list = mount(ContactList, {
      props: { rows: [category('同学'), category('家人'), category('朋友')], selected: null },
      global: { plugins: [pinia, createAppI18n()] }
    })
    await flushPromises()
    // A tree: categories are tree items that say whether they are expanded (an option may not).
    expect(list.get('[data-test="contact-list"]').attributes('role')).toBe('tree')
    expect(list.findAll('[role="treeitem"]').map((o) => o.attributes('aria-expanded'))).toEqual(['false', 'false', 'false'])
    const ids = list.findAll('[role="treeitem"]').map((o) => o.attributes('id'))
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
  })
})

describe('profile card', () => {
  it('shows a buddy card with its fields, sends a message from it, and closes with Escape', async () => {
    const { wrapper } = await mountSidebar('en')
    await rowOf(wrapper, '张三').trigger('contextmenu', { clientX: 10, clientY: 10 })
    document.querySelector<HTMLElement>('[data-test="menu-profile"]')!.click()
    await flushPromises()
    const card = () => document.querySelector<HTMLElement>('[data-test="profile-card"]')
    expect(card()!.querySelector('[data-test="profile-title"]')!.textContent).toBe('张三')
    expect(card()!.querySelector('[data-test="profile-signature"]')!.textContent).toBe('今天也要加油')
    const fields = card()!.querySelector('[data-test="profile-fields"]')!.textContent!
    for (const text of ['QQ number', '123456', 'Nickname', 'zed', 'Male', 'May 20, 1990', '中国 广东 深圳', '深圳大学', 'zed@example.com'])
      expect(fields).toContain(text)
    card()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(card()).toBeNull()
    await rowOf(wrapper, '张三').trigger('contextmenu', { clientX: 10, clientY: 10 })
    document.querySelector<HTMLElement>('[data-test="menu-profile"]')!.click()
    await flushPromises()
    card()!.querySelector<HTMLElement>('[data-test="profile-send"]')!.click()
    await flushPromises()
    expect(useConversationsStore().open).toEqual({ kind: 'buddy', id: 2 })
    expect(card()).toBeNull()
  })

  it('opens from the conversation header button, which is labelled', async () => {
    installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    const pinia = createPinia()
    setActivePinia(pinia)
    const button = mount(ProfileButton, { props: { conversation: { kind: 'group', id: 50 } }, global: { plugins: [pinia, createAppI18n('en')] } })
    expect(button.attributes('aria-label')).toBe('View profile')
    await button.trigger('click')
    const { useProfileStore } = await import('../../src/renderer/src/stores/profile')
    expect(useProfileStore().shown).toEqual({ kind: 'group', id: 50 })
  })

  it('shows in a window without the sidebar too (a pop-out), and Send message opens the conversation there', async () => {
    const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    fake.data.profiles = {
      'group:50': {
        kind: 'group',
        id: 50,
        key: 'g',
        name: '读书会',
        markname: null,
        memo: '每周六读书',
        owner: null,
        memberCount: 9,
        createTime: null
      }
    }
    const pinia = createPinia()
    setActivePinia(pinia)
    mount(ProfileCardHost, { global: { plugins: [pinia, createAppI18n()] }, attachTo: document.body })
    const { useProfileStore } = await import('../../src/renderer/src/stores/profile')
    useProfileStore().open({ kind: 'group', id: 50 })
    await flushPromises()
    expect(document.querySelector('[data-test="profile-announcement"]')!.textContent).toContain('每周六读书')
    document.querySelector<HTMLElement>('[data-test="profile-send"]')!.click()
    await flushPromises()
    expect(useConversationsStore().open).toEqual({ kind: 'group', id: 50 })
    expect(document.querySelector('[data-test="profile-card"]')).toBeNull()
  })

  it('says clearly when a profile cannot be loaded', async () => {
    const { wrapper } = await mountSidebar()
    await rowOf(wrapper, '李四').trigger('contextmenu', { clientX: 10, clientY: 10 })
    document.querySelector<HTMLElement>('[data-test="menu-profile"]')!.click()
    await flushPromises()
    expect(document.querySelector('[data-test="profile-card"] [role="alert"]')!.textContent).toBe(
      '资料读取失败：这个操作无法完成：会话可能已不在联系人中，或者内容不被支持。'
    )
  })
})

describe('members panel', () => {
  const members = [
    member(11, '成员甲', { status: 'online' }),
    member(12, '成员乙', { card: '【管理】老谭', role: 'admin', status: 'away' }),
    member(13, '群主丙', { role: 'owner' }),
    member(14, 'Lucy', { card: '小露', status: 'busy' })
  ]

  async function mountPanel() {
    const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    fake.data.profiles = {
      'group:50': {
        kind: 'group',
        id: 50,
        key: 'g',
        name: '读书会',
        markname: null,
        memo: '每周六 9 点读书',
        owner: { uin: 13, name: '群主丙' },
        memberCount: 4,
        createTime: null
      }
    }
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(MembersPanel, {
      props: { members, conversation: { kind: 'group', id: 50 } },
      global: { plugins: [pinia, createAppI18n()] }
    })
    await flushPromises()
    return { fake, wrapper }
  }

  it('puts the announcement on top, the owner and admins first, with presence and role marks', async () => {
    const { wrapper } = await mountPanel()
    expect(wrapper.get('[data-test="members-announcement"]').text()).toContain('每周六 9 点读书')
    expect(wrapper.findAll('[data-test="member-name"]').map((n) => n.text())).toEqual(['群主丙', '【管理】老谭', '成员甲', '小露'])
    expect(wrapper.findAll('[data-test="member-role"]').map((n) => n.text())).toEqual(['群主', '管理员'])
    expect(wrapper.findAll('[data-test="member"]').map((m) => m.attributes('data-presence'))).toEqual(['offline', 'away', 'online', 'busy'])
    expect(wrapper.get('[data-test="members-online"]').text()).toBe('3 人在线')
  })

  it('searches by card, nick and pinyin, and says when nobody matches', async () => {
    const { wrapper } = await mountPanel()
    const names = () => wrapper.findAll('[data-test="member-name"]').map((n) => n.text())
    await wrapper.get('[data-test="member-search"]').setValue('laotan')
    expect(names()).toEqual(['【管理】老谭'])
    await wrapper.get('[data-test="member-search"]').setValue('lucy')
    expect(names()).toEqual(['小露'])
    await wrapper.get('[data-test="member-search"]').setValue('cyj')
    expect(names()).toEqual(['成员甲'])
    await wrapper.get('[data-test="member-search"]').setValue('nobody')
    expect(wrapper.get('[data-test="members-none"]').text()).toBe('没有匹配的成员')
  })

  it('opens a member card on click and on Enter', async () => {
    const { wrapper } = await mountPanel()
    const { useProfileStore } = await import('../../src/renderer/src/stores/profile')
    await wrapper.findAll('[data-test="member"]')[1]!.trigger('click')
    expect(useProfileStore().shown).toEqual({ kind: 'member', group: { kind: 'group', id: 50 }, member: members[1] })
    const list = wrapper.get('[role="listbox"]')
    await list.trigger('keydown', { key: 'End' })
    await list.trigger('keydown', { key: 'Enter' })
    expect(useProfileStore().shown).toMatchObject({ kind: 'member', member: { uin: 14 } })
  })
})
