import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { accountDbPath, ensurePrivateDir, openAccountStore, openStoreFile, StoreError } from '../../../src/main/store'
import { msg, tempDir } from './helpers'

/** A plausible base time (2023): the store replaces times before 2000 with the time of storing. */
const T = 1_700_000_000

const mode = (p: string): number => statSync(p).mode & 0o777

describe('owner-only files', () => {
  it('creates directories 0700 and the database and its WAL/SHM 0600, whatever the umask', () => {
    const old = process.umask(0o022)
    try {
      const dir = join(tempDir(), 'a', 'b')
      const s = openAccountStore(dir, 'qq:1')
      s.history.appendBatch([msg('a')])
      expect(mode(dir)).toBe(0o700)
      expect(mode(s.path)).toBe(0o600)
      for (const suffix of ['-wal', '-shm']) {
        expect(existsSync(s.path + suffix)).toBe(true)
        expect(mode(s.path + suffix)).toBe(0o600)
      }
      const exported = join(dir, 'export.txt')
      s.history.exportConversationToFile('group:code:1', 'txt', exported)
      expect(mode(exported)).toBe(0o600)
      s.close()
      const other = join(tempDir(), 'x')
      ensurePrivateDir(other)
      expect(mode(other)).toBe(0o700)
    } finally {
      process.umask(old)
    }
  })

  it('keeps one file per account with a filename-safe name', () => {
    const dir = tempDir()
    expect(accountDbPath(dir, 'qq:1')).not.toBe(accountDbPath(dir, 'qq_1'))
    const hostile = accountDbPath(dir, '../../etc/passwd')
    expect(dirname(hostile)).toBe(dir)
    expect(basename(hostile)).toMatch(/^history-[A-Za-z0-9_.-]+\.sqlite$/)
  })
})

describe('damaged files', () => {
  it('moves a corrupt database aside, starts fresh and reports it', () => {
    const dir = tempDir()
    const path = accountDbPath(dir, 'acc')
    writeFileSync(path, Buffer.from('this is not an sqlite database, just garbage '.repeat(200)))
    const s = openStoreFile(path)
    expect(s.report.created).toBe(true)
    expect(s.report.corruption).toBeInstanceOf(StoreError)
    expect(s.report.corruption!.code).toBe('corrupt-db')
    expect(s.report.movedAside).toMatch(/\.corrupt-/)
    expect(existsSync(s.report.movedAside!)).toBe(true)
    expect(s.history.appendBatch([msg('a')]).inserted).toEqual(['a'])
    s.close()
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1)
  })

  it('refuses a file from a newer app version without touching it', () => {
    const path = accountDbPath(tempDir(), 'acc')
    openStoreFile(path).close()
    const raw = new DatabaseSync(path)
    raw.exec('PRAGMA user_version = 99')
    raw.close()
    expect(() => openStoreFile(path)).toThrow(expect.objectContaining({ code: 'too-new' }))
    expect(existsSync(path)).toBe(true)
  })

  it('shows a message whose segments column is damaged from its text, with a typed error attached', () => {
    const s = openAccountStore(tempDir(), 'acc')
    s.history.appendBatch([
      msg('ok', {
        time: T + 1,
        segments: [
          { type: 'text', text: 'a' },
          { type: 'face', id: 14, name: '微笑' }
        ]
      }),
      msg('bad1', {
        time: T + 2,
        segments: [
          { type: 'text', text: 'b' },
          { type: 'face', id: 14, name: '微笑' }
        ]
      }),
      msg('bad2', { time: T + 3, segments: [{ type: 'image' }] })
    ])
    const raw = new DatabaseSync(s.path)
    raw.exec(`UPDATE messages SET segs = 'garbage{' WHERE id = 'bad1'`)
    raw.exec(`UPDATE messages SET segs = 't99' WHERE id = 'bad2'`)
    raw.close()
    const page = s.history.page('group:code:1')
    expect(page.messages.map((m) => m.id)).toEqual(['bad2', 'bad1', 'ok'])
    const [bad2, bad1, ok] = page.messages
    expect(ok!.damage).toBeUndefined()
    expect(bad1!.damage).toBeInstanceOf(StoreError)
    expect(bad1!.damage!.code).toBe('corrupt-row')
    expect(bad1!.segments).toEqual([{ type: 'text', text: 'b[微笑]' }])
    expect(bad2!.damage!.code).toBe('corrupt-row')
    expect(bad2!.text).toBe('[图片]')
    s.close()
  })
})
