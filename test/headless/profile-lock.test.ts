/** Two headless processes on one profile (issue 15 row 9): the second exits 3 saying who holds it. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildHeadless } from './build-headless'

async function until(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('headless profile lock', () => {
  it('refuses a second process with exit 3 and "profile in use by process N", and takes over after a crash', async () => {
    const script = await buildHeadless()
    const profile = mkdtempSync(join(tmpdir(), 'qq-headless-lock-'))
    const lock = join(profile, 'profile.lock')
    // Port 1 refuses at once: the first process keeps retrying and holds the profile meanwhile.
    const args = [script, '--profile', profile, '--server', 'http://127.0.0.1:1']
    const first = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const exited = new Promise((resolve) => first.once('exit', resolve))
    try {
      await until('the first process to hold the profile', () => existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(first.pid))
      const second = spawnSync(process.execPath, args, { encoding: 'utf8', input: '' })
      expect(second.status).toBe(3)
      const line = JSON.parse(second.stdout.trim()) as Record<string, unknown>
      expect(line).toEqual({ type: 'error', code: 'profile-in-use', pid: first.pid, message: `profile in use by process ${first.pid}` })
      expect(second.stderr).toContain(`in use by process ${first.pid}`)
    } finally {
      first.kill('SIGKILL')
      await exited
    }
    // Killed: its lock is stale, and the next process runs (and ends at the end of its stdin).
    expect(existsSync(lock)).toBe(true)
    const third = spawnSync(process.execPath, args, { encoding: 'utf8', input: '' })
    expect(third.status).toBe(0)
    expect(existsSync(lock)).toBe(false)
  })
})
