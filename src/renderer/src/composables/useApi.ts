/**
 * The renderer's single door to main. Stores call `call(...)`, which unwraps the IPC result
 * envelope into a value or a typed ApiError, so components never see raw envelopes.
 */
import type { Api } from '../../../preload/api'
import type { IpcError, IpcResult } from '../../../shared/ipc'

export class ApiError extends Error {
  readonly code: IpcError['code']
  /** Why a handler failed (code 'failed'); lib/error-text.ts turns it into a sentence. */
  readonly reason: IpcError['reason']
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.reason = error.reason
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error)
}

export function useApi(): Api {
  if (!window.api) throw new Error('window.api is missing: the preload did not run')
  return window.api
}
