import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile, type AccountStore } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

function open(): AccountStore {
  return openStoreFile(accountDbPath(tempDir(), 'qq:42'), { now: () => 1_700_000_100_000 })
}

describe('deleting a message from this computer', () => {
  it('removes it from pages, search and the unread count; the preview falls back to the message before', () => {
    const s = open()
    s.history.appendBatch([msg('a', { time: 1_700_000_001, segments: [{ type: 'text', text: '第一条 apple' }] })])
    s.history.markRead('group:code:1')
    s.history.appendBatch([
      msg('b', { time: 1_700_000_002, segments: [{ type: 'text', text: '第二条 banana' }] }),
      msg('c', { time: 1_700_000_003, segments: [{ type: 'text', text: '第三条 cherry' }] })
    ])
    expect(s.history.getConversation('group:code:1')).toMatchObject({ unread: 2, lastPreview: '第三条 cherry' })

    s.history.deleteMessage('group:code:1', 'c')
    expect(s.history.page('group:code:1').messages.map((m) => m.id)).toEqual(['b', 'a'])
    expect(s.history.getConversation('group:code:1')).toMatchObject({ unread: 1, lastPreview: '第二条 banana' })
    expect(s.history.search({ text: 'cherry' }).messages).toEqual([])
    // A message already read leaves the unread count alone.
    s.history.deleteMessage('group:code:1', 'a')
    expect(s.history.getConversation('group:code:1')!.unread).toBe(1)
    expect(s.history.search({ text: 'banana' }).messages.map((m) => m.id)).toEqual(['b'])
    s.close()
  })

  it('says not-found for an unknown id or another conversation, and keeps our message while it may still send', () => {
    const s = open()
    s.history.appendBatch([msg('a')])
    expect(() => s.history.deleteMessage('group:code:1', 'nope')).toThrow(expect.objectContaining({ code: 'not-found' }))
    expect(() => s.history.deleteMessage('buddy:qq:5', 'a')).toThrow(expect.objectContaining({ code: 'not-found' }))
    const e = s.outbox.enqueue({
      conversation: 'group:code:1',
      kind: 'group',
      target: { groupCode: 'abc' },
      segments: [{ type: 'text', text: '在路上' }],
      message: { sender: 'qq:9', senderName: '我' }
    })
    expect(() => s.history.deleteMessage('group:code:1', `outbox:${e.id}`)).toThrow(expect.objectContaining({ code: 'bad-input' }))
    // Once it failed, the message and its dead outbox entry go together.
    s.outbox.markSending(e.id)
    s.outbox.markFailed(e.id, 'network')
    s.history.deleteMessage('group:code:1', `outbox:${e.id}`)
    expect(s.history.getMessage(`outbox:${e.id}`)).toBeNull()
    expect(s.outbox.get(e.id)).toBeNull()
    s.close()
  })
})
