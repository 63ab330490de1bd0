/**
 * The one place where an error becomes what a person reads. Stores keep the i18n KEY this returns
 * (so the sentence follows a language change); components show it through `useErrorText()`.
 * Main's messages never reach the screen: they may be English, technical, or contain data.
 */
import { useI18n } from 'vue-i18n'
import {
  IPC_ERROR_CODES,
  IPC_FAILURE_REASONS,
  LOCAL_ERROR_CODES,
  OUTBOX_ERROR_CODES,
  SERVER_UNREACHABLE_REASONS,
  SESSION_REASONS,
  STORAGE_PROBLEMS,
  outboxErrorCode,
  type IpcFailureReason,
  type LocalErrorCode,
  type OutboxErrorCode,
  type ServerUnreachableReason,
  type SessionReason
} from '../../../shared/errors'
import { LINK_REFUSALS, type LinkRefusal } from '../../../shared/external-link'
import type { IpcError } from '../../../shared/ipc'

const FALLBACK = 'errors.failure.unknown'

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}

/** An IPC error envelope: the failure reason when main gave one, else the dispatcher's code. */
export function ipcErrorKey(error: Pick<IpcError, 'code' | 'reason'>): string {
  if (error.code === 'failed') return isOneOf(IPC_FAILURE_REASONS, error.reason) ? failureKey(error.reason) : 'errors.ipc.failed'
  return isOneOf(IPC_ERROR_CODES, error.code) ? `errors.ipc.${error.code}` : FALLBACK
}

export const failureKey = (reason: IpcFailureReason): string => `errors.failure.${reason}`
export const sessionReasonKey = (reason: SessionReason): string => `login.reason.${reason}`
export const outboxKey = (code: OutboxErrorCode): string => `errors.outbox.${code}`
export const localKey = (code: LocalErrorCode): string => `errors.local.${code}`
/** Why a sign-in could not reach the server ('http-status' takes `{status}`). */
export const unreachableKey = (reason: ServerUnreachableReason): string => `errors.unreachable.${reason}`
/** SmartQQ's own hosts, which cannot answer any more (said instead of the transport detail). */
export const OFFICIAL_UNREACHABLE_KEY = 'errors.unreachable.official'
export const linkRefusalKey = (reason: LinkRefusal): string => `errors.link.${reason}`

/** The i18n key for anything a store caught (an ApiError from useApi, or anything else). */
export function errorKey(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const { code, reason } = e as { code: unknown; reason?: unknown }
    if (isOneOf(IPC_ERROR_CODES, code)) return ipcErrorKey({ code, reason: isOneOf(IPC_FAILURE_REASONS, reason) ? reason : undefined })
  }
  return FALLBACK
}

/** A session reason worth telling (kicked, expired...), or null for routine ones. */
export function sessionReasonText(reason: string | null): string | null {
  return isOneOf(SESSION_REASONS, reason) ? sessionReasonKey(reason) : null
}

/** The failure sentence for a failed outbox entry (from its stored English text). */
export function outboxErrorKey(error: string | null): string {
  return outboxKey(outboxErrorCode(error))
}

/** Every key this module can produce (the test checks each has a sentence in every language). */
export function allErrorKeys(): string[] {
  return [
    FALLBACK,
    'errors.ipc.failed',
    ...IPC_ERROR_CODES.map((c) => `errors.ipc.${c}`),
    ...IPC_FAILURE_REASONS.map(failureKey),
    ...SESSION_REASONS.map(sessionReasonKey),
    ...OUTBOX_ERROR_CODES.map(outboxKey),
    ...LOCAL_ERROR_CODES.map(localKey),
    ...SERVER_UNREACHABLE_REASONS.map(unreachableKey),
    OFFICIAL_UNREACHABLE_KEY,
    ...LINK_REFUSALS.map(linkRefusalKey),
    // The storage notice (components/StorageNotice.vue) says what happened and what to do.
    ...STORAGE_PROBLEMS.flatMap((p) => [`storage.title.${p}`, `storage.advice.${p}`])
  ]
}

/**
 * `(keyOrNull) => sentence`. A value that is not one of our keys (an old store still holding a raw
 * message) shows the generic sentence instead of the raw text.
 */
export function useErrorText(): (key: string | null | undefined) => string {
  const { t, te } = useI18n()
  return (key) => {
    if (!key) return ''
    return (key.startsWith('errors.') || key.startsWith('login.reason.')) && te(key) ? t(key) : t(FALLBACK)
  }
}
