/**
 * Owner-only files and directories. Chat history is private: nothing the store writes may be readable
 * by other local users, whatever the umask says (mkdir/open modes are masked by umask, so chmod after).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and parents) if needed and makes `dir` itself 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  chmodSync(dir, PRIVATE_DIR_MODE)
}

/** Creates `path` if missing (without truncating it) and makes it 0600. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
  chmodSync(path, PRIVATE_FILE_MODE)
}

/** SQLite creates these next to the database with the umask's mode; tighten them when present. */
export function tightenSqliteSidecars(dbPath: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const p = dbPath + suffix
    if (existsSync(p)) chmodSync(p, PRIVATE_FILE_MODE)
  }
}
