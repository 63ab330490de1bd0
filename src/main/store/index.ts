/** The per-account history + outbox store (main process only). */
export { accountDbPath, openAccountStore, openMemoryStore, openStoreFile } from './open'
export { ensurePrivateDir } from './private-files'
export { StoreError, storageProblemOf, type StoreErrorCode } from './errors'
export { INTERRUPTED_REASON } from './outbox'
export type * from './types'
