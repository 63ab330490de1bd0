import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileSecretStore } from '../../../src/main/engine'
import type { SavedSession } from '../../../src/main/protocol/types'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function session(n: number): SavedSession {
  return { credentials: { ptwebqq: `p${n}`, vfwebqq: `v${n}`, psessionid: `s${n}`, uin: 42 }, cookies: [], savedAt: n } as SavedSession
}

describe('remembered session files', () => {
  it('saves in quick succession (a relink) never collide on a temp file; the last save wins whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qq-secrets-'))
    dirs.push(dir)
    const store = createFileSecretStore(dir)
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.save(42, session(i))))
    expect(readdirSync(dir).sort()).toEqual(['session-42.json', 'session-last.json'])
    const saved = JSON.parse(readFileSync(join(dir, 'session-42.json'), 'utf8')) as SavedSession
    expect(saved.credentials.uin).toBe(42)
    expect((await store.load(42))?.credentials.ptwebqq).toMatch(/^p[0-7]$/)
    await store.save(42, session(99))
    expect((await store.load())?.credentials.ptwebqq).toBe('p99')
  })
})
