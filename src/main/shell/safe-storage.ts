/**
 * Remembered sessions at rest, in the app: sealed with Electron's safeStorage (the OS keychain,
 * DPAPI, or libsecret/kwallet on Linux) inside the engine's owner-only session files.
 *
 * Policy where no keyring protects the key (Linux `basic_text`/`unknown` backends, or encryption
 * unavailable): sessions are NOT remembered, and the UI says so (AppInfo.secretStorage). Cookies
 * that can take over an account are never written where any local process could use them.
 */
import { safeStorage } from 'electron'
import { createFileSecretStore, type Sealer, type SecretStore } from '../engine'

export type SecretPolicy = 'encrypted' | 'no-keyring'

export function secretPolicy(platform: NodeJS.Platform = process.platform): SecretPolicy {
  if (!safeStorage.isEncryptionAvailable()) return 'no-keyring'
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend()
    if (backend === 'basic_text' || backend === 'unknown') return 'no-keyring'
  }
  return 'encrypted'
}

export const safeStorageSealer: Sealer = {
  seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
  unseal: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64'))
}

/** Remembers nothing: every start asks for a QR. */
const forgetfulStore: SecretStore = {
  load: async () => null,
  save: async () => {},
  clear: async () => {}
}

export function createAppSecretStore(
  dir: string,
  log: (message: string) => void,
  platform: NodeJS.Platform = process.platform
): { store: SecretStore; policy: SecretPolicy } {
  const policy = secretPolicy(platform)
  const store = policy === 'encrypted' ? createFileSecretStore(dir, log, safeStorageSealer) : forgetfulStore
  return { store, policy }
}
