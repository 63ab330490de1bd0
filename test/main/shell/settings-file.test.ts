/**
 * settings.json in hostile states (issue 15 row 11): a newer version's file is read and never written
 * (no downgrade), an unusable file or a folder in its place is moved aside with a notice and defaults
 * are used, and absurd nesting cannot break every later write.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const { createSettingsStore } = await import('../../../src/main/shell/settings-store')
const { createHandlers } = await import('../../../src/main/ipc/app-handlers')

const cwd = (): string => mkdtempSync(join(tmpdir(), 'qq-settings-file-'))
const file = (dir: string): string => join(dir, 'settings.json')

function expectMovedAside(dir: string, store: ReturnType<typeof createSettingsStore>, original: string | null) {
  const notice = store.notice
  expect(notice?.kind).toBe('moved-aside')
  const movedTo = notice?.kind === 'moved-aside' ? notice.movedTo : ''
  expect(movedTo).toMatch(/settings\.json\.unreadable-/)
  if (original !== null) expect(readFileSync(movedTo, 'utf8')).toBe(original)
  else expect(statSync(movedTo).isDirectory()).toBe(true)
  expect(store.get().locale).toBe('zh-CN')
  // Usable again: a change is written to a new file.
  store.update({ locale: 'en' })
  expect(JSON.parse(readFileSync(file(dir), 'utf8'))).toMatchObject({ locale: 'en', schemaVersion: 2 })
}

describe('settings file', () => {
  it("reads a newer version's file, keeps changes in memory, and never writes over it", () => {
    const dir = cwd()
    const original = JSON.stringify({ schemaVersion: 3, locale: 'en', sendIntervalMs: 2500, futureOption: { nested: true } })
    writeFileSync(file(dir), original)
    const store = createSettingsStore({ cwd: dir })
    expect(store.get()).toMatchObject({ locale: 'en', sendIntervalMs: 2500 })
    expect(store.notice).toEqual({ kind: 'newer-version', version: 3 })
    expect(store.update({ locale: 'zh-CN', sendIntervalMs: 3000 })).toMatchObject({ locale: 'zh-CN', sendIntervalMs: 3000 })
    expect(store.get().locale).toBe('zh-CN')
    expect(readFileSync(file(dir), 'utf8')).toBe(original)
    // The next start reads the newer file as it was.
    expect(createSettingsStore({ cwd: dir }).get().locale).toBe('en')
  })

  it('moves a file that is not JSON aside (never overwrites it), with a notice, and uses defaults', () => {
    const dir = cwd()
    writeFileSync(file(dir), '{ "locale": "en", oops')
    expectMovedAside(dir, createSettingsStore({ cwd: dir }), '{ "locale": "en", oops')
  })

  it('moves a folder in its place aside instead of throwing at start', () => {
    const dir = cwd()
    mkdirSync(file(dir))
    writeFileSync(join(file(dir), 'inside'), 'x')
    expectMovedAside(dir, createSettingsStore({ cwd: dir }), null)
  })

  it('moves a deeply nested file aside, so later writes keep working', () => {
    const dir = cwd()
    const deep = `{"locale":"en","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    writeFileSync(file(dir), deep)
    expectMovedAside(dir, createSettingsStore({ cwd: dir }), deep)
  })

  it('leaves a good file in place, with no notice', () => {
    const dir = cwd()
    writeFileSync(file(dir), JSON.stringify({ schemaVersion: 2, locale: 'en' }))
    const store = createSettingsStore({ cwd: dir })
    expect(store.notice).toBeNull()
    expect(store.get().locale).toBe('en')
    expect(existsSync(file(dir))).toBe(true)
  })

  it('tells the renderer through app:info', async () => {
    const dir = cwd()
    writeFileSync(file(dir), JSON.stringify({ schemaVersion: 9 }))
    const settings = createSettingsStore({ cwd: dir })
    const handlers = createHandlers({
      appInfo: { name: 'qq', version: '0', platform: 'linux', secretStorage: 'encrypted' },
      settings
    } as unknown as Parameters<typeof createHandlers>[0])
    expect(await handlers['app:info'](undefined as never)).toMatchObject({ settingsNotice: { kind: 'newer-version', version: 9 } })
  })
})
