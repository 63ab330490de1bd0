import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { migrateSettings, SETTINGS_SCHEMA_VERSION } from '../../../src/main/settings/settings-migration'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const { createSettingsStore } = await import('../../../src/main/shell/settings-store')

/** Today's (v1) settings.json: the server chosen by serverUrl alone, no version key. */
const V1_REAL = { locale: 'en', serverUrl: '', sendIntervalMs: 1500, rememberSession: false }
const V1_CUSTOM = { locale: 'zh-CN', serverUrl: 'http://127.0.0.1:8080', sendIntervalMs: 1000, rememberSession: true }

describe('settings migration (plain objects)', () => {
  it('derives serverMode from a v1 serverUrl and stamps the current version', () => {
    expect(migrateSettings(V1_REAL)).toEqual({
      data: { ...V1_REAL, serverMode: 'smartqq', schemaVersion: SETTINGS_SCHEMA_VERSION },
      from: 1,
      migrated: true
    })
    const custom = migrateSettings(V1_CUSTOM)
    expect(custom.data).toMatchObject({ serverMode: 'custom', serverUrl: 'http://127.0.0.1:8080', schemaVersion: 2 })
    expect(custom.from).toBe(1)
  })

  it('leaves current and newer files alone, and starts an empty store at the current version', () => {
    const current = { serverMode: 'demo', serverUrl: 'http://x.test', schemaVersion: SETTINGS_SCHEMA_VERSION }
    expect(migrateSettings(current)).toEqual({ data: current, from: SETTINGS_SCHEMA_VERSION, migrated: false })
    const newer = { schemaVersion: 99, somethingNew: true }
    expect(migrateSettings(newer).migrated).toBe(false)
    expect(migrateSettings({})).toEqual({ data: { schemaVersion: SETTINGS_SCHEMA_VERSION }, from: 0, migrated: true })
    expect(migrateSettings(null).from).toBe(0)
    expect(migrateSettings(['not', 'an', 'object']).data).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION })
  })
})

describe('settings migration (electron-store file)', () => {
  it('rewrites a v1 file with a custom server URL as v2 with serverMode custom, keeping every value', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-mig-'))
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify(V1_CUSTOM))
    const store = createSettingsStore({ cwd })
    expect(store.get()).toMatchObject({ ...V1_CUSTOM, serverMode: 'custom', theme: 'system', sendKey: 'enter' })
    const onDisk = JSON.parse(readFileSync(join(cwd, 'settings.json'), 'utf8'))
    expect(onDisk).toMatchObject({ serverMode: 'custom', schemaVersion: SETTINGS_SCHEMA_VERSION, serverUrl: V1_CUSTOM.serverUrl })
  })

  it('rewrites a v1 file without a server URL as serverMode smartqq, and keeps the choice made after that', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-settings-mig-'))
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify(V1_REAL))
    const store = createSettingsStore({ cwd })
    expect(store.get()).toMatchObject({ locale: 'en', serverMode: 'smartqq', sendIntervalMs: 1500, rememberSession: false })
    store.update({ serverMode: 'demo' })
    // Opening it again must not migrate a second time (that would derive 'smartqq' again).
    expect(createSettingsStore({ cwd }).get().serverMode).toBe('demo')
  })
})
