/**
 * The whole IPC contract, declared once.
 *
 * - `invokeSchemas`: channel -> valibot schema of the request payload. Main validates every payload
 *   with it before the handler runs; the preload builds one named function per channel from it.
 * - `InvokeMap`: channel -> { request, response } types (requests inferred from the schemas).
 * - `EventMap`: main -> renderer pushes.
 *
 * Every payload is plain data (structured-clone safe). No electron, DOM or Node imports here.
 */
import * as v from 'valibot'
import type { ConnectionTrouble, ConversationKind, SessionState } from './domain'
import { historyAroundSchema, sendMessageSchema } from './conversation-ipc'
import { settingsPatchSchema, type EffectiveTheme, type Settings, type SettingsFileNotice } from './settings'
import type { IpcErrorCode, IpcFailureReason, ServerUnreachableReason } from './errors'
import { focusedConversationSchema, statusSetSchema, type ConversationFocusDto, type MenuCommandDto, type NotifySoundDto } from './desktop'
import {
  MAX_MESSAGE_CHARS,
  MAX_SEARCH_CHARS,
  type AroundPage,
  type GapRecordedDto,
  type ContactsChangedDto,
  type ContactsDto,
  type ConversationPrefsDto,
  type ConversationSummaryDto,
  type HistoryPage,
  type MemberDto,
  type MessageDto,
  type OutboxDto,
  type PresenceDto,
  type ProfileDto,
  type QqLookupDto,
  type StorageStatusDto,
  type UnreadDto
} from './messenger'

const empty = v.optional(v.undefined())

const conversationKind = v.picklist(['buddy', 'group', 'discuss'])
/** A current-session id (uin, gid, did). */
const sessionId = v.pipe(v.number(), v.safeInteger(), v.minValue(1))
const cursor = v.pipe(v.string(), v.maxLength(256))
const pageLimit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))
export const exportFormat = v.picklist(['txt', 'json'])
export type ExportFormat = v.InferOutput<typeof exportFormat>

const searchSchema = v.pipe(
  v.strictObject({
    query: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_SEARCH_CHARS)),
    kind: v.optional(conversationKind),
    id: v.optional(sessionId),
    limit: v.optional(pageLimit),
    before: v.optional(v.nullable(cursor))
  }),
  v.check((s) => (s.kind === undefined) === (s.id === undefined), 'kind and id go together')
)

export const invokeSchemas = {
  'app:info': empty,
  /** The About dialog: version, licence, project home and the third-party licences of what ships. */
  'app:about': empty,
  /** A plain-text report for bug reports: versions, OS, settings (no secrets). */
  'app:diagnostics': empty,
  'settings:get': empty,
  'settings:update': settingsPatchSchema,
  'session:get': empty,
  'session:start': empty,
  'session:logout': empty,
  /** Try the server now instead of waiting for the next attempt (while unreachable or reconnecting). */
  'session:retry-now': empty,
  'demo:start': empty,
  'demo:scan': empty,
  'shell:open-external': v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) }),
  /** Our own presence; persisted as the onlineStatus setting and sent with change_status2. */
  'status:set': statusSetSchema,
  /** Which conversation a window shows and whether it is focused (no notification for it then). */
  'view:focused-conversation': focusedConversationSchema,
  'contacts:get': v.optional(v.strictObject({ refresh: v.optional(v.boolean()) })),
  'members:get': v.strictObject({ kind: v.picklist(['group', 'discuss']), id: sessionId }),
  'history:get': v.strictObject({
    kind: conversationKind,
    id: sessionId,
    limit: v.optional(pageLimit),
    before: v.optional(v.nullable(cursor)),
    /** Newer than this cursor instead (after a jump); `next` then continues towards the newest. */
    after: v.optional(v.nullable(cursor))
  }),
  'history:search': searchSchema,
  /** A message with its neighbours both ways (a search jump). */
  'history:around': historyAroundSchema,
  /** `text`, or `segments` (text and faces by id). */
  'message:send': sendMessageSchema,
  /** Delete one message from this computer's history only (the other side keeps it). */
  'message:delete': v.strictObject({ kind: conversationKind, id: sessionId, message: v.pipe(v.string(), v.minLength(1), v.maxLength(512)) }),
  'outbox:retry': v.strictObject({ id: v.pipe(v.number(), v.safeInteger(), v.minValue(1)) }),
  'conversation:read': v.strictObject({ kind: conversationKind, id: sessionId }),
  /** Main asks the user where to save (a native dialog); the renderer never names a path. */
  'conversation:export': v.strictObject({ kind: conversationKind, id: sessionId, format: exportFormat }),
  'unread:get': empty,
  'conversations:list': empty,
  'profile:get': v.strictObject({ kind: conversationKind, id: sessionId }),
  /** A buddy's real QQ number (get_friend_uin2), on the profile card's "look up". */
  'profile:lookup-qq': v.strictObject({ id: sessionId }),
  /** Buddies (current uins) whose signature is wanted: what is on screen, 60 at most per call. */
  'contacts:signature': v.strictObject({ uins: v.pipe(v.array(sessionId), v.minLength(1), v.maxLength(60)) }),
  'prefs:get': empty,
  /** At least one of pinned, muted, draft; a null or blank draft clears it. */
  'prefs:set': v.pipe(
    v.strictObject({
      kind: conversationKind,
      id: sessionId,
      pinned: v.optional(v.boolean()),
      muted: v.optional(v.boolean()),
      draft: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS))))
    }),
    v.check((p) => p.pinned !== undefined || p.muted !== undefined || p.draft !== undefined, 'give pinned, muted or draft')
  ),
  /** The theme in effect (the setting, with 'system' resolved through the OS preference). */
  'theme:get': empty,
  /** Show a conversation in its own window (focuses the window when it already has one). */
  'window:pop-out': v.strictObject({ kind: conversationKind, id: sessionId }),
  /** Close a conversation's own window and show the conversation in the main window's pane. */
  'window:dock': v.strictObject({ kind: conversationKind, id: sessionId }),
  /** The conversations that have their own window now. */
  'window:list': empty
} as const

export type InvokeChannel = keyof typeof invokeSchemas
export type InvokeRequest<C extends InvokeChannel> = v.InferOutput<(typeof invokeSchemas)[C]>

export interface AppInfo {
  name: string
  version: string
  platform: string
  /** 'no-keyring': the OS offers no keychain, so sessions are not remembered across restarts. */
  secretStorage: 'encrypted' | 'no-keyring'
  /** The settings file is read-only (a newer version's) or was unusable and moved aside; absent or null when fine. */
  settingsNotice?: SettingsFileNotice | null
}

/** One shipped third-party package and its licence (text null: the package has no licence file). */
export interface LicenceDto {
  name: string
  version: string
  license: string
  text: string | null
}

export interface AboutDto {
  app: { name: string; version: string; license: string; homepage: string | null }
  packages: LicenceDto[]
}

/** What the renderer knows about the login session. Never contains cookies or tokens. */
export interface SessionSnapshot {
  state: SessionState
  /** Why the last change happened (e.g. 'expired', 'kicked', 'logout', 'relink'). */
  reason: string | null
  /** The QR code as a `data:image/png;base64,...` URL while a QR is shown. */
  qrDataUrl: string | null
  self: { uin: number; nick: string } | null
  /** True while the session runs against the built-in demo server (the simulator). */
  demo: boolean
  /** The account whose session is remembered (signs in without a QR), or null. No secrets. */
  remembered?: { uin: number; nick: string } | null
  /** The last storage problem of the running session (see StorageStatusDto), null while saving works. */
  storage?: StorageStatusDto | null
  /** While `unreachable` or `reconnecting` for network trouble: why, and when the next attempt starts. */
  connection?: ConnectionTrouble | null
  /** Why the last sign-in stopped without reaching the server; null once a new one starts. */
  unreachable?: SignInUnreachableDto | null
}

/** A sign-in that could not reach the server: how it failed, and whether it was SmartQQ's own hosts. */
export interface SignInUnreachableDto {
  reason: ServerUnreachableReason
  /** The HTTP status of an error page ('http-status'). */
  httpStatus: number | null
  /** True for the real SmartQQ hosts (shut down in 2019), false for a custom or the demo server. */
  official: boolean
}

export interface ThemeDto {
  effective: EffectiveTheme
}

/** A conversation shown in its own window. */
export interface PoppedOutDto {
  kind: ConversationKind
  id: number
}

export interface InvokeResponses {
  'app:info': AppInfo
  'app:about': AboutDto
  'app:diagnostics': string
  'settings:get': Settings
  'settings:update': Settings
  'session:get': SessionSnapshot
  'session:start': SessionSnapshot
  'session:logout': SessionSnapshot
  /** False when no attempt was waiting (already trying, or nothing to retry). */
  'session:retry-now': boolean
  'demo:start': SessionSnapshot
  'demo:scan': boolean
  'shell:open-external': boolean
  'status:set': Settings
  'view:focused-conversation': boolean
  'contacts:get': ContactsDto
  'members:get': MemberDto[]
  'history:get': HistoryPage
  'history:search': HistoryPage
  'history:around': AroundPage
  /** One entry per part (long texts are split). */
  'message:send': OutboxDto[]
  /** True once the message is gone from this computer's history. */
  'message:delete': boolean
  'outbox:retry': OutboxDto
  /** False when there was nothing to mark (no stored message in that conversation). */
  'conversation:read': boolean
  /** `saved: false` when the user cancelled the save dialog. */
  'conversation:export': { saved: false } | { saved: true; path: string }
  'unread:get': UnreadDto[]
  'prefs:get': ConversationPrefsDto[]
  'prefs:set': ConversationPrefsDto
  'conversations:list': ConversationSummaryDto[]
  'profile:get': ProfileDto
  'profile:lookup-qq': QqLookupDto
  /** uin -> signature ('' when the buddy has none); buddies whose fetch failed are left out. */
  'contacts:signature': Record<number, string>
  'theme:get': ThemeDto
  /** True when a new window was opened, false when an existing one was focused. */
  'window:pop-out': boolean
  /** False when that conversation had no window of its own. */
  'window:dock': boolean
  'window:list': PoppedOutDto[]
}

export type InvokeResponse<C extends InvokeChannel> = InvokeResponses[C]

/** Pushes from main to the renderer. */
export interface EventMap {
  'session:changed': SessionSnapshot
  /** Settings changed in main (the tray's status or do-not-disturb, another window). */
  'settings:changed': Settings
  /** An app menu command or accelerator, sent to the focused window. */
  'menu:command': MenuCommandDto
  /** Open this conversation (a notification was clicked). */
  'conversation:focus': ConversationFocusDto
  /** Play the short notification sound. */
  'notify:sound': NotifySoundDto
  /** A new incoming message (never an echo of our own send from this client). */
  'message:received': MessageDto
  /** Several new messages at once, oldest first (main batches a flood: src/main/ipc/message-batches.ts). */
  'messages:received': MessageDto[]
  'outbox:changed': OutboxDto
  /** The directory changed; re-read contacts:get. */
  'contacts:changed': ContactsChangedDto
  'presence:changed': PresenceDto
  /** A sender shown under a placeholder name now has its real name (conversation current id + sender uin). */
  'sender:resolved': SenderResolvedDto
  /** Messages may be missing from here on (conversationKey null: in every conversation). */
  'history:gap': GapRecordedDto
  /** A conversation's pin, mute or draft changed (from any window). */
  'prefs:changed': ConversationPrefsDto
  /** Whether messages are being saved changed (disk full, unusable or damaged history file). */
  'storage:changed': StorageStatusDto
  /** The effective theme changed (the setting, or the OS preference while following it). */
  'theme:changed': ThemeDto
  /** Conversations were popped out into or docked back from their own windows. */
  'window:changed': PoppedOutDto[]
  /** A conversation was read in some window: every window clears its unread count. */
  'unread:cleared': PoppedOutDto
}

export interface SenderResolvedDto {
  kind: ConversationKind
  conversationId: number
  uin: number
  name: string
}

export type EventChannel = keyof EventMap

export const eventChannels: readonly EventChannel[] = [
  'session:changed',
  'settings:changed',
  'menu:command',
  'conversation:focus',
  'notify:sound',
  'message:received',
  'messages:received',
  'outbox:changed',
  'contacts:changed',
  'presence:changed',
  'sender:resolved',
  'history:gap',
  'prefs:changed',
  'storage:changed',
  'theme:changed',
  'window:changed',
  'unread:cleared'
]

/** A typed push to the renderer (the shell sends it to every window). */
export type EmitEvent = <C extends EventChannel>(channel: C, payload: EventMap[C]) => void

/**
 * The result envelope every invoke returns. Errors cross IPC as data, never as thrown
 * exceptions (Electron would flatten them into an untyped string).
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  code: IpcErrorCode
  /** With code 'failed': what kind of failure (the renderer shows a sentence for it, never `message`). */
  reason?: IpcFailureReason
  /** Developer detail for logs; never shown to a person. */
  message: string
}
