/**
 * User settings: one schema validates what the renderer asks to change (IPC) and what is read
 * back from disk (electron-store), so a hand-edited or corrupt settings file cannot crash the app.
 */
import * as v from 'valibot'
import { DEFAULT_FONT, messageFontSchema, PEER_FONT_MODES } from './fonts'
import { MAX_SERVER_URL_CHARS, checkServerUrl } from './server-url'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const serverUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_SERVER_URL_CHARS),
  v.check((s) => s === '' || isValidServerUrl(s), 'must be an http(s) URL or empty')
)

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeSetting = (typeof THEMES)[number]
/** The theme actually applied: 'system' resolved through the OS preference. */
export type EffectiveTheme = 'light' | 'dark'

export const SEND_KEYS = ['enter', 'ctrl-enter'] as const
export type SendKey = (typeof SEND_KEYS)[number]

export const WINDOW_MODES = ['pane', 'windows'] as const
export type WindowMode = (typeof WINDOW_MODES)[number]

export const SERVER_MODES = ['smartqq', 'custom', 'demo'] as const
export type ServerMode = (typeof SERVER_MODES)[number]

export const ONLINE_STATUSES = ['online', 'away', 'busy', 'invisible'] as const
export type OnlineStatusSetting = (typeof ONLINE_STATUSES)[number]

export const SIDEBAR_WIDTH_MIN = 200
export const SIDEBAR_WIDTH_MAX = 480

/** True when `url` is usable as a custom compatible server (server-url.ts: the one check). */
export function isValidServerUrl(url: string): boolean {
  return checkServerUrl(url).ok
}

export const settingsSchema = v.object({
  /** UI language. */
  locale: v.picklist(LOCALES),
  /** Light, dark, or follow the operating system (nativeTheme). */
  theme: v.picklist(THEMES),
  /** Which key sends from the composer; the other one inserts a line break. */
  sendKey: v.picklist(SEND_KEYS),
  /** The font my messages carry (the content's font element), chosen in the composer's font bar. */
  myFont: messageFontSchema,
  /** How the fonts of received messages are shown: not at all, colours only, or colour, style and size. */
  peerFonts: v.picklist(PEER_FONT_MODES),
  /** Desktop notifications for new messages. */
  notifications: v.boolean(),
  /** Play a sound with a notification. */
  notificationSound: v.boolean(),
  /** Show the message text in a notification (off = privacy: only "new message"). */
  notificationPreview: v.boolean(),
  /** Global do-not-disturb: no notifications, no attention requests. */
  doNotDisturb: v.boolean(),
  /** One window with a conversation pane, or each conversation in its own window (classic QQ). */
  windowMode: v.picklist(WINDOW_MODES),
  /** Closing the main window hides it to the tray (when a tray exists) instead of quitting. */
  closeToTray: v.boolean(),
  /** Which server to sign in to: the real SmartQQ hosts, `serverUrl`, or the built-in demo server. */
  serverMode: v.picklist(SERVER_MODES),
  /** One origin serving every SmartQQ host's paths (serverMode 'custom'); kept when another mode is chosen. */
  serverUrl,
  /** Minimum gap between two sends, in ms (the service rate-limited bursts). */
  sendIntervalMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)),
  /** Keep the session across restarts (encrypted at rest). */
  rememberSession: v.boolean(),
  /** Width of the contact sidebar in px (dragged by the user). */
  sidebarWidth: v.pipe(v.number(), v.integer(), v.minValue(SIDEBAR_WIDTH_MIN), v.maxValue(SIDEBAR_WIDTH_MAX)),
  /** The presence to sign in with and keep (change_status2). */
  onlineStatus: v.picklist(ONLINE_STATUSES)
})

export type Settings = v.InferOutput<typeof settingsSchema>

export const settingsPatchSchema = v.partial(v.strictObject(settingsSchema.entries))
export type SettingsPatch = v.InferOutput<typeof settingsPatchSchema>

/**
 * Why the settings file is not used as usual (AppInfo.settingsNotice): written by a newer version (read,
 * never written: changes last until quit), or unusable and moved aside (defaults are used).
 */
export type SettingsFileNotice = { kind: 'newer-version'; version: number } | { kind: 'moved-aside'; movedTo: string }

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-CN',
  theme: 'system',
  sendKey: 'enter',
  myFont: DEFAULT_FONT,
  peerFonts: 'colors',
  notifications: true,
  notificationSound: true,
  notificationPreview: true,
  doNotDisturb: false,
  windowMode: 'pane',
  closeToTray: true,
  serverMode: 'smartqq',
  serverUrl: '',
  sendIntervalMs: 1000,
  rememberSession: true,
  sidebarWidth: 300,
  onlineStatus: 'online'
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
