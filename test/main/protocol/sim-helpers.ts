/** Shared set-up for the protocol-vs-simulator integration tests (real loopback HTTP). */
import { expect } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { createProtocolClient, ProtocolError, type ProtocolClient, type ProtocolClientOptions } from '../../../src/main/protocol'
import type { SimulatorOptions } from '../../../src/simulator/types'

/** Every era the simulator offers: the client must pass in each. */
export { ERAS } from '../../../src/simulator'

export type Sim = Awaited<ReturnType<typeof startSimulator>>

export async function simulator(opts: SimulatorOptions = {}): Promise<Sim> {
  return await startSimulator({ pollHoldMs: 150, sendIntervalMs: 0, seed: 7, ...opts })
}

export function clientFor(sim: Sim, opts: ProtocolClientOptions = {}): ProtocolClient {
  return createProtocolClient({ serverUrl: sim.url, pollTimeoutMs: 5_000, retry: { limit: 2, backoffLimitMs: 5 }, ...opts })
}

/** The whole QR login as a user does it: waiting, scanned, confirmed, then the web2 steps. */
export async function login(sim: Sim, client: ProtocolClient): Promise<void> {
  await client.prepareLogin()
  await client.fetchQrCode()
  expect(await client.pollQrState()).toEqual({ state: 'waiting' })
  sim.scan({ confirm: false })
  expect(await client.pollQrState()).toEqual({ state: 'scanned' })
  sim.scan()
  const qr = await client.pollQrState()
  if (qr.state !== 'confirmed') throw new Error(`expected confirmed, got ${qr.state}`)
  await client.completeLogin(qr.checkSigUrl)
}

export async function loggedIn(opts: SimulatorOptions = {}): Promise<{ sim: Sim; client: ProtocolClient }> {
  const sim = await simulator(opts)
  const client = clientFor(sim)
  await login(sim, client)
  return { sim, client }
}

/** The ProtocolError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function protocolError(p: Promise<unknown>): Promise<ProtocolError> {
  const e = await p.then(
    (v) => {
      throw new Error(`expected a ProtocolError, got ${JSON.stringify(v)}`)
    },
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(ProtocolError)
  return e as ProtocolError
}
