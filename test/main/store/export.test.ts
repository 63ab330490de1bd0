import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openAccountStore } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

function seeded() {
  const s = openAccountStore(tempDir(), 'acc')
  s.history.upsertConversation('group:code:1', 'group', '吃瓜群')
  s.history.appendBatch([
    msg('b', { time: 1_700_000_060, sender: 'qq:2', senderName: '李四', segments: [{ type: 'text', text: '第二行\n续行' }] }),
    msg('a', {
      time: 1_700_000_000,
      segments: [
        { type: 'text', text: '早' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    }),
    msg('c', { time: 1_700_000_120, self: true, sender: 'qq:9', senderName: '我', state: 'failed', segments: [{ type: 'image' }] }),
    msg('elsewhere', { conversation: 'buddy:qq:3', kind: 'buddy' })
  ])
  return s
}

describe('export', () => {
  it('writes TXT oldest first, one timestamped line per message', () => {
    const s = seeded()
    expect(s.history.exportConversation('group:code:1', 'txt', { timeZone: 'Asia/Shanghai' })).toBe(
      [
        '# 吃瓜群 (group, group:code:1)',
        '[2023-11-15 06:13:20] 张三: 早[微笑]',
        '[2023-11-15 06:14:20] 李四: 第二行',
        '    续行',
        '[2023-11-15 06:15:20] 我 [failed]: [图片]',
        ''
      ].join('\n')
    )
    s.close()
  })

  it('writes JSON with segments that parses back', () => {
    const s = seeded()
    const path = join(tempDir(), 'out.json')
    s.history.exportConversationToFile('group:code:1', 'json', path)
    const doc = JSON.parse(readFileSync(path, 'utf8'))
    expect(doc.format).toBe('qq-desktop-history')
    expect(doc.conversation).toEqual({ key: 'group:code:1', kind: 'group', title: '吃瓜群' })
    expect(doc.messages.map((m: { id: string }) => m.id)).toEqual(['a', 'b', 'c'])
    expect(doc.messages[0]).toEqual({
      id: 'a',
      time: 1_700_000_000,
      sender: 'qq:100',
      senderName: '张三',
      self: false,
      text: '早[微笑]',
      segments: [
        { type: 'text', text: '早' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    expect(doc.messages[2]).toMatchObject({ self: true, state: 'failed', segments: [{ type: 'image' }] })
    expect(s.history.exportConversation('group:code:1', 'json')).toBe(readFileSync(path, 'utf8'))
    expect(() => s.history.exportConversation('nope', 'txt')).toThrow(expect.objectContaining({ code: 'not-found' }))
    s.close()
  })

  it('exports an empty conversation as a valid document', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.upsertConversation('discuss:d', 'discuss', '')
    expect(JSON.parse(s.history.exportConversation('discuss:d', 'json')).messages).toEqual([])
    expect(s.history.exportConversation('discuss:d', 'txt')).toBe('# discuss:d (discuss, discuss:d)\n')
    s.close()
  })
})
