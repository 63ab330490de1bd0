/**
 * Who the remembered session belongs to (QQ number and nick), so the login view can say "signing
 * in as 小明" and offer one-click sign-in before the engine has read the encrypted session. Holds
 * NO secret: the cookies and tokens stay in the secret store. Electron-free; a damaged file just
 * means "nobody remembered".
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../store/private-files'

const accountSchema = v.strictObject({
  uin: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  nick: v.pipe(v.string(), v.maxLength(256))
})
export type RememberedAccount = v.InferOutput<typeof accountSchema>

export interface RememberedAccountFile {
  read(): RememberedAccount | null
  write(account: RememberedAccount): void
  clear(): void
}

export function rememberedAccountFile(dir: string): RememberedAccountFile {
  const path = join(dir, 'remembered-account.json')
  return {
    read() {
      try {
        const parsed = v.safeParse(accountSchema, JSON.parse(readFileSync(path, 'utf8')))
        return parsed.success ? parsed.output : null
      } catch {
        return null
      }
    },
    write(account) {
      ensurePrivateDir(dir)
      writeFileSync(path, JSON.stringify(v.parse(accountSchema, account)), { mode: PRIVATE_FILE_MODE })
    },
    clear() {
      rmSync(path, { force: true })
    }
  }
}
