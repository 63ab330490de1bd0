/** The per-account history + outbox store (main process only). */
export { accountDbPath, openAccountStore, openStoreFile } from './open'
export { ensurePrivateDir } from './private-files'
export { StoreError, type StoreErrorCode } from './errors'
export { INTERRUPTED_REASON } from './outbox'
export type * from './types'
