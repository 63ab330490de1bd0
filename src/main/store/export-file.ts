/**
 * Writing an export file without ever damaging anything else. An export target is a path someone typed
 * (headless `export`) or picked (the save dialog), so it may name the live database, a remembered
 * session, or a symlink to either. Opening it with 'w' used to truncate such a file before failing.
 *
 *  - The profile's own files are refused: by name inside the profile folder (after resolving symlinks in
 *    the folder path), and by identity (device + inode) anywhere, which also catches hard links.
 *  - An existing target that is a symlink (or not a regular file) is refused: we never write through one.
 *  - The data goes to a new temp file in the target folder, created with O_EXCL|O_NOFOLLOW (it cannot be
 *    a planted link), 0600, fsynced, then renamed over the target; a failure part-way leaves the target
 *    as it was and removes the temp file.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { StoreError } from './errors'
import { PRIVATE_FILE_MODE } from './private-files'

/**
 * Files a profile folder holds: account databases with their sidecars and moved-aside copies, remembered
 * sessions (session-<qq>.json, session-last.json), the headless QR image, and temp files of atomic writes.
 */
const PROFILE_FILE = /^(history-.+\.sqlite.*|session-.+\.json|qr\.png|.+\.tmp)$/

export function isProfileFileName(name: string): boolean {
  return PROFILE_FILE.test(name)
}

/** Streams `chunks` into `target` as described above; `profileDir` is the folder holding the store. */
export function writeExportFile(target: string, chunks: Iterable<string>, profileDir: string | null): void {
  const folder = realpathSync(dirname(target))
  const name = basename(target)
  const final = join(folder, name)
  refuseProfileFile(final, folder, name, profileDir)

  const tmp = join(folder, `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, PRIVATE_FILE_MODE)
  let renamed = false
  try {
    // The mode passed to open is masked by the umask: make it owner-only whatever the umask says.
    fchmodSync(fd, PRIVATE_FILE_MODE)
    for (const chunk of chunks) writeSync(fd, chunk)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, final)
    renamed = true
  } finally {
    if (!renamed) {
      try {
        closeSync(fd)
      } catch {
        // already closed
      }
      rmSync(tmp, { force: true })
    }
  }
}

function refuseProfileFile(final: string, folder: string, name: string, profileDir: string | null): void {
  const profile = profileDir === null ? null : realProfileDir(profileDir)
  if (profile !== null && folder === profile && isProfileFileName(name))
    throw new StoreError('bad-input', `refusing to export over ${name}: it is one of this profile's own files`)
  const existing = lstatOrNull(final)
  if (existing === null) return
  if (existing.isSymbolicLink()) throw new StoreError('bad-input', `refusing to export to ${final}: it is a symbolic link`)
  if (!existing.isFile()) throw new StoreError('bad-input', `refusing to export to ${final}: it is not a regular file`)
  if (profile !== null && profileFiles(profile).some((s) => s.dev === existing.dev && s.ino === existing.ino))
    throw new StoreError('bad-input', `refusing to export over ${final}: it is a link to one of this profile's own files`)
}

function realProfileDir(profileDir: string): string | null {
  try {
    return realpathSync(profileDir)
  } catch {
    return null
  }
}

function profileFiles(profile: string): Stats[] {
  const out: Stats[] = []
  for (const name of readdirSync(profile)) {
    if (!isProfileFileName(name)) continue
    try {
      out.push(statSync(join(profile, name)))
    } catch {
      // Gone in between: nothing to protect.
    }
  }
  return out
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}
