/**
 * Every error code main can hand to the renderer, as const lists. The renderer turns each one into
 * a sentence in the user's language (src/renderer/src/lib/error-text.ts) and a test walks these
 * lists, so a code added here without a sentence fails the build instead of showing raw text.
 */
import type { StorageProblem } from './messenger'

/** IpcError.code: what the dispatcher itself decided. */
export const IPC_ERROR_CODES = ['invalid-payload', 'forbidden-sender', 'unknown-channel', 'failed'] as const
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number]

/** IpcError.reason: why a handler failed (code 'failed'), classified in main from the error it threw. */
export const IPC_FAILURE_REASONS = [
  /** A messenger command without a signed-in session. */
  'not-signed-in',
  /** The engine refused a command (unknown conversation, nothing to send, pictures...). */
  'command-refused',
  /** Too many conversations in their own windows already (MAX_POP_OUTS). */
  'window-limit',
  /** The server could not be reached / did not answer in time. */
  'network',
  'timeout',
  /** The server answered something unusable or refused (http error, retcode, malformed). */
  'server',
  /** History database problems. */
  'store-corrupt',
  'store-too-new',
  'store-not-found',
  'store-bad-cursor',
  'store-io',
  /** An export could not be written (path, permissions, disk). */
  'export-failed',
  /** An export of a conversation that has no stored message yet. */
  'export-no-history',
  /** A settings change the schema refused (e.g. an invalid server URL). */
  'settings-invalid',
  /** Sign-in with the custom server chosen but its saved address unusable or missing (shared/server-url.ts). */
  'server-url-invalid',
  /** Another process (a headless client) uses this profile's folder (engine/profile-lock.ts). */
  'profile-in-use',
  /** Anything else: a bug; the details are in main's log. */
  'unknown'
] as const
export type IpcFailureReason = (typeof IPC_FAILURE_REASONS)[number]

/** SessionSnapshot.reason values the renderer is told about (why the session changed). */
export const SESSION_REASONS = ['expired', 'kicked', 'logout', 'remembered-refused', 'login-failed'] as const
export type SessionReason = (typeof SESSION_REASONS)[number]

/**
 * Why the server could not be reached at sign-in (SessionSnapshot.unreachable.reason; the headless
 * `server-unreachable` line's `reason`), classified in main from the transport error or answer.
 */
export const SERVER_UNREACHABLE_REASONS = [
  /** The connection was refused or cut (nothing listens there, or it hung up). */
  'refused',
  /** The host name does not resolve. */
  'dns',
  /** No answer in time. */
  'timeout',
  /** The TLS handshake failed (an untrusted or wrong certificate, not TLS at all). */
  'tls',
  /** An HTTP error status (an error page, a proxy's 502). */
  'http-status',
  /** It answered, but not as a SmartQQ server does (HTML, no QR image). */
  'not-smartqq'
] as const
export type ServerUnreachableReason = (typeof SERVER_UNREACHABLE_REASONS)[number]

/** Why a queued message ended up failed (classified from the outbox entry's error). */
export const OUTBOX_ERROR_CODES = ['not-in-contacts', 'refused', 'session-dead', 'send-failed'] as const
export type OutboxErrorCode = (typeof OUTBOX_ERROR_CODES)[number]

/**
 * The outbox stores a human-readable failure text (it is also shown by the headless mode); the
 * renderer shows a sentence picked from its stable beginning, never the text itself.
 */
export function outboxErrorCode(error: string | null): OutboxErrorCode {
  if (error === null) return 'send-failed'
  if (/not in this session's contacts/.test(error)) return 'not-in-contacts'
  if (/^refused with 10000[01]\b/.test(error) || /times$/.test(error)) return 'session-dead'
  if (/^refused/.test(error)) return 'refused'
  return 'send-failed'
}

/** Why a send is `unconfirmed` (it may or may not have arrived), classified from the outbox entry's error. */
export const OUTBOX_UNCERTAIN_CODES = ['1202', 'no-answer', 'interrupted', 'unknown'] as const
export type OutboxUncertainCode = (typeof OUTBOX_UNCERTAIN_CODES)[number]

/** The renderer says only what happened: the server's 1202, a connection that broke, or the app stopping mid-send. */
export function outboxUncertainCode(error: string | null | undefined): OutboxUncertainCode {
  if (!error) return 'unknown'
  if (/^the server answered \d+/.test(error)) return '1202'
  if (/^no answer/.test(error)) return 'no-answer'
  if (/^interrupted/.test(error)) return 'interrupted'
  return 'unknown'
}

/** Why the history is not being saved (StorageStatusDto.reason, pushed as storage:changed). */
export const STORAGE_PROBLEMS = [
  'disk-full',
  'read-only',
  'damaged',
  'unavailable',
  'no-full-text-search'
] as const satisfies readonly StorageProblem[]
/** Fails to compile when messenger.ts gains a storage problem this list lacks. */
export type StorageProblemsCovered = Exclude<StorageProblem, (typeof STORAGE_PROBLEMS)[number]> extends never ? true : never
export const STORAGE_PROBLEMS_COVERED: StorageProblemsCovered = true

/** Renderer-side problems that are not IPC answers (e.g. a settings field the user typed). */
export const LOCAL_ERROR_CODES = ['server-url-invalid', 'preload-missing'] as const
export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number]
