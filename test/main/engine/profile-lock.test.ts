/**
 * One process per profile (issue 15 row 9): a lock file with the owner's pid, refused while that
 * process runs, taken over when it is dead; the app's session refuses to sign in on a folder a
 * headless client holds, with a typed reason that has a sentence in both languages.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireProfileLock, createFileSecretStore, ProfileInUseError } from '../../../src/main/engine'
import { LOCK_FILE } from '../../../src/main/engine/profile-lock'
import { failureReason } from '../../../src/main/ipc/failure-reason'
import { createShellSession } from '../../../src/main/shell-session'
import en from '../../../src/renderer/src/i18n/en'
import zh from '../../../src/renderer/src/i18n/zh-CN'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'

const dir = (): string => mkdtempSync(join(tmpdir(), 'qq-lock-'))

/** The pid of a process that has certainly ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  const pid = child.pid!
  await new Promise((resolve) => child.once('exit', resolve))
  return pid
}

describe('profile lock', () => {
  it('holds the folder with our pid, refuses a second holder, and frees it on release', () => {
    const d = dir()
    const lock = acquireProfileLock(d)
    expect(readFileSync(join(d, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
    expect(() => acquireProfileLock(d)).toThrow(new ProfileInUseError(process.pid, d))
    expect(() => acquireProfileLock(d)).toThrow(`profile in use by process ${process.pid}`)
    lock.release()
    expect(existsSync(join(d, LOCK_FILE))).toBe(false)
    acquireProfileLock(d).release()
  })

  it('takes over a stale lock (its process is dead) and an unreadable one', async () => {
    const d = dir()
    writeFileSync(join(d, LOCK_FILE), `${await deadPid()}\n`)
    const lock = acquireProfileLock(d)
    expect(readFileSync(join(d, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid))
    lock.release()
    writeFileSync(join(d, LOCK_FILE), 'not a pid')
    acquireProfileLock(d).release()
  })

  it('the app does not sign in on a folder another process holds, and says why', async () => {
    const userData = dir()
    mkdirSync(join(userData, 'accounts'))
    // A running process that is not us: our parent.
    const other = acquireProfileLock(join(userData, 'accounts'), process.ppid)
    const session = createShellSession({
      settings: { get: () => ({ ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl: 'http://127.0.0.1:1' }) },
      userDataDir: userData,
      secrets: createFileSecretStore(join(userData, 'sessions')),
      emit: () => {}
    })
    const error = await session.start().then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toEqual(new ProfileInUseError(process.ppid, join(userData, 'accounts')))
    expect(failureReason(error, 'session:start')).toBe('profile-in-use')
    expect(en.errors.failure['profile-in-use']).toMatch(/^Another program is using this profile.*\.$/)
    expect(zh.errors.failure['profile-in-use']).toMatch(/^另一个程序正在使用这个配置文件夹.*。$/)
    other.release()
    await session.stop()
  })
})
