/**
 * The headless SecretStore: remembered sessions as owner-only JSON files in the profile folder
 * (`session-<account>.json`, 0600, folder 0700), plus `session-last.json` naming the last account.
 * There is no OS keychain headless, so file permissions are the protection (as with ssh keys).
 * Files are written to a temp name and renamed, so a crash never leaves half a session; a file that
 * fails validation is treated as absent (the user scans a QR) and logged.
 *
 * The app passes a `Sealer` (Electron safeStorage): the session JSON is then stored sealed as
 * `{"sealed":"<base64>"}` and a file that cannot be unsealed (another machine's keychain) is absent.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as v from 'valibot'
import type { SavedSession } from '../protocol/types'
import { writePrivateFileAtomically } from '../store/private-files'
import type { SecretStore } from './ports'

const SavedSessionSchema = v.object({
  credentials: v.object({ ptwebqq: v.string(), vfwebqq: v.string(), psessionid: v.string(), uin: v.number() }),
  cookies: v.unknown(),
  savedAt: v.number()
})
const LastSchema = v.object({ account: v.number() })
const SealedSchema = v.object({ sealed: v.string() })

/** Encrypts the session text at rest (the app's safeStorage); headless stores it plain, 0600. */
export interface Sealer {
  seal(plain: string): string
  unseal(sealed: string): string
}

async function readJson(path: string, log: (m: string) => void): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return null
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    log(`${path} is not JSON (${String(e)}); ignoring it`)
    return null
  }
}

function unsealed(raw: unknown, sealer: Sealer | undefined, path: string, log: (m: string) => void): unknown {
  if (!sealer) return raw
  const r = v.safeParse(SealedSchema, raw)
  if (!r.success) {
    log(`${path} is not sealed; ignoring it`)
    return null
  }
  try {
    return JSON.parse(sealer.unseal(r.output.sealed))
  } catch (e) {
    log(`${path} cannot be unsealed (${String(e)}); ignoring it`)
    return null
  }
}

export function createFileSecretStore(dir: string, log: (message: string) => void = () => {}, sealer?: Sealer): SecretStore {
  const sessionPath = (account: number): string => join(dir, `session-${account}.json`)
  const lastPath = join(dir, 'session-last.json')
  const ensureDir = async (): Promise<void> => {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await chmod(dir, 0o700)
  }
  const lastAccount = async (): Promise<number | null> => {
    const r = v.safeParse(LastSchema, await readJson(lastPath, log))
    return r.success ? r.output.account : null
  }

  return {
    async load(account) {
      const which = account ?? (await lastAccount())
      if (which === null) return null
      const raw = unsealed(await readJson(sessionPath(which), log), sealer, sessionPath(which), log)
      if (raw === null) return null
      const r = v.safeParse(SavedSessionSchema, raw)
      if (!r.success) {
        log(`${sessionPath(which)} is not a saved session (${r.issues[0].message}); ignoring it`)
        return null
      }
      return r.output as SavedSession
    },
    async save(account, session) {
      await ensureDir()
      const text = JSON.stringify(session)
      await writePrivateFileAtomically(sessionPath(account), sealer ? JSON.stringify({ sealed: sealer.seal(text) }) : text)
      await writePrivateFileAtomically(lastPath, JSON.stringify({ account }))
    },
    async clear(account) {
      const which = account ?? (await lastAccount())
      if (which !== null) await rm(sessionPath(which), { force: true })
    }
  }
}
