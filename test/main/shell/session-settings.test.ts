import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRememberedTracker, gatedSecrets, serverUrlFor } from '../../../src/main/session-settings'
import { rememberedAccountFile } from '../../../src/main/settings/remembered-account'
import type { SecretStore } from '../../../src/main/engine'
import type { SavedSession } from '../../../src/main/protocol'

function memorySecrets() {
  const saved = new Map<number, SavedSession>()
  let last: number | null = null
  const store: SecretStore = {
    load: async (account) => saved.get(account ?? last ?? -1) ?? null,
    save: async (account, session) => {
      saved.set(account, session)
      last = account
    },
    clear: async (account) => void saved.delete(account ?? last ?? -1)
  }
  return { store, saved }
}
const SESSION = { credentials: { uin: 10001 }, cookies: {}, savedAt: 1 } as unknown as SavedSession

describe('session settings', () => {
  it('picks the server from serverMode (the running demo server wins)', () => {
    expect(serverUrlFor({ serverMode: 'smartqq', serverUrl: 'http://x.test' }, null)).toBeNull()
    expect(serverUrlFor({ serverMode: 'custom', serverUrl: 'http://x.test' }, null)).toBe('http://x.test')
    expect(serverUrlFor({ serverMode: 'custom', serverUrl: '' }, null)).toBeNull()
    expect(serverUrlFor({ serverMode: 'demo', serverUrl: '' }, 'http://127.0.0.1:5')).toBe('http://127.0.0.1:5')
  })

  it('saves and resumes nothing while rememberSession is off', async () => {
    const { store, saved } = memorySecrets()
    let remember = false
    const gated = gatedSecrets(store, () => ({ rememberSession: remember }))
    await gated.save(10001, SESSION)
    expect(saved.size).toBe(0)
    remember = true
    await gated.save(10001, SESSION)
    expect(await gated.load(10001)).toBe(SESSION)
    remember = false
    expect(await gated.load(10001)).toBeNull()
  })

  it('remembers who signed in (no secrets, 0600), forgets on logout/kick/expiry and when switched off', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qq-remember-')), 'accounts')
    const { store, saved } = memorySecrets()
    let remember = true
    const tracker = createRememberedTracker(rememberedAccountFile(dir), store, () => ({ rememberSession: remember }))
    expect(tracker.current()).toBeNull()
    tracker.signedIn({ uin: 10001, nick: '小明' })
    await store.save(10001, SESSION)
    const path = join(dir, 'remembered-account.json')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ uin: 10001, nick: '小明' })
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
    // A new start reads it back, and it is verified against the secret store.
    const again = createRememberedTracker(rememberedAccountFile(dir), store, () => ({ rememberSession: remember }))
    expect(again.current()).toEqual({ uin: 10001, nick: '小明' })
    expect(await again.verify()).toBe(true)
    expect(again.stateReason('relink')).toBe(false)
    expect(again.stateReason('kicked')).toBe(true)
    expect(again.current()).toBeNull()

    tracker.signedIn({ uin: 10001, nick: '小明' })
    remember = false
    await tracker.forget()
    expect(tracker.current()).toBeNull()
    expect(saved.size).toBe(0)
    expect(createRememberedTracker(rememberedAccountFile(dir), store, () => ({ rememberSession: true })).current()).toBeNull()
  })

  it('drops a hint whose session is gone, and ignores a damaged hint file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qq-remember-'))
    const { store } = memorySecrets()
    writeFileSync(join(dir, 'remembered-account.json'), JSON.stringify({ uin: 5, nick: 'x' }))
    const tracker = createRememberedTracker(rememberedAccountFile(dir), store, () => ({ rememberSession: true }))
    expect(await tracker.verify()).toBe(false)
    expect(tracker.current()).toBeNull()
    writeFileSync(join(dir, 'remembered-account.json'), '{"uin": "drop table"}')
    expect(rememberedAccountFile(dir).read()).toBeNull()
  })
})
