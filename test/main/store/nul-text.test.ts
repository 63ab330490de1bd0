/**
 * Any code point round-trips through the store (issue 15 row 3): node:sqlite reads TEXT through C
 * strings, so "before\0after" came back as "before" from history, search, export and previews.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openAccountStore, openStoreFile, StoreError } from '../../../src/main/store'
import { decodeText, encodeText } from '../../../src/main/store/text-codec'
import { msg, tempDir } from './helpers'

const HOSTILE = ['before\u0000after', '\u0000', 'a\u0001b', '\u0001\u0000\u00010\u0001\u0001', 'x\u00010y', 'lone \uD800 half', '😀\u202E\u0000']

describe('text with any code point', () => {
  it('encodes reversibly and leaves ordinary text alone', () => {
    for (const t of HOSTILE) expect(decodeText(encodeText(t))).toBe(t)
    expect(decodeText(encodeText('\u0001\u0001'))).toBe('\u0001\u0001')
    for (const t of HOSTILE) expect(encodeText(t)).not.toContain('\u0000')
    expect(encodeText('普通的消息 plain')).toBe('普通的消息 plain')
  })

  it('round-trips through history, the conversation row, search (indexed and not yet) and export', async () => {
    const dir = tempDir()
    // No indexer at first: the not-yet-indexed tail is searched by scanning.
    const path = accountDbPath(dir, 'acc')
    let s = openStoreFile(path, { searchIndex: 'off' })
    s.history.upsertConversation('group:code:1', 'group', 'Group\u0000Name')
    s.history.appendBatch(
      HOSTILE.map((text, i) => msg(`m${i}`, { time: 1_700_000_000 + i, senderName: `Eve\u0000${i}`, segments: [{ type: 'text', text }] }))
    )
    const page = s.history.page('group:code:1', { limit: 50 }).messages.reverse()
    // A lone surrogate is no Unicode scalar value: UTF-8 cannot hold it, so it is stored as U+FFFD.
    expect(page.map((m) => m.text)).toEqual(HOSTILE.map((t) => t.toWellFormed()))
    expect(page.map((m) => m.senderName)).toEqual(HOSTILE.map((_, i) => `Eve\u0000${i}`))
    const conv = s.history.getConversation('group:code:1')!
    expect(conv.title).toBe('Group\u0000Name')
    expect(conv.lastPreview).toBe(HOSTILE.at(-1))
    expect(conv.lastSenderName).toBe(`Eve\u0000${HOSTILE.length - 1}`)

    const found = (text: string) => s.history.search({ text }).messages.map((m) => m.text)
    // Before the background indexer ran (tail scan) and after it (trigram index): the same answers.
    expect(found('after')).toEqual(['before\u0000after'])
    expect(found('e\u0000a')).toEqual(['before\u0000after'])
    expect(found('\u0000')).toContain('before\u0000after')
    s.close()
    s = openStoreFile(path, { searchIndex: 'worker' })
    expect(await s.searchIndex.caughtUp()).toBe(true)
    expect(found('before\u0000after')).toEqual(['before\u0000after'])
    // "x\u00010y" is not a NUL: the escape must not make it match one.
    expect(found('x\u00010y')).toEqual(['x\u00010y'])

    const json = JSON.parse(s.history.exportConversation('group:code:1', 'json'))
    expect(JSON.stringify(json)).toContain('before\\u0000after')
    s.history.exportConversationToFile('group:code:1', 'txt', join(dir, 'out.txt'))
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('before\u0000after')
    s.close()
  })

  it('keeps a draft with NUL whole, and refuses a key with NUL instead of storing a cut one', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.setConversationPrefs('buddy:qq:1', { draft: 'half\u0000written' })
    expect(s.history.conversationPrefs()[0]!.draft).toBe('half\u0000written')
    expect(() => s.history.appendBatch([msg('k', { conversation: 'group:name:a\u0000b' })])).toThrow(StoreError)
    expect(s.history.listConversations()).toEqual([])
    s.close()
  })
})
