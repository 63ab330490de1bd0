/**
 * Pressing Sign in against a server that is not there: the sign-in stops within 10 s and the
 * session snapshot says how it failed (the renderer turns that into a sentence), Retry starts a new
 * attempt, and a working server signs in as before. Real engine, real sockets on loopback.
 */
import { mkdtempSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { SIGN_IN_REACH_MS, createShellSession } from '../../../src/main/shell-session'
import { createFileSecretStore } from '../../../src/main/engine'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings'
import type { SessionSnapshot } from '../../../src/shared/ipc'
import { FAST_SIM } from '../engine/harness'

const cleanups: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups.length = 0
})

async function listen(server: Server): Promise<string> {
  const sockets = new Set<Socket>()
  server.on('connection', (s: Socket) => sockets.add(s))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => {
    for (const s of sockets) s.destroy()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function setup(serverUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), 'qq-sign-in-unreachable-'))
  let settings: Settings = { ...DEFAULT_SETTINGS, serverMode: 'custom', serverUrl }
  const session = createShellSession({
    settings: { get: () => settings },
    userDataDir: dir,
    secrets: createFileSecretStore(join(dir, 'sessions')),
    emit: () => {}
  })
  cleanups.push(() => session.stop())
  const until = async (test: (s: SessionSnapshot) => boolean, ms = 12_000): Promise<SessionSnapshot> => {
    const deadline = Date.now() + ms
    while (!test(session.snapshot())) {
      if (Date.now() > deadline) throw new Error(`timed out in ${JSON.stringify(session.snapshot())}`)
      await new Promise((r) => setTimeout(r, 20))
    }
    return session.snapshot()
  }
  const change = (patch: Partial<Settings>): void => {
    settings = { ...settings, ...patch }
    session.settingsChanged(settings)
  }
  return { session, until, change }
}

describe('sign-in against a server that cannot be reached', () => {
  it('says "refused" at once, starts again on Retry, and signs in once a working server is chosen', async () => {
    const refused = await listen(createTcpServer((socket) => socket.destroy()))
    const { session, until, change } = setup(refused)
    const started = Date.now()
    await session.start()
    const failed = await until((s) => s.unreachable != null)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(failed).toMatchObject({ state: 'signed-out', unreachable: { reason: 'refused', httpStatus: null, official: false } })
    // Retry: a new attempt (the failure is cleared while it runs), failing the same way.
    const retried = await session.start()
    expect(retried.unreachable).toBeNull()
    expect((await until((s) => s.unreachable != null)).unreachable?.reason).toBe('refused')
    // Another server: it works as before.
    const sim = await startSimulator(FAST_SIM)
    cleanups.push(() => sim.close())
    change({ serverUrl: sim.url })
    await until((s) => s.unreachable === null)
    await session.start()
    await until((s) => s.state === 'waiting' && s.qrDataUrl !== null)
  })

  it('says "timed out" within 10 s when the server accepts and never answers', async () => {
    const url = await listen(createTcpServer(() => {}))
    const { session, until } = setup(url)
    const started = Date.now()
    await session.start()
    const failed = await until((s) => s.unreachable != null)
    const took = Date.now() - started
    expect(failed.unreachable).toEqual({ reason: 'timeout', httpStatus: null, official: false })
    expect(took).toBeGreaterThanOrEqual(SIGN_IN_REACH_MS - 100)
    expect(took).toBeLessThan(10_000)
  })

  it('says "not a SmartQQ server" for a web page and gives the status of an error page', async () => {
    const page = await listen(createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>')))
    const one = setup(page)
    await one.session.start()
    expect((await one.until((s) => s.unreachable != null)).unreachable).toEqual({ reason: 'not-smartqq', httpStatus: null, official: false })
    const error = await listen(createHttpServer((_req, res) => res.writeHead(404).end('<h1>Not Found</h1>')))
    const two = setup(error)
    await two.session.start()
    expect((await two.until((s) => s.unreachable != null)).unreachable).toEqual({ reason: 'http-status', httpStatus: 404, official: false })
  })
})
