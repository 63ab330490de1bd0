/**
 * One process per profile folder. Two engines on one profile (two headless processes, or the app and
 * a headless process on the app's folder) fight over the remembered session and the history: the first
 * was told its session `expired` when the second signed in with it. The lock is a file holding the
 * owner's pid, created exclusively; a lock whose pid is no longer running (a crash, kill -9) is stale
 * and taken over. Electron-free: the app (shell-session.ts) and headless (run.ts) both use it.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'profile.lock'

export class ProfileInUseError extends Error {
  constructor(
    readonly pid: number,
    readonly dir: string
  ) {
    super(`profile in use by process ${pid}`)
    this.name = 'ProfileInUseError'
  }
}

export interface ProfileLock {
  readonly path: string
  /** False when the folder cannot be written (read-only): no lock file could be made, nothing is held. */
  readonly held: boolean
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Takes the lock of profile folder `dir` (which must exist) or throws ProfileInUseError. */
export function acquireProfileLock(dir: string, pid = process.pid): ProfileLock {
  const path = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o600)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      // A read-only folder: no lock can be made there, and nothing can be saved there either (the engine
      // runs on in memory and says so); refusing to start would only hide the QR.
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { path, held: false, release: () => {} }
      if (code !== 'EEXIST') throw e
      const owner = ownerOf(path)
      // A live owner (ourselves included: a second engine in this process) keeps it.
      if (owner !== null && isRunning(owner)) throw new ProfileInUseError(owner, dir)
      // Stale (dead owner) or unreadable (a crash between create and write): moved away, then retried,
      // so two processes finding the same stale lock cannot both end up holding a new one.
      try {
        renameSync(path, `${path}.stale-${pid}`)
        rmSync(`${path}.stale-${pid}`, { force: true })
      } catch {
        // Someone else moved it first: try again.
      }
      continue
    }
    try {
      writeSync(fd, `${pid}\n`)
    } finally {
      closeSync(fd)
    }
    let released = false
    const release = (): void => {
      if (released) return
      released = true
      process.off('exit', release)
      if (ownerOf(path) === pid) rmSync(path, { force: true })
    }
    // A process that ends without releasing (an uncaught error) still leaves no lock behind.
    process.on('exit', release)
    return { path, held: true, release }
  }
  throw new ProfileInUseError(ownerOf(path) ?? 0, dir)
}
