/**
 * One validator for a compatible server's address (issue 15 rows 6 and 12): the settings schema and
 * form, the protocol client and the shell session all refuse what cannot be used, and sign-in with a
 * bad saved address says so with a typed reason that has a sentence in both languages.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createFileSecretStore } from '../../../src/main/engine'
import { failureReason } from '../../../src/main/ipc/failure-reason'
import { createProtocolClient, ServerUrlError } from '../../../src/main/protocol'
import { createShellSession } from '../../../src/main/shell-session'
import en from '../../../src/renderer/src/i18n/en'
import zh from '../../../src/renderer/src/i18n/zh-CN'
import { checkServerUrl } from '../../../src/shared/server-url'
import { DEFAULT_SETTINGS, isValidServerUrl, parseStoredSettings, settingsPatchSchema } from '../../../src/shared/settings'

const BAD: Array<[string, string]> = [
  ['http://127.0.0.1:65536', 'port'],
  ['http://127.0.0.1:0', 'port'],
  ['http://127.0.0.1:99999999999/', 'port'],
  ['http://exa\u0000mple.com', 'control'],
  ['http://example.com/%00', 'control'],
  ['http://example.com/a%1Fb', 'control'],
  ['http://[/', 'invalid'],
  ['http://', 'invalid'],
  ['http://user:password@example.com', 'credentials'],
  ['http://user@example.com', 'credentials'],
  ['ftp://example.com', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  [`http://example.com/${'a'.repeat(600)}`, 'too-long']
]

describe('the server address validator', () => {
  it.each(BAD)('refuses %s (%s)', (url, problem) => {
    expect(checkServerUrl(url)).toEqual({ ok: false, problem })
    expect(isValidServerUrl(url)).toBe(false)
    expect(v.safeParse(settingsPatchSchema, { serverUrl: url }).success).toBe(false)
    expect(() => createProtocolClient({ serverUrl: url })).toThrow(ServerUrlError)
  })

  it.each(['http://127.0.0.1:8080', 'https://qq.example.com/smartqq/', 'http://[::1]:1', 'http://localhost:65535'])('accepts %s', (url) => {
    expect(checkServerUrl(url).ok).toBe(true)
    expect(v.safeParse(settingsPatchSchema, { serverUrl: url }).success).toBe(true)
  })

  it('never repeats the address in the error (it may hold a password)', () => {
    try {
      createProtocolClient({ serverUrl: 'http://me:hunter2@example.com' })
      expect.unreachable()
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/hunter2|me:/)
    }
  })
})

describe('sign-in with a bad saved address', () => {
  it('refuses with server-url-invalid instead of dying or silently using SmartQQ hosts, and says so in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qq-server-url-'))
    // A file written by an older, looser version: the URL reads back as unusable.
    const stored = parseStoredSettings({ ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl: 'http://127.0.0.1:65536' })
    expect(stored.invalid).toEqual(['serverUrl'])
    const session = createShellSession({
      settings: { get: () => stored.settings },
      userDataDir: dir,
      secrets: createFileSecretStore(join(dir, 'sessions')),
      emit: () => {}
    })
    const error = await session.start().then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ServerUrlError)
    expect(session.engine()).toBeNull()
    expect(failureReason(error, 'session:start')).toBe('server-url-invalid')
    expect(en.errors.failure['server-url-invalid']).toMatch(/compatible server cannot be used.*\.$/)
    expect(zh.errors.failure['server-url-invalid']).toMatch(/兼容服务器地址无法使用.*。$/)
    await session.stop()
  })
})
