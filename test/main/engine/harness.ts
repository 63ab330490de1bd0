/**
 * Test harness: a simulator on loopback plus an engine wired like the headless mode (file secret
 * store, real SQLite store in a temp profile), with short timings so lifecycle paths run in seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createEngine, createFileSecretStore, type Engine, type EngineEvents, type EngineOptions } from '../../../src/main/engine'
import { createProtocolClient } from '../../../src/main/protocol'
import { openAccountStore } from '../../../src/main/store'
import { startSimulator } from '../../../src/simulator'

export type Sim = Awaited<ReturnType<typeof startSimulator>>
export type SimOptions = Parameters<typeof startSimulator>[0]

export const FAST_SIM: SimOptions = {
  pollHoldMs: 300,
  qrLifetimeMs: 60_000,
  sendIntervalMs: 0,
  seed: 7,
  account: { buddies: 6, groups: 2, discussions: 1, groupMembers: 8 }
}

export function tempProfile(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'qq-engine-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface Recorder {
  events: Array<{ [K in keyof EngineEvents]: { name: K; payload: EngineEvents[K] } }[keyof EngineEvents]>
  of<K extends keyof EngineEvents>(name: K): Array<EngineEvents[K]>
  /** Resolves with the first event (already seen since `from`, or future) matching. */
  next<K extends keyof EngineEvents>(name: K, match?: (p: EngineEvents[K]) => boolean, timeoutMs?: number, from?: number): Promise<EngineEvents[K]>
  mark(): number
}

export function record(engine: Engine): Recorder {
  const events: Recorder['events'] = []
  const waiters: Array<() => void> = []
  const names: Array<keyof EngineEvents> = ['state', 'qr', 'ready', 'message', 'outbox', 'presence', 'contacts', 'sender-resolved']
  for (const name of names)
    engine.on(name, (payload) => {
      events.push({ name, payload } as Recorder['events'][number])
      for (const w of [...waiters]) w()
    })
  const rec: Recorder = {
    events,
    of: (name) => events.filter((e) => e.name === name).map((e) => e.payload) as never,
    mark: () => events.length,
    next(name, match = () => true, timeoutMs = 8000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          for (let i = from; i < events.length; i++) {
            const e = events[i]!
            if (e.name === name && match(e.payload as never)) {
              resolve(e.payload as never)
              return true
            }
          }
          return false
        }
        if (check()) return
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1)
          reject(
            new Error(
              `timed out waiting for ${String(name)}; saw ${events.map((e) => e.name + (e.name === 'state' ? ':' + (e.payload as { state: string }).state : '')).join(' ')}`
            )
          )
        }, timeoutMs)
        const w = (): void => {
          if (check()) {
            clearTimeout(timer)
            waiters.splice(waiters.indexOf(w), 1)
          }
        }
        waiters.push(w)
      })
    }
  }
  return rec
}

export function makeEngine(sim: Sim, profile: string, extra: Partial<EngineOptions> = {}): Engine {
  return createEngine({
    client: createProtocolClient({ serverUrl: sim.url, pollTimeoutMs: 5000, requestTimeoutMs: 3000 }),
    secrets: createFileSecretStore(profile),
    openStore: (account) => openAccountStore(profile, String(account)),
    qrPollIntervalMs: 30,
    pollMinIntervalMs: 50,
    sendIntervalMs: 30,
    backoffMaxMs: 400,
    log: process.env.ENGINE_LOG ? (m) => process.stderr.write(`[engine] ${m}\n`) : undefined,
    ...extra
  })
}

/** QR login through the admin API: waits for the QR, scans and confirms, waits for ready. */
export async function loginByQr(sim: Sim, rec: Recorder, from = rec.mark()): Promise<EngineEvents['ready']> {
  await rec.next('qr', undefined, 8000, from)
  await sim.scan({ confirm: true })
  return rec.next('ready', undefined, 8000, from)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

export interface OnlineEngine {
  sim: Sim
  engine: Engine
  rec: Recorder
  profile: string
  ready: EngineEvents['ready']
}

/**
 * Per-file setup shared by the engine tests: cleanups run after each test in reverse order, and
 * `online()` gives a simulator, a temp profile and an engine already logged in by QR.
 */
export function useEngineSuite(): {
  defer(...cleanups: Array<() => Promise<unknown> | void>): void
  /** `simulator`: one the test started (and prepared) itself, closed with the rest; else one from `sim`. */
  online(options?: { sim?: SimOptions; simulator?: Sim; engine?: Partial<EngineOptions> }): Promise<OnlineEngine>
} {
  let cleanups: Array<() => Promise<unknown> | void> = []
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c()
    cleanups = []
  })
  const defer = (...more: Array<() => Promise<unknown> | void>): void => void cleanups.push(...more)
  return {
    defer,
    async online(options = {}) {
      const sim = options.simulator ?? (await startSimulator(options.sim ?? FAST_SIM))
      const p = tempProfile()
      const engine = makeEngine(sim, p.dir, options.engine)
      defer(
        p.cleanup,
        () => sim.close(),
        () => engine.stop()
      )
      const rec = record(engine)
      engine.start()
      const ready = await loginByQr(sim, rec)
      return { sim, engine, rec, profile: p.dir, ready }
    }
  }
}
