/**
 * Settings persisted with electron-store. Values are validated on every read and write with the
 * shared settings schema: a hand-edited or corrupt file degrades field by field to defaults
 * instead of crashing, and the renderer can only write fields the schema knows.
 */
import Store from 'electron-store'
import * as v from 'valibot'
import {
  DEFAULT_SETTINGS,
  parseStoredSettings,
  settingsPatchSchema,
  type Settings,
  type SettingsPatch
} from '../../shared/settings'

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Settings
  /** Field names that were invalid on disk at the last read (for a visible warning). */
  readonly invalidFields: readonly string[]
}

export function createSettingsStore(options: { cwd?: string } = {}): SettingsStore {
  // clearInvalidConfig: a file that is not JSON at all is reset rather than crashing start-up.
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    cwd: options.cwd,
    clearInvalidConfig: true,
    defaults: { ...DEFAULT_SETTINGS }
  })
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
      const next = { ...read(), ...checked }
      store.set(next)
      return read()
    },
    get invalidFields() {
      return invalid
    }
  }
}
