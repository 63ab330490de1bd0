/** A spawned headless process with line-based access to its JSON stdout. */
import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, beforeAll } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, tempProfile, type Sim } from '../main/engine/harness'
import { buildHeadless } from './build-headless'

export interface HeadlessChild {
  proc: ChildProcess
  lines: Array<Record<string, unknown>>
  stderr(): string
  send(obj: unknown): void
  sendRaw(line: string): void
  next(match: (l: Record<string, unknown>) => boolean, timeoutMs?: number, from?: number): Promise<Record<string, unknown>>
  exit(): Promise<number | null>
}

export function spawnHeadless(script: string, args: string[]): HeadlessChild {
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  const lines: Array<Record<string, unknown>> = []
  const nonJson: string[] = []
  let err = ''
  let buf = ''
  const waiters = new Set<() => void>()
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk
    let i: number
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i)
      buf = buf.slice(i + 1)
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>)
      } catch {
        nonJson.push(line)
      }
    }
    for (const w of [...waiters]) w()
  })
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c))
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)))
  return {
    proc,
    lines,
    stderr: () => err + (nonJson.length ? `\nNON-JSON STDOUT: ${nonJson.join(' | ')}` : ''),
    send: (obj) => proc.stdin!.write(JSON.stringify(obj) + '\n'),
    sendRaw: (line) => proc.stdin!.write(line + '\n'),
    // 20 s: a process started on a loaded 2-core machine can take over 10 s to say anything.
    next(match, timeoutMs = 20_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          for (let i = from; i < lines.length; i++)
            if (match(lines[i]!)) {
              resolve(lines[i]!)
              return true
            }
          return false
        }
        if (check()) return
        const timer = setTimeout(() => {
          waiters.delete(w)
          reject(new Error(`timed out; stdout so far: ${JSON.stringify(lines).slice(-1500)}\nstderr: ${err.slice(-1500)}`))
        }, timeoutMs)
        const w = (): void => {
          if (check()) {
            clearTimeout(timer)
            waiters.delete(w)
          }
        }
        waiters.add(w)
      })
    },
    exit: () => exited
  }
}

/**
 * The per-file setup every headless test file shares: build the CLI once, spawn children that are
 * killed after each test, and run deferred cleanups (simulator, temp profile) in reverse order.
 */
export function useHeadlessSuite(): {
  spawn(args: string[]): HeadlessChild
  defer(...cleanups: Array<() => Promise<unknown> | void>): void
  /**
   * A simulator, a temp profile (`prepare` may put files in it first) and a headless process signed in by
   * QR (`args` are added to --server and --profile); all removed after the test.
   */
  online(options?: { args?: string[]; prepare?(profile: string, qq: number): void }): Promise<{ sim: Sim; child: HeadlessChild; profile: string }>
} {
  let script = ''
  let children: HeadlessChild[] = []
  let cleanups: Array<() => Promise<unknown> | void> = []
  beforeAll(async () => {
    script = await buildHeadless()
  }, 60_000)
  afterEach(async () => {
    // Children first: they hold the profile and talk to the simulator the cleanups remove.
    for (const child of children) if (child.proc.exitCode === null) child.proc.kill('SIGKILL')
    for (const c of cleanups.reverse()) await c()
    children = []
    cleanups = []
  })
  return {
    spawn(args) {
      const child = spawnHeadless(script, args)
      children.push(child)
      return child
    },
    defer: (...more) => void cleanups.push(...more),
    async online({ args = [], prepare } = {}) {
      const sim = await startSimulator(FAST_SIM)
      const p = tempProfile()
      cleanups.push(p.cleanup, () => sim.close())
      prepare?.(p.dir, sim.account().self.qq)
      const child = this.spawn(['--server', sim.url, '--profile', p.dir, ...args])
      await child.next((l) => l.type === 'qr')
      sim.scan({ confirm: true })
      await child.next((l) => l.type === 'ready')
      return { sim, child, profile: p.dir }
    }
  }
}
