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
import type { SessionState } from './domain'
import { settingsPatchSchema, type Settings } from './settings'

const empty = v.optional(v.undefined())

export const invokeSchemas = {
  'app:info': empty,
  'settings:get': empty,
  'settings:update': settingsPatchSchema,
  'session:get': empty,
  'session:start': empty,
  'session:logout': empty,
  'demo:start': empty,
  'demo:scan': empty,
  'shell:open-external': v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) })
} as const

export type InvokeChannel = keyof typeof invokeSchemas
export type InvokeRequest<C extends InvokeChannel> = v.InferOutput<(typeof invokeSchemas)[C]>

export interface AppInfo {
  name: string
  version: string
  platform: string
  /** 'no-keyring': the OS offers no keychain, so sessions are not remembered across restarts. */
  secretStorage: 'encrypted' | 'no-keyring'
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
}

export interface InvokeResponses {
  'app:info': AppInfo
  'settings:get': Settings
  'settings:update': Settings
  'session:get': SessionSnapshot
  'session:start': SessionSnapshot
  'session:logout': SessionSnapshot
  'demo:start': SessionSnapshot
  'demo:scan': boolean
  'shell:open-external': boolean
}

export type InvokeResponse<C extends InvokeChannel> = InvokeResponses[C]

/** Pushes from main to the renderer. */
export interface EventMap {
  'session:changed': SessionSnapshot
}

export type EventChannel = keyof EventMap

export const eventChannels: readonly EventChannel[] = ['session:changed']

/**
 * The result envelope every invoke returns. Errors cross IPC as data, never as thrown
 * exceptions (Electron would flatten them into an untyped string).
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  code: 'invalid-payload' | 'forbidden-sender' | 'unknown-channel' | 'failed'
  message: string
}
