/**
 * Settings persisted with electron-store. Values are validated on every read and write with the
 * shared settings schema: a hand-edited or corrupt file degrades field by field to defaults
 * instead of crashing, and the renderer can only write fields the schema knows.
 */
import Store from 'electron-store'
import * as v from 'valibot'
import { parseStoredSettings, settingsPatchSchema, type Settings, type SettingsPatch } from '../../shared/settings'
import { migrateSettings, SETTINGS_SCHEMA_VERSION, VERSION_KEY } from '../settings/settings-migration'

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Settings
  /** Field names that were invalid on disk at the last read (for a visible warning). */
  readonly invalidFields: readonly string[]
}

export function createSettingsStore(options: { cwd?: string } = {}): SettingsStore {
  // clearInvalidConfig: a file that is not JSON at all is reset rather than crashing start-up.
  // No electron-store `defaults`: they would be merged into an old file before the migration saw it
  // (a v1 file would look like v2 with serverMode 'smartqq'); missing fields are defaulted on read.
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    cwd: options.cwd,
    clearInvalidConfig: true
  })
  const migration = migrateSettings(store.store)
  if (migration.migrated) store.store = migration.data
  let invalid: string[] = []
  const read = (): Settings => {
    const parsed = parseStoredSettings(store.store)
    invalid = parsed.invalid
    return parsed.settings
  }
  return {
    get: read,
    update(patch) {
      const checked = v.parse(settingsPatchSchema, patch)
      const next = { ...read(), ...checked, [VERSION_KEY]: SETTINGS_SCHEMA_VERSION }
      store.set(next)
      return read()
    },
    get invalidFields() {
      return invalid
    }
  }
}
