/**
 * The built-in demo: SmartQQ is gone, so the app can start the protocol simulator in-process on
 * loopback and log in against it. The client still talks to it over real HTTP like to any server;
 * this file only starts it and plays the phone (scan + confirm). It is the one main-process file
 * allowed to import the simulator (lint rule), and only to run it, never to borrow its logic.
 */
import { startSimulator, type Simulator } from '../../simulator'

export interface DemoServer {
  url(): string | null
  /** The running simulator, for tests that push messages or read what was sent. */
  simulator(): Simulator | null
  start(): Promise<string>
  /** The phone scans and confirms the QR shown now. */
  scan(): boolean
  stop(): Promise<void>
}

export function createDemoServer(): DemoServer {
  let simulator: Simulator | null = null
  let starting: Promise<Simulator> | null = null
  return {
    url: () => simulator?.url ?? null,
    simulator: () => simulator,
    async start() {
      starting ??= startSimulator({ era: '2018', scenario: 'lively', pollHoldMs: 30_000 })
      simulator = await starting
      return simulator.url
    },
    scan() {
      if (!simulator) return false
      simulator.scan({ confirm: true })
      return true
    },
    async stop() {
      await simulator?.close()
      simulator = null
      starting = null
    }
  }
}
