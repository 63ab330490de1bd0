import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => {
  // electron-store only needs app/ipcMain when they exist; a plain-Node stand-in with an absolute cwd.
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const { createSettingsStore } = await import('../../../src/main/shell/settings-store')

describe('settings store', () => {
  it('starts with defaults and persists a valid update', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-'))
    const store = createSettingsStore({ cwd })
    expect(store.get().locale).toBe('zh-CN')
    store.update({ locale: 'en', sendIntervalMs: 3000 })
    const onDisk = JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))
    expect(onDisk).toMatchObject({ locale: 'en', sendIntervalMs: 3000 })
    expect(createSettingsStore({ cwd }).get()).toMatchObject({ locale: 'en', sendIntervalMs: 3000 })
  })

  it('refuses an invalid update and keeps what was stored', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-'))
    const store = createSettingsStore({ cwd })
    expect(() => store.update({ sendIntervalMs: -1 })).toThrow()
    expect(store.get().sendIntervalMs).toBe(1000)
  })

  it('degrades a hand-edited file field by field instead of crashing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-'))
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ locale: 'klingon', serverUrl: 'http://127.0.0.1:8080', rememberSession: 'yes' }))
    const store = createSettingsStore({ cwd })
    expect(store.get()).toMatchObject({ locale: 'zh-CN', serverUrl: 'http://127.0.0.1:8080', rememberSession: true })
    expect([...store.invalidFields].sort()).toEqual(['locale', 'rememberSession'])
  })

  it('survives a file that is not JSON at all', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-'))
    writeFileSync(join(cwd, 'settings.json'), '{ this is not json')
    expect(createSettingsStore({ cwd }).get().locale).toBe('zh-CN')
  })
})
