/**
 * Owner-only files and directories. Chat history is private: nothing the store writes may be readable
 * by other local users, whatever the umask says (mkdir/open modes are masked by umask, so chmod after).
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { chmod, rename, rm, writeFile } from 'node:fs/promises'

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

/**
 * Replaces `path` with `data` atomically, owner-only: a temp file next to it, then rename, so a reader or
 * a crash never sees half a file. The temp name is unique per write (not per process): two saves in
 * quick succession (a relink saving the session twice) used to share `<path>.<pid>.tmp`, and the second
 * rename failed with ENOENT once the first had moved it. A failed write leaves no temp file behind.
 */
export async function writePrivateFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}-${randomUUID()}.tmp`
  try {
    // 'wx': never reuse (or follow a link planted at) an existing name.
    await writeFile(tmp, data, { mode: PRIVATE_FILE_MODE, flag: 'wx' })
    await chmod(tmp, PRIVATE_FILE_MODE)
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}
