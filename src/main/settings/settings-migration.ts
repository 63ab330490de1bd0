/**
 * The settings file's schema versions and the step from each to the next. Electron-free, so the
 * migration is tested on plain objects; settings-store.ts runs it on what electron-store read.
 *
 * v1 (no `schemaVersion` key): locale, serverUrl, sendIntervalMs, rememberSession. The server was
 *    chosen by serverUrl alone: '' meant the real SmartQQ hosts, a URL a compatible server.
 * v2: every field of src/shared/settings.ts; the server choice is `serverMode` ('smartqq' |
 *    'custom' | 'demo'), serverUrl only keeps the custom URL.
 */
export const SETTINGS_SCHEMA_VERSION = 2
export const VERSION_KEY = 'schemaVersion'

export interface MigrationResult {
  data: Record<string, unknown>
  /** The version the data was at before (0: nothing stored yet). */
  from: number
  migrated: boolean
}

type Step = (data: Record<string, unknown>) => Record<string, unknown>

/** STEPS[n] turns version n+1 into version n+2. */
const STEPS: Step[] = [
  function v1ToV2(data) {
    const url = typeof data['serverUrl'] === 'string' ? data['serverUrl'].trim() : ''
    return { ...data, serverMode: url === '' ? 'smartqq' : 'custom' }
  }
]

function versionOf(data: Record<string, unknown>): number {
  const stored = data[VERSION_KEY]
  if (typeof stored === 'number' && Number.isInteger(stored) && stored >= 1) return stored
  // No version: an empty store is new, anything else was written before versions existed (v1).
  return Object.keys(data).length === 0 ? 0 : 1
}

/**
 * Brings stored settings up to the current version. A file from a NEWER version is left as it is
 * (its known fields are still read field by field; unknown ones are ignored, never deleted).
 */
export function migrateSettings(raw: unknown): MigrationResult {
  const data: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {}
  const from = versionOf(data)
  if (from >= SETTINGS_SCHEMA_VERSION) return { data, from, migrated: false }
  // Nothing stored yet: there is nothing to convert, defaults are applied on read.
  if (from === 0) return { data: { [VERSION_KEY]: SETTINGS_SCHEMA_VERSION }, from, migrated: true }
  let next = data
  for (let version = from; version < SETTINGS_SCHEMA_VERSION; version++) next = STEPS[version - 1]!(next)
  return { data: { ...next, [VERSION_KEY]: SETTINGS_SCHEMA_VERSION }, from, migrated: true }
}
