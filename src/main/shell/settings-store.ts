/**
 * Settings persisted with electron-store. Values are validated on every read and write with the
 * shared settings schema: a hand-edited or corrupt file degrades field by field to defaults
 * instead of crashing, and the renderer can only write fields the schema knows. An unusable file (not
 * JSON, a folder, absurdly nested) is moved aside first (settings-file.ts); a file written by a NEWER
 * version is only read: changes apply until quit and are never written over it (no downgrade).
 */
import Store from 'electron-store'
import * as v from 'valibot'
import { parseStoredSettings, settingsPatchSchema, type Settings, type SettingsFileNotice, type SettingsPatch } from '../../shared/settings'
import { preflightSettingsFile } from '../settings/settings-file'
import { migrateSettings, SETTINGS_SCHEMA_VERSION, VERSION_KEY } from '../settings/settings-migration'

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Settings
  /** Field names that were invalid on disk at the last read (for a visible warning). */
  readonly invalidFields: readonly string[]
  /** Why the file is not used as usual (shown by the renderer), null when it is. */
  readonly notice?: SettingsFileNotice | null
}

export function createSettingsStore(options: { cwd?: string; log?(message: string): void } = {}): SettingsStore {
  let notice: SettingsFileNotice | null = null
  if (options.cwd !== undefined) {
    const preflight = preflightSettingsFile(options.cwd)
    if (preflight.movedTo !== null) {
      notice = { kind: 'moved-aside', movedTo: preflight.movedTo }
      options.log?.(`the settings file was unusable (${preflight.reason}); moved to ${preflight.movedTo}, defaults are used`)
    }
  }
  // clearInvalidConfig: the last resort when the file changed between the check above and this read.
  // No electron-store `defaults`: they would be merged into an old file before the migration saw it
  // (a v1 file would look like v2 with serverMode 'smartqq'); missing fields are defaulted on read.
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    cwd: options.cwd,
    clearInvalidConfig: true
  })
  const migration = migrateSettings(store.store)
  if (migration.migrated) store.store = migration.data
  const newer = migration.from > SETTINGS_SCHEMA_VERSION
  if (newer) notice = { kind: 'newer-version', version: migration.from }
  /** Changes made while the file belongs to a newer version: kept in memory only. */
  let session: Record<string, unknown> = {}
  let invalid: string[] = []
  const read = (): Settings => {
    const parsed = parseStoredSettings(newer ? { ...store.store, ...session } : store.store)
    invalid = parsed.invalid
    return parsed.settings
  }
  return {
    get: read,
    update(patch) {
      const checked = v.parse(settingsPatchSchema, patch)
      if (newer) {
        session = { ...session, ...checked }
        return read()
      }
      const next = { ...read(), ...checked, [VERSION_KEY]: SETTINGS_SCHEMA_VERSION }
      store.set(next)
      return read()
    },
    get invalidFields() {
      return invalid
    },
    get notice() {
      return notice
    }
  }
}
