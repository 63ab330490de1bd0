import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { effectScope, ref, type EffectScope } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { BuddyDto } from '../../src/shared/messenger'
import { isSpelled, matchesName, normalizeQuery, warmSpellings } from '../../src/renderer/src/lib/pinyin-filter'
import { avatarText } from '../../src/renderer/src/lib/avatar'
import { useContactRows, type SidebarTab } from '../../src/renderer/src/composables/useContactRows'
import { useContactsStore } from '../../src/renderer/src/stores/contacts'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { usePrefsStore } from '../../src/renderer/src/stores/prefs'
import { fakeMessage, installFakeApi } from './fake-api'

const buddy = (uin: number, nick: string, category: string, online: boolean, markname: string | null = null): BuddyDto => ({
  uin,
  nick,
  markname,
  category,
  online,
  status: online ? 'online' : 'offline',
  key: `buddy:${uin}`,
  vipLevel: 0
})

// The composable runs inside an effect scope, as in a component: its onScopeDispose has an owner.
const scopes: EffectScope[] = []
afterEach(() => {
  for (const scope of scopes.splice(0)) scope.stop()
})

async function setup() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  fake.data.contacts = {
    buddies: [
      buddy(1, '王五', '同学', false),
      buddy(2, 'zed', '同学', true, '张三'),
      buddy(3, '李四', '同学', true),
      buddy(4, '赵六', '家人', false)
    ],
    groups: [{ gid: 50, code: 500, name: '读书会', markname: null, key: 'g50' }],
    discussions: [{ did: 60, name: '周末爬山', key: 'd60' }],
    recent: [
      { kind: 'group', id: 50, key: 'g50' },
      { kind: 'buddy', id: 4, key: 'buddy:4' }
    ],
    loadedAt: 1
  }
  setActivePinia(createPinia())
  await useContactsStore().init()
  const conversations = useConversationsStore()
  await conversations.init()
  const tab = ref<SidebarTab>('buddies')
  const filter = ref('')
  const collapsed = ref(new Set<string>())
  const scope = effectScope()
  scopes.push(scope)
  const rows = scope.run(() => useContactRows(tab, filter, collapsed))!
  const names = () => rows.value.map((r) => (r.type === 'category' ? `#${r.name} ${r.online}/${r.total}` : r.name))
  return { fake, conversations, tab, filter, collapsed, rows, names }
}

describe('pinyin-aware contact filter', () => {
  it.each([
    ['张三', '张', true],
    ['张三', 'zhang', true],
    ['张三', 'zhangsan', true],
    ['张三', 'zs', true],
    ['张三', 'ZS ', true],
    ['张三', 'ls', false],
    ['张三', 'san', true],
    ['Amy 韩', 'amy', true],
    ['Amy 韩', 'han', true],
    ['绿茶', 'lvcha', true],
    ['李四', '张', false]
  ])('%s ~ %j: %s', (name, query, expected) => {
    expect(matchesName(name, normalizeQuery(query))).toBe(expected)
  })

  it('spells names ahead in idle time, a slice at a time, and stops when asked', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `欧阳预热${i}`)
    warmSpellings(names)
    expect(isSpelled(names[0]!)).toBe(false)
    await vi.waitFor(() => expect(names.every(isSpelled)).toBe(true), { timeout: 3000 })
    const stop = warmSpellings(['司马停下'])
    stop()
    await new Promise((r) => setTimeout(r, 600))
    expect(isSpelled('司马停下')).toBe(false)
  })

  it('shows a letter of the name in the avatar, not a decoration', () => {
    expect(avatarText('【管理】谢涛怡')).toBe('管')
    expect(avatarText('"小明"')).toBe('小')
    expect(avatarText('★')).toBe('★')
  })
})

describe('sidebar rows', () => {
  it('groups buddies by category, online first, with the remark as the name', async () => {
    const { names } = await setup()
    // Names sort by pinyin (zh-CN collation): li < zhang.
    expect(names()).toEqual(['#同学 2/3', '李四', '张三', '王五', '#家人 0/1', '赵六'])
  })

  it('collapses a category and follows presence pushes', async () => {
    const { fake, collapsed, names } = await setup()
    collapsed.value = new Set(['同学'])
    expect(names()).toEqual(['#同学 2/3', '#家人 0/1', '赵六'])
    fake.emit('presence:changed', { uin: 4, status: 'busy' })
    expect(names()).toEqual(['#同学 2/3', '#家人 1/1', '赵六'])
  })

  it('reloads the directory when it changes, once per burst of changes', async () => {
    const { fake, names } = await setup()
    const loads = () => vi.mocked(fake.api.getContacts).mock.calls.length
    expect(loads()).toBe(1)
    fake.data.contacts = { ...fake.data.contacts, buddies: [buddy(7, '新朋友', '同学', true)] }
    for (let i = 0; i < 5; i++) fake.emit('contacts:changed', { reason: 'lookup' })
    await flushPromises()
    expect(loads()).toBe(3)
    expect(names()).toEqual(['#同学 1/1', '新朋友'])
  })

  it('filters every kind of contact by pinyin', async () => {
    const { filter, rows } = await setup()
    filter.value = 'zs'
    expect(rows.value.map((r) => r.id)).toEqual(['buddy:2'])
    filter.value = 'dsh'
    expect(rows.value.map((r) => r.id)).toEqual(['group:50'])
    filter.value = 'pashan'
    expect(rows.value.map((r) => r.id)).toEqual(['discuss:60'])
  })

  it('orders the recent tab by the newest activity, then the server order, pinned conversations on top', async () => {
    const { fake, tab, rows, conversations } = await setup()
    await usePrefsStore().init()
    tab.value = 'recent'
    expect(rows.value.map((r) => r.id)).toEqual(['group:50', 'buddy:4'])
    fake.emit('message:received', fakeMessage('discuss', 60, 5))
    fake.emit('message:received', fakeMessage('buddy', 3, 9, { self: true }))
    expect(rows.value.map((r) => [r.id, conversations.unread[r.id] ?? 0])).toEqual([
      ['buddy:3', 0],
      ['discuss:60', 1],
      ['group:50', 0],
      ['buddy:4', 0]
    ])
    await usePrefsStore().setPinned({ kind: 'buddy', id: 4 }, true)
    expect(rows.value.map((r) => r.id)).toEqual(['buddy:4', 'buddy:3', 'discuss:60', 'group:50'])
  })
})
