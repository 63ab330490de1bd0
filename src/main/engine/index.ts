/** The session engine's public surface (see types.ts for every DTO and event payload). */
export { createEngine, type Engine, type EngineOptions, type HistoryQuery } from './engine'
export type { SecretStore } from './ports'
export { createFileSecretStore, type Sealer } from './file-secret-store'
export { systemClock, type Clock } from './clock'
export { acquireProfileLock, ProfileInUseError, type ProfileLock } from './profile-lock'
export * from './types'
