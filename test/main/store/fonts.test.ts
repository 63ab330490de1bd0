import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, openStoreFile } from '../../../src/main/store'
import { MESSAGE_FONTS_VERSION, migrate } from '../../../src/main/store/schema'
import type { MessageFont } from '../../../src/shared/fonts'
import { msg, tempDir } from './helpers'

const red: MessageFont = { name: '楷体', size: 12, bold: true, italic: false, underline: false, color: 'c0392b' }

describe('fonts in the store', () => {
  it('keeps the font with each message, and none where none came', () => {
    const s = openStoreFile(accountDbPath(tempDir(), 'acc'))
    s.history.appendBatch([
      msg('a', { font: red, time: 1_700_000_001 }),
      msg('b', { time: 1_700_000_002 }),
      msg('c', { font: null, time: 1_700_000_003 })
    ])
    const fonts = Object.fromEntries(s.history.page('group:code:1').messages.map((m) => [m.id, m.font]))
    expect(fonts).toEqual({ a: red, b: null, c: null })
    expect(s.history.getMessage('a')?.font).toEqual(red)
    s.close()
  })

  it('refuses a malformed font with a typed error and stores nothing of that batch', () => {
    const s = openStoreFile(accountDbPath(tempDir(), 'acc'))
    const bad = { ...red, color: 'red' } as MessageFont
    expect(() => s.history.appendBatch([msg('ok'), msg('bad', { font: bad })])).toThrow(expect.objectContaining({ code: 'bad-input' }))
    expect(s.history.page('group:code:1').messages).toEqual([])
    s.close()
  })

  it('opens a file from before fonts: old messages read back without one, new ones keep theirs', () => {
    const path = accountDbPath(tempDir(), 'acc')
    const old = new DatabaseSync(path)
    old.exec('PRAGMA journal_mode = WAL')
    migrate(old, MESSAGE_FONTS_VERSION - 1)
    old.exec(`INSERT INTO conversations (key, kind, title) VALUES ('group:code:1', 'group', '群')`)
    old.exec(`INSERT INTO senders (key, name) VALUES ('qq:1', '张三')`)
    old.exec(`INSERT INTO messages (seq, id, conv, sender, self, time, segs, text) VALUES (1, 'old', 1, 1, 0, 1700000000, NULL, '旧消息')`)
    old.close()

    const s = openStoreFile(path)
    s.history.appendBatch([msg('new', { font: red, time: 1_700_000_100 })])
    expect(s.history.page('group:code:1').messages.map((m) => [m.id, m.font])).toEqual([
      ['new', red],
      ['old', null]
    ])
    s.close()
  })
})
