/**
 * A batch of live messages (main coalesces a flood into messages:received) leaves the stores exactly as
 * the same messages one by one would, with one read mark for the open conversation instead of one each.
 */
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import type { MessageDto } from '../../src/shared/messenger'
import { useConversationsStore } from '../../src/renderer/src/stores/conversations'
import { useRecentStore } from '../../src/renderer/src/stores/recent'
import { useSessionStore } from '../../src/renderer/src/stores/session'
import { fakeMessage, installFakeApi } from './fake-api'

/** 600 messages over the open group 22, group 23 and buddy 11, some of them ours, times not always rising. */
function flood(): MessageDto[] {
  const out: MessageDto[] = []
  for (let n = 1; n <= 600; n++) {
    const target = n % 3 === 0 ? (['group', 22] as const) : n % 3 === 1 ? (['group', 23] as const) : (['buddy', 11] as const)
    // Every tenth message is older news (offline delivery): it must not move the preview.
    out.push(fakeMessage(target[0], target[1], n, { self: n % 7 === 0, time: 1_700_000_000 + (n % 10 === 0 ? 0 : n) }))
  }
  return out
}

async function storesAfter(deliver: (emit: (channel: string, payload: unknown) => void, messages: MessageDto[]) => void) {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  setActivePinia(createPinia())
  await useSessionStore().init()
  const conversations = useConversationsStore()
  const recent = useRecentStore()
  await conversations.init()
  await recent.init()
  await conversations.openConversation({ kind: 'group', id: 22 })
  await conversations.openConversation({ kind: 'buddy', id: 11 })
  await conversations.openConversation({ kind: 'group', id: 22 })
  vi.mocked(fake.api.markRead).mockClear()
  deliver((c, p) => fake.emit(c as never, p as never), flood())
  const ids = (key: string) => conversations.threads.get(key)!.messages.map((m) => m.id)
  return {
    fake,
    threads: { open: ids('group:22'), buddy: ids('buddy:11') },
    unread: { ...conversations.unread },
    activity: { ...conversations.activity },
    recent: JSON.parse(JSON.stringify(recent.byKey)) as unknown,
    markReads: vi.mocked(fake.api.markRead).mock.calls.length
  }
}

describe('messages:received (a batch)', () => {
  it('carries every message into its thread, in order, with the same unread counts and recent list as one by one', async () => {
    const batched = await storesAfter((emit, ms) => emit('messages:received', ms))
    const single = await storesAfter((emit, ms) => ms.forEach((m) => emit('message:received', m)))
    const all = flood()
    expect(batched.threads.open).toEqual(all.filter((m) => m.conversationId === 22).map((m) => m.id))
    expect(batched.threads.buddy).toEqual(all.filter((m) => m.conversationId === 11).map((m) => m.id))
    expect(batched.threads).toEqual(single.threads)
    expect(batched.unread).toEqual(single.unread)
    expect(batched.unread['group:23']).toBe(all.filter((m) => m.conversationId === 23 && !m.self).length)
    expect(batched.unread['buddy:11']).toBe(all.filter((m) => m.conversationId === 11 && !m.self).length)
    expect(batched.unread['group:22']).toBe(0)
    expect(batched.activity).toEqual(single.activity)
    expect(batched.recent).toEqual(single.recent)
    expect((batched.recent as Record<string, { lastPreview: string }>)['group:key:23']!.lastPreview).toBe('消息 598')
  })

  it('marks the open conversation read once per batch (one by one it was once per message)', async () => {
    const batched = await storesAfter((emit, ms) => emit('messages:received', ms))
    expect(batched.markReads).toBe(1)
    expect(batched.fake.api.markRead).toHaveBeenCalledWith({ kind: 'group', id: 22 })
  })

  it('the stores stop listening to batches on dispose', async () => {
    const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
    setActivePinia(createPinia())
    const conversations = useConversationsStore()
    const recent = useRecentStore()
    await conversations.init()
    await recent.init()
    expect(fake.listenerCount('messages:received')).toBe(2)
    conversations.dispose()
    recent.dispose()
    expect(fake.listenerCount('messages:received')).toBe(0)
  })
})
