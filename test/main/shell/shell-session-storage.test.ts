/**
 * The app's side of the storage health: the engine's `storage` event reaches the renderer as
 * storage:changed and stays in the session snapshot (for windows opened later). Real engine against the
 * simulator on loopback, with a folder where the account's history file should be.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { createShellSession } from '../../../src/main/shell-session'
import { createFileSecretStore } from '../../../src/main/engine'
import { DEFAULT_SETTINGS } from '../../../src/shared/settings'
import type { StorageStatusDto } from '../../../src/shared/messenger'
import { FAST_SIM } from '../engine/harness'

const cleanups: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups.length = 0
})

describe('shell session storage', () => {
  it('forwards a storage problem to the renderer and keeps it in the snapshot', async () => {
    const sim = await startSimulator(FAST_SIM)
    const dir = mkdtempSync(join(tmpdir(), 'qq-shell-storage-'))
    const file = join(dir, 'accounts', `history-${sim.account().self.qq}.sqlite`)
    mkdirSync(file, { recursive: true })
    const pushed: StorageStatusDto[] = []
    const session = createShellSession({
      settings: { get: () => ({ ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl: sim.url }) },
      userDataDir: dir,
      secrets: createFileSecretStore(join(dir, 'sessions')),
      emit: (channel, payload) => {
        if (channel === 'storage:changed') pushed.push(payload as StorageStatusDto)
      }
    })
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => sim.close(),
      () => session.stop()
    )
    await session.start()
    const deadline = Date.now() + 10_000
    while (session.snapshot().state !== 'online') {
      if (session.snapshot().state === 'waiting' && session.snapshot().qrDataUrl) sim.scan({ confirm: true })
      if (Date.now() > deadline) throw new Error(`timed out in state ${session.snapshot().state}`)
      await new Promise((r) => setTimeout(r, 30))
    }
    expect(pushed).toEqual([expect.objectContaining({ ok: false, reason: 'unavailable', path: file })])
    expect(session.snapshot().storage).toMatchObject({ ok: false, reason: 'unavailable', path: file })
  })
})
