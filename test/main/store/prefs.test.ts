import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile, type AccountStore } from '../../../src/main/store'
import { LATEST_VERSION, migrate } from '../../../src/main/store/schema'
import { msg, tempDir } from './helpers'

function open(now = () => 1_700_000_000_000): { store: AccountStore; path: string } {
  const path = accountDbPath(tempDir(), 'qq:42')
  return { store: openStoreFile(path, { now }), path }
}

describe('conversation prefs', () => {
  it('starts empty and keeps pin, mute and draft per key across a reopen', () => {
    const { store, path } = open()
    expect(store.history.conversationPrefs()).toEqual([])
    expect(store.history.setConversationPrefs('buddy:qq:1', { pinned: true })).toEqual({
      key: 'buddy:qq:1',
      pinned: true,
      muted: false,
      draft: null,
      draftTime: null
    })
    store.history.setConversationPrefs('group:name:群', { muted: true, draft: '还没写完' })
    store.close()

    const again = openStoreFile(path)
    expect(again.history.conversationPrefs()).toEqual([
      { key: 'buddy:qq:1', pinned: true, muted: false, draft: null, draftTime: null },
      { key: 'group:name:群', pinned: false, muted: true, draft: '还没写完', draftTime: 1_700_000_000 }
    ])
    again.close()
  })

  it('changes only the fields given, and drops the row once everything is back to defaults', () => {
    const { store, path } = open()
    store.history.setConversationPrefs('buddy:qq:1', { pinned: true, muted: true })
    expect(store.history.setConversationPrefs('buddy:qq:1', { muted: false })).toMatchObject({ pinned: true, muted: false })
    expect(store.history.setConversationPrefs('buddy:qq:1', { pinned: false })).toMatchObject({ pinned: false, muted: false, draft: null })
    expect(store.history.conversationPrefs()).toEqual([])
    store.close()
    const raw = new DatabaseSync(path)
    expect(raw.prepare('SELECT count(*) AS n FROM conversation_prefs').get()).toEqual({ n: 0 })
    raw.close()
  })

  it('stamps a draft when its text changes, not when the same text is saved again; blank clears it', () => {
    let now = 1_700_000_000_000
    const { store } = open(() => now)
    store.history.setConversationPrefs('buddy:qq:1', { draft: '你好' })
    now += 60_000
    expect(store.history.setConversationPrefs('buddy:qq:1', { draft: '你好' }).draftTime).toBe(1_700_000_000)
    expect(store.history.setConversationPrefs('buddy:qq:1', { draft: '你好呀' }).draftTime).toBe(1_700_000_060)
    expect(store.history.setConversationPrefs('buddy:qq:1', { draft: '   ' })).toMatchObject({ draft: null, draftTime: null })
    expect(store.history.conversationPrefs()).toEqual([])
    store.close()
  })

  it('refuses bad input with a typed error and keeps what was stored', () => {
    const { store } = open()
    store.history.setConversationPrefs('buddy:qq:1', { draft: 'keep me' })
    expect(() => store.history.setConversationPrefs('buddy:qq:1', { draft: 'x'.repeat(4001) })).toThrow(
      expect.objectContaining({ code: 'bad-input' })
    )
    expect(() => store.history.setConversationPrefs('', { pinned: true })).toThrow(expect.objectContaining({ code: 'bad-input' }))
    expect(() => store.history.setConversationPrefs('buddy:qq:1', { pinned: 'yes' as unknown as boolean })).toThrow(
      expect.objectContaining({ code: 'bad-input' })
    )
    expect(store.history.conversationPrefs()).toEqual([expect.objectContaining({ key: 'buddy:qq:1', draft: 'keep me' })])
    store.close()
  })

  it('follows a conversation to its new key, with or without stored messages, merging with prefs already there', () => {
    const { store } = open()
    // No message yet: only the prefs move.
    store.history.setConversationPrefs('buddy:name:朋友/张三', { pinned: true, draft: '草稿' })
    store.history.rekeyConversation('buddy:name:朋友/张三', 'buddy:qq:5')
    expect(store.history.conversationPrefs()).toEqual([{ key: 'buddy:qq:5', pinned: true, muted: false, draft: '草稿', draftTime: 1_700_000_000 }])
    // With messages, merged into a key that has its own prefs: the pin and the mute both survive.
    store.history.appendBatch([msg('a', { conversation: 'group:uin:7' })])
    store.history.setConversationPrefs('group:uin:7', { muted: true })
    store.history.setConversationPrefs('group:name:群', { pinned: true })
    store.history.appendBatch([msg('b', { conversation: 'group:name:群' })])
    store.history.rekeyConversation('group:uin:7', 'group:name:群')
    expect(store.history.conversationPrefs()).toContainEqual({ key: 'group:name:群', pinned: true, muted: true, draft: null, draftTime: null })
    expect(store.history.conversationPrefs().map((p) => p.key)).not.toContain('group:uin:7')
    // Neither history nor prefs under the old key: still the not-found it always was.
    expect(() => store.history.rekeyConversation('nothing', 'else')).toThrow(expect.objectContaining({ code: 'not-found' }))
    store.close()
  })

  it('is added by a migration to a file of the previous version without touching its history', () => {
    const path = accountDbPath(tempDir(), 'acc')
    const old = new DatabaseSync(path)
    old.exec('PRAGMA journal_mode = WAL')
    migrate(old, LATEST_VERSION - 1)
    old.close()
    const s = openStoreFile(path)
    s.history.appendBatch([msg('a')])
    expect(s.history.setConversationPrefs('group:code:1', { pinned: true }).pinned).toBe(true)
    expect(s.history.page('group:code:1').messages.map((m) => m.id)).toEqual(['a'])
    s.close()
  })
})
