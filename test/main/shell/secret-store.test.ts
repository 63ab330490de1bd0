import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { SavedSession } from '../../../src/main/protocol/types'

const fake = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }))

vi.mock('electron', () => {
  // A stand-in keychain: "encryption" that is reversible only through this object.
  const safeStorage = {
    isEncryptionAvailable: () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).reverse().toString('base64')}`),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString()
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(Buffer.from(text.slice(7), 'base64').reverse()).toString()
    }
  }
  return { safeStorage, default: { safeStorage } }
})

const { createAppSecretStore, secretPolicy } = await import('../../../src/main/shell/safe-storage')

const session: SavedSession = {
  credentials: { ptwebqq: 'ptwebqq-secret-value', vfwebqq: 'vf', psessionid: 'ps', uin: 10001 },
  cookies: { cookies: [{ key: 'skey', value: '@skey-secret' }] },
  savedAt: 1
}

describe('remembered sessions in the app (safeStorage)', () => {
  it('chooses the policy from the keyring backend', () => {
    fake.available = true
    fake.backend = 'gnome_libsecret'
    expect(secretPolicy('linux')).toBe('encrypted')
    fake.backend = 'basic_text'
    expect(secretPolicy('linux')).toBe('no-keyring')
    fake.backend = 'unknown'
    expect(secretPolicy('linux')).toBe('no-keyring')
    expect(secretPolicy('darwin')).toBe('encrypted')
    fake.available = false
    expect(secretPolicy('win32')).toBe('no-keyring')
  })

  it('stores the session sealed, owner-only, and reads it back', async () => {
    fake.available = true
    fake.backend = 'kwallet5'
    const dir = join(mkdtempSync(join(tmpdir(), 'qq-secrets-')), 'sessions')
    const { store, policy } = createAppSecretStore(dir, () => {}, 'linux')
    expect(policy).toBe('encrypted')
    await store.save(10001, session)
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8')
      expect(text).not.toContain('ptwebqq-secret-value')
      expect(text).not.toContain('@skey-secret')
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600)
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(await store.load()).toEqual(session)
    expect(await store.load(10001)).toEqual(session)
  })

  it('treats a file it cannot unseal (another keychain, tampering) as no session', async () => {
    fake.available = true
    fake.backend = 'kwallet5'
    const dir = join(mkdtempSync(join(tmpdir(), 'qq-secrets-')), 'sessions')
    const logs: string[] = []
    const { store } = createAppSecretStore(dir, (m) => logs.push(m), 'linux')
    await store.save(10001, session)
    writeFileSync(join(dir, 'session-10001.json'), JSON.stringify({ sealed: Buffer.from('garbage').toString('base64') }))
    expect(await store.load(10001)).toBeNull()
    writeFileSync(join(dir, 'session-10001.json'), JSON.stringify(session))
    expect(await store.load(10001)).toBeNull()
    expect(logs.length).toBe(2)
  })

  it('remembers nothing where there is no keyring', async () => {
    fake.available = true
    fake.backend = 'basic_text'
    const dir = join(mkdtempSync(join(tmpdir(), 'qq-secrets-')), 'sessions')
    const { store, policy } = createAppSecretStore(dir, () => {}, 'linux')
    expect(policy).toBe('no-keyring')
    await store.save(10001, session)
    expect(await store.load(10001)).toBeNull()
    expect(() => readdirSync(dir)).toThrow()
  })
})
