/**
 * Settings reaching the session: a server change applies at once while nobody is signed in, and at
 * the next sign-in (after signing out) while someone is; rememberSession off forgets the account.
 * Real engine against the simulator on loopback.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { createShellSession } from '../../../src/main/shell-session'
import { createFileSecretStore } from '../../../src/main/engine'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings'
import type { SessionSnapshot } from '../../../src/shared/ipc'
import { FAST_SIM } from '../engine/harness'

const cleanups: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups.length = 0
})

async function setup() {
  const sim = await startSimulator(FAST_SIM)
  const dir = mkdtempSync(join(tmpdir(), 'qq-shell-session-'))
  let settings: Settings = { ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl: sim.url }
  const snapshots: SessionSnapshot[] = []
  const session = createShellSession({
    settings: { get: () => settings },
    userDataDir: dir,
    secrets: createFileSecretStore(join(dir, 'sessions')),
    emit: (channel, payload) => {
      if (channel === 'session:changed') snapshots.push(payload as SessionSnapshot)
    }
  })
  cleanups.push(
    () => sim.close(),
    () => session.stop()
  )
  const change = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch }
    session.settingsChanged(settings)
  }
  const until = async (test: (s: SessionSnapshot) => boolean) => {
    const deadline = Date.now() + 10_000
    while (!test(session.snapshot())) {
      if (Date.now() > deadline) throw new Error(`timed out in state ${session.snapshot().state}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return { sim, session, change, until, snapshots }
}

describe('shell session and settings', () => {
  it('applies a server change at once while nobody is signed in', async () => {
    const { session, change, until } = await setup()
    await session.start()
    await until((s) => s.state === 'waiting')
    const first = session.engine()
    change({ sendIntervalMs: 2000 })
    expect(session.engine()).toBe(first)
    change({ serverUrl: 'http://127.0.0.1:9' })
    await until((s) => s.state === 'signed-out')
    expect(session.engine()).toBeNull()
  })

  it('keeps the session when the server changes while signed in, and switches at the next sign-in', async () => {
    const { sim, session, change, until } = await setup()
    await session.start()
    await until((s) => s.state === 'waiting')
    sim.scan({ confirm: true })
    await until((s) => s.state === 'online')
    expect(session.snapshot().remembered).toEqual({ uin: expect.any(Number), nick: expect.any(String) })
    change({ serverMode: 'smartqq' })
    expect(session.engine()?.state).toBe('online')
    await session.logout()
    expect(session.engine()).toBeNull()
    expect(session.snapshot()).toMatchObject({ state: 'signed-out', remembered: null })
  })

  it('forgets the remembered account when rememberSession is switched off', async () => {
    const { sim, session, change, until } = await setup()
    await session.start()
    await until((s) => s.state === 'waiting')
    sim.scan({ confirm: true })
    await until((s) => s.state === 'online' && s.remembered !== null && s.remembered !== undefined)
    change({ rememberSession: false })
    expect(session.snapshot().remembered).toBeNull()
    expect(session.engine()?.state).toBe('online')
  })
})
