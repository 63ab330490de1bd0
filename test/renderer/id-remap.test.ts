/**
 * A renewed session gives conversations new ids: everything the conversations store keeps per
 * conversation moves with it (the unread and mention counts, the new-messages divider, the activity
 * time, the thread and the open conversation), so nothing is left behind under a dead id.
 */
import { describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { newThread } from '../../src/renderer/src/stores/thread'
import { fakeMessage, installFakeApi } from './fake-api'

describe('conversation ids after a renewed session', () => {
  it('moves counts, mentions, the divider, activity, the thread and the open conversation to the new id', () => {
    installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    setActivePinia(createPinia())
    const store = useConversationsStore()
    store.threads.set('group:50', newThread())
    store.open = { kind: 'group', id: 50 }
    const message = fakeMessage('group', 50, 1)
    store.receiveMany([message])
    store.unread['group:50'] = 4
    store.mentions['group:50'] = 2
    store.dividers['group:50'] = message.id
    store.unread['buddy:7'] = 1

    store.remapIds(new Map([['group:50', { kind: 'group' as const, id: 90 }]]))

    expect(store.unread).toEqual({ 'group:90': 4, 'buddy:7': 1 })
    expect(store.mentions).toEqual({ 'group:90': 2 })
    expect(store.dividers).toEqual({ 'group:90': message.id })
    expect(Object.keys(store.activity)).toEqual(['group:90'])
    expect(store.threads.has('group:50')).toBe(false)
    expect(store.open).toEqual({ kind: 'group', id: 90 })
    expect(store.threads.get('group:90')?.messages.map((m) => [m.id, m.conversationId])).toEqual([[message.id, 90]])
  })
})
