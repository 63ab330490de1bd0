/**
 * What the engine needs from its surroundings besides the protocol client and the store,
 * injected by the Electron shell or the headless CLI.
 */
import type { SavedSession } from '../protocol/types'

/**
 * Where remembered sessions live. In the app: Electron safeStorage (written by the shell);
 * headless: an owner-only file in the profile folder (file-secret-store.ts).
 * `account` is the QQ number; `load()` without one returns the most recently saved session.
 */
export interface SecretStore {
  load(account?: number): Promise<SavedSession | null>
  save(account: number, session: SavedSession): Promise<void>
  clear(account?: number): Promise<void>
}
