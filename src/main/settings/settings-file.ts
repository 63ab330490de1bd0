/**
 * What is found where settings.json should be, checked before electron-store opens it. electron-store
 * overwrote a file that is not JSON with defaults (the person's settings gone without a copy), threw at
 * start on a folder in its place, and kept deeply nested values that then broke every later write (the
 * whole file is re-serialised on each change). Anything unusable is moved aside, never deleted, and
 * said: the app then starts from defaults. Electron-free; settings-store.ts runs it.
 */
import { lstatSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'

export const SETTINGS_FILE = 'settings.json'
/** Deeper than this is no settings file of ours (ours are 2 levels deep). */
export const MAX_SETTINGS_DEPTH = 32
/** Larger than this is no settings file of ours either (ours are well under 4 KB). */
export const MAX_SETTINGS_BYTES = 1024 * 1024

export type UnusableReason = 'folder' | 'unreadable' | 'not-json' | 'not-an-object' | 'too-deep' | 'too-large'

export interface PreflightResult {
  /** Where an unusable file (or folder) was moved, null when the file was fine or absent. */
  movedTo: string | null
  reason: UnusableReason | null
}

/** True when `value` nests deeper than `max` objects/arrays (iterative: a deep value cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth >= max) return true
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return false
}

function problemOf(path: string): UnusableReason | null {
  let stat
  try {
    stat = lstatSync(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    return 'unreadable'
  }
  if (!stat.isFile()) return 'folder'
  if (stat.size > MAX_SETTINGS_BYTES) return 'too-large'
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return 'unreadable'
  }
  // electron-store's own first run writes nothing; an empty file is as good as none.
  if (text.trim() === '') return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return 'not-json'
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not-an-object'
  return nestsDeeperThan(data, MAX_SETTINGS_DEPTH) ? 'too-deep' : null
}

/** Moves an unusable settings file in `dir` aside (as settings.json.unreadable-<time>); reports what it did. */
export function preflightSettingsFile(dir: string, now = Date.now()): PreflightResult {
  const path = join(dir, SETTINGS_FILE)
  const reason = problemOf(path)
  if (reason === null) return { movedTo: null, reason: null }
  const movedTo = `${path}.unreadable-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  renameSync(path, movedTo)
  return { movedTo, reason }
}
