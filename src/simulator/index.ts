/**
 * The SmartQQ protocol simulator: offline demo server, test oracle, and the proof the client would
 * have worked against the real service in 2015-2018. Start it in-process with startSimulator().
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Actions } from './actions'
import { SimCore } from './core'
import { resolveOptions } from './options'
import type { RefusalLogView } from './refusals'
import { createRequestListener } from './router'
import { startScenario } from './scenarios'
import { renameGroup } from './group-rename'
import type { AccountView, Fault, PushMessage, SentRecord, SimState, SimulatorOptions } from './types'

export type * from './types'
export type { Refusal, RefusalLogView } from './refusals'
export { ERAS, ERA_PRESETS, type EraBehaviour } from './eras'
export { hash33, contactHash, time33 } from './protocol-hashes'
export { KICK_REASON } from './events'

export interface Simulator {
  readonly url: string
  /** Stops the server; held polls are ended (connection closed). */
  close(): Promise<void>
  /** The phone scans the current QR; confirm:false = scanned but not yet allowed. */
  scan(opts?: { confirm?: boolean }): void
  expireQr(): void
  pushMessage(p: PushMessage): void
  pushStatus(qq: number, status: string): void
  burst(count: number): void
  injectFault(f: Fault): void
  kick(): void
  expireSession(): void
  sent(): SentRecord[]
  state(): SimState
  /** The refusal log (also GET /__sim/refusals): why requests were refused, oldest first. */
  refusals(): RefusalLogView
  account(opts?: { members?: boolean }): AccountView
  /** Renames a group (by its number) as its owner would; the next group list carries the new name. */
  renameGroup(number: number, name: string): void
  /**
   * An outage: stops listening (connections are refused, held polls are cut) while every session,
   * QR and message stays as it was. `resume()` listens on the same port again.
   */
  suspend(): Promise<void>
  resume(): Promise<void>
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const opts = resolveOptions(options)
  const core = new SimCore(opts)
  const actions = new Actions(core)
  const server = createServer(createRequestListener(core, actions))
  const listen = (port: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, opts.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  const unlisten = async (): Promise<void> => {
    core.hub.closeAll()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  await listen(opts.port)
  const { port } = server.address() as AddressInfo
  let suspended = false
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  core.baseUrl = `http://${host}:${port}`
  const stopScenario = startScenario(core, {
    push: (p) => actions.push(p),
    status: (qq, s) => actions.pushStatus(qq, s),
    burst: (n) => actions.burst(n),
    active: () => core.registry.current() !== null
  })
  return {
    url: core.baseUrl,
    close: async () => {
      stopScenario()
      if (suspended) return
      suspended = true
      await unlisten()
    },
    suspend: async () => {
      if (suspended) return
      suspended = true
      await unlisten()
    },
    resume: async () => {
      if (!suspended) return
      await listen(port)
      suspended = false
    },
    scan: (o) => actions.scan(o?.confirm ?? true),
    expireQr: () => actions.expireQr(),
    pushMessage: (p) => actions.push(p),
    pushStatus: (qq, s) => actions.pushStatus(qq, s),
    burst: (n) => actions.burst(n),
    injectFault: (f) => actions.injectFault(f),
    kick: () => actions.kick(),
    expireSession: () => actions.expireSession(),
    sent: () => actions.sent(),
    state: () => actions.state(),
    refusals: () => actions.refusals(),
    account: (o) => actions.account(o),
    renameGroup: (number, name) => renameGroup(core, number, name)
  }
}
