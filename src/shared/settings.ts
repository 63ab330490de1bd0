/**
 * User settings: one schema validates what the renderer asks to change (IPC) and what is read
 * back from disk (electron-store), so a hand-edited or corrupt settings file cannot crash the app.
 */
import * as v from 'valibot'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const serverUrl = v.pipe(
  v.string(),
  v.maxLength(512),
  v.check((s) => s === '' || /^https?:\/\/[^\s/]+(\/.*)?$/.test(s), 'must be an http(s) URL or empty')
)

export const settingsSchema = v.object({
  /** UI language. */
  locale: v.picklist(LOCALES),
  /** One origin serving every SmartQQ host's paths (the simulator); empty = the real SmartQQ hosts. */
  serverUrl,
  /** Minimum gap between two sends, in ms (the service rate-limited bursts). */
  sendIntervalMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)),
  /** Keep the session across restarts (encrypted at rest). */
  rememberSession: v.boolean()
})

export type Settings = v.InferOutput<typeof settingsSchema>

export const settingsPatchSchema = v.partial(v.strictObject(settingsSchema.entries))
export type SettingsPatch = v.InferOutput<typeof settingsPatchSchema>

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  serverUrl: '',
  sendIntervalMs: 1000,
  rememberSession: true
}

/**
 * Read settings from untrusted stored data: every valid field is kept, every invalid one falls
 * back to its default (one bad value must not reset the rest).
 */
export function parseStoredSettings(raw: unknown): { settings: Settings; invalid: string[] } {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  const invalid: string[] = []
  for (const key of Object.keys(settingsSchema.entries) as (keyof Settings)[]) {
    if (!(key in source)) continue
    const result = v.safeParse(settingsSchema.entries[key], source[key])
    if (result.success) settings[key] = result.output
    else invalid.push(key)
  }
  return { settings: settings as Settings, invalid }
}
