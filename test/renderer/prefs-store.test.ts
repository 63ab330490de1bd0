import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DRAFT_SAVE_DELAY_MS, usePrefsStore } from '../../src/renderer/src/stores/prefs'
import { installFakeApi } from './fake-api'

const BUDDY = { kind: 'buddy' as const, id: 11 }
const GROUP = { kind: 'group' as const, id: 22 }

async function setup() {
  const fake = installFakeApi({ state: 'online', self: { uin: 1, nick: '我' } })
  setActivePinia(createPinia())
  const store = usePrefsStore()
  return { fake, store }
}

describe('prefs store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('loads what main keeps and answers by refKey and by stable key', async () => {
    const { fake, store } = await setup()
    fake.data.prefs = [
      { key: 'buddy:qq:5', kind: 'buddy', id: 11, pinned: true, muted: false, draft: null, draftTime: null },
      { key: 'group:name:群', kind: 'group', id: 22, pinned: false, muted: true, draft: '写到一半', draftTime: 1_700_000_000 },
      { key: 'discuss:name:旧', kind: 'discuss', id: null, pinned: true, muted: false, draft: null, draftTime: null }
    ]
    await store.init()
    expect(store.isPinned('buddy:11')).toBe(true)
    expect(store.isPinned('buddy:qq:5')).toBe(true)
    expect(store.isMuted('group:22')).toBe(true)
    expect(store.isMuted('buddy:11')).toBe(false)
    expect(store.draftOf('group:22')).toBe('写到一半')
    expect(store.draftOf('buddy:11')).toBeNull()
    // Not in this session's contacts: known by key, but no refKey is pinned for it.
    expect(store.isPinned('discuss:name:旧')).toBe(true)
    expect(store.pinnedKeys).toEqual(['buddy:11'])
  })

  it('pins and mutes through main and follows changes pushed from elsewhere', async () => {
    const { fake, store } = await setup()
    await store.init()
    expect(await store.setPinned(GROUP, true)).toBe(true)
    expect(fake.api.setConversationPrefs).toHaveBeenCalledWith({ kind: 'group', id: 22, pinned: true })
    expect(store.isPinned('group:22')).toBe(true)
    await store.setMuted(GROUP, true)
    await store.setPinned(GROUP, false)
    expect([store.isPinned('group:22'), store.isMuted('group:22')]).toEqual([false, true])
    // Another window (or the tray) muted a buddy.
    fake.emit('prefs:changed', { key: 'buddy:key:11', kind: 'buddy', id: 11, pinned: false, muted: true, draft: null, draftTime: null })
    expect(store.isMuted('buddy:11')).toBe(true)
  })

  it('shows a draft at once and persists it once typing pauses, only the last text', async () => {
    vi.useFakeTimers()
    const { fake, store } = await setup()
    await store.init()
    store.setDraft(BUDDY, '你')
    store.setDraft(BUDDY, '你好')
    expect(store.draftOf('buddy:11')).toBe('你好')
    expect(fake.api.setConversationPrefs).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS + 10)
    expect(fake.api.setConversationPrefs).toHaveBeenCalledTimes(1)
    expect(fake.api.setConversationPrefs).toHaveBeenCalledWith({ kind: 'buddy', id: 11, draft: '你好' })
    expect(fake.data.prefs).toEqual([expect.objectContaining({ id: 11, draft: '你好' })])
    // Emptying the box clears the stored draft.
    store.setDraft(BUDDY, '  ')
    expect(store.draftOf('buddy:11')).toBeNull()
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS + 10)
    expect(fake.api.setConversationPrefs).toHaveBeenLastCalledWith({ kind: 'buddy', id: 11, draft: null })
    expect(fake.data.prefs).toEqual([])
  })

  it('writes pending drafts at once on flushDrafts and on dispose (nothing typed is lost)', async () => {
    vi.useFakeTimers()
    const { fake, store } = await setup()
    await store.init()
    store.setDraft(BUDDY, '草稿一')
    await store.flushDrafts()
    expect(fake.data.prefs).toEqual([expect.objectContaining({ id: 11, draft: '草稿一' })])
    store.setDraft(GROUP, '草稿二')
    store.dispose()
    expect(fake.api.setConversationPrefs).toHaveBeenLastCalledWith({ kind: 'group', id: 22, draft: '草稿二' })
    expect(fake.listenerCount('prefs:changed')).toBe(0)
  })

  it('re-reads the prefs when the contacts change (new ids), once per burst of changes', async () => {
    const { fake, store } = await setup()
    await store.init()
    fake.data.prefs = [{ key: 'buddy:qq:5', kind: 'buddy', id: 99, pinned: true, muted: false, draft: null, draftTime: null }]
    for (let i = 0; i < 5; i++) fake.emit('contacts:changed', { reason: 'lookup' })
    await vi.waitFor(() => expect(store.isPinned('buddy:99')).toBe(true))
    expect(vi.mocked(fake.api.getConversationPrefs).mock.calls.length).toBe(3)
  })

  it('keeps what was shown and reports the error when main refuses', async () => {
    const { fake, store } = await setup()
    await store.init()
    vi.mocked(fake.api.setConversationPrefs).mockImplementation(() =>
      Promise.resolve({ ok: false as const, error: { code: 'failed' as const, reason: 'not-signed-in' as const, message: 'not signed in' } })
    )
    expect(await store.setPinned(GROUP, true)).toBe(false)
    expect(store.isPinned('group:22')).toBe(false)
    expect(store.error).toBe('errors.failure.not-signed-in')
  })
})
