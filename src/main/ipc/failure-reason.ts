/**
 * Classifies what a handler threw into one of the stable IPC failure reasons (src/shared/errors.ts),
 * so the renderer can say what happened in the user's language; the thrown message itself only
 * goes to logs.
 */
import * as v from 'valibot'
import type { IpcFailureReason } from '../../shared/errors'
import { EngineCommandError, ProfileInUseError } from '../engine'
import { ProtocolError, ServerUrlError } from '../protocol/errors'
import { StoreError } from '../store'
import { NotSignedInError } from './not-signed-in'
import { PopOutRefusedError } from '../desktop/window-registry'

const STORE_REASONS: Record<string, IpcFailureReason> = {
  'corrupt-db': 'store-corrupt',
  'corrupt-row': 'store-corrupt',
  'too-new': 'store-too-new',
  'not-found': 'store-not-found',
  'bad-cursor': 'store-bad-cursor',
  'bad-input': 'command-refused',
  'bad-transition': 'command-refused',
  io: 'store-io'
}

export function failureReason(error: unknown, channel: string): IpcFailureReason {
  if (error instanceof NotSignedInError) return 'not-signed-in'
  if (error instanceof ServerUrlError) return 'server-url-invalid'
  if (error instanceof ProfileInUseError) return 'profile-in-use'
  if (error instanceof StoreError) return STORE_REASONS[error.code] ?? 'store-io'
  if (error instanceof ProtocolError) {
    if (error.code === 'network' || error.code === 'aborted') return 'network'
    if (error.code === 'timeout') return 'timeout'
    return 'server'
  }
  if (channel === 'conversation:export') {
    return error instanceof Error && /^no stored history/.test(error.message) ? 'export-no-history' : 'export-failed'
  }
  if (error instanceof PopOutRefusedError) return error.why === 'window-limit' ? 'window-limit' : 'command-refused'
  if (error instanceof EngineCommandError) return 'command-refused'
  if (error instanceof v.ValiError) return channel === 'settings:update' ? 'settings-invalid' : 'command-refused'
  return 'unknown'
}
