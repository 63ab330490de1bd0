import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openAccountStore, type AccountStore } from '../../../src/main/store'
import { writeExportFile } from '../../../src/main/store/export-file'
import { msg, tempDir } from './helpers'

interface Profile {
  dir: string
  store: AccountStore
  /** Contents of the profile's other files, to check that nothing touched them. */
  files: Record<string, string>
}

function profile(): Profile {
  const dir = tempDir()
  const store = openAccountStore(dir, '42')
  store.history.appendBatch([msg('a'), msg('b')])
  const files = { 'session-42.json': '{"credentials":"secret"}', 'session-last.json': '{"account":42}', 'qr.png': 'PNG-bytes' }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return { dir, store, files }
}

function expectUntouched(p: Profile): void {
  for (const [name, text] of Object.entries(p.files)) expect(readFileSync(join(p.dir, name), 'utf8')).toBe(text)
  expect(p.store.history.page('group:code:1').messages.map((m) => m.id)).toEqual(['b', 'a'])
  expect(readdirSync(p.dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
}

const refused = expect.objectContaining({ code: 'bad-input' })

describe('export targets', () => {
  it("refuses every one of the profile's own files, and leaves each as it was", () => {
    const p = profile()
    const own = ['history-42.sqlite', 'history-42.sqlite-wal', 'history-42.sqlite-shm', 'session-42.json', 'session-last.json', 'qr.png']
    for (const name of own) {
      expect(() => p.store.history.exportConversationToFile('group:code:1', 'txt', join(p.dir, name)), name).toThrow(refused)
    }
    expectUntouched(p)
    // The database is intact on disk too, not only in this connection's cache.
    p.store.close()
    const again = openAccountStore(p.dir, '42')
    expect(again.report.movedAside).toBeNull()
    expect(again.history.page('group:code:1').messages).toHaveLength(2)
    again.close()
  })

  it('resolves symlinked folders and refuses hard links to profile files', () => {
    const p = profile()
    const outside = tempDir()
    symlinkSync(p.dir, join(outside, 'profile-link'))
    expect(() => p.store.history.exportConversationToFile('group:code:1', 'json', join(outside, 'profile-link', 'session-42.json'))).toThrow(refused)
    expect(() => p.store.history.exportConversationToFile('group:code:1', 'json', join(outside, 'profile-link', 'history-42.sqlite'))).toThrow(
      refused
    )
    linkSync(join(p.dir, 'session-42.json'), join(outside, 'innocent.txt'))
    expect(() => p.store.history.exportConversationToFile('group:code:1', 'txt', join(outside, 'innocent.txt'))).toThrow(refused)
    expectUntouched(p)
    p.store.close()
  })

  it('never writes through a symlink, wherever it points', () => {
    const p = profile()
    const outside = tempDir()
    writeFileSync(join(outside, 'victim.txt'), 'not yours')
    symlinkSync(join(outside, 'victim.txt'), join(outside, 'export.txt'))
    symlinkSync(join(p.dir, 'session-42.json'), join(outside, 'export.json'))
    symlinkSync(join(outside, 'does-not-exist-yet'), join(outside, 'dangling.txt'))
    for (const name of ['export.txt', 'export.json', 'dangling.txt'])
      expect(() => p.store.history.exportConversationToFile('group:code:1', 'txt', join(outside, name)), name).toThrow(refused)
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('not yours')
    expect(existsSync(join(outside, 'does-not-exist-yet'))).toBe(false)
    expectUntouched(p)
    p.store.close()
  })

  it('replaces an ordinary file whole (0600) and writes new ones, with no temp file left', () => {
    const p = profile()
    const outside = tempDir()
    const target = join(outside, 'chat.txt')
    writeFileSync(target, 'an older export that is much longer than the new one '.repeat(100), { mode: 0o644 })
    p.store.history.exportConversationToFile('group:code:1', 'txt', target)
    expect(readFileSync(target, 'utf8')).toBe(p.store.history.exportConversation('group:code:1', 'txt'))
    expect(statSync(target).mode & 0o777).toBe(0o600)
    p.store.history.exportConversationToFile('group:code:1', 'json', join(outside, 'new.json'))
    expect(JSON.parse(readFileSync(join(outside, 'new.json'), 'utf8')).messages).toHaveLength(2)
    // An export into the profile folder under a name that is not one of its files is fine.
    p.store.history.exportConversationToFile('group:code:1', 'txt', join(p.dir, 'chat-export.txt'))
    expect(readdirSync(outside).sort()).toEqual(['chat.txt', 'new.json'])
    expectUntouched(p)
    p.store.close()
  })

  it('a failure part-way leaves the old file as it was and no temp file behind', () => {
    const folder = tempDir()
    const target = join(folder, 'chat.txt')
    writeFileSync(target, 'previous export')
    function* failing(): Generator<string> {
      yield 'first line\n'
      throw new Error('row 2 is unreadable')
    }
    expect(() => writeExportFile(target, failing(), null)).toThrow('row 2 is unreadable')
    expect(readFileSync(target, 'utf8')).toBe('previous export')
    expect(readdirSync(folder)).toEqual(['chat.txt'])
    mkdirSync(join(folder, 'a-folder'))
    expect(() => writeExportFile(join(folder, 'a-folder'), ['x'], null)).toThrow(refused)
  })
})
