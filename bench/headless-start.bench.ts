/**
 * Headless cold start with a remembered session (printed, never asserted): the BUILT headless client is
 * started as a process on a profile that holds a session from an earlier QR login, against the simulator in
 * this process, and the clock runs from spawn() to the `ready` line on its stdout. The simulator's own time
 * answering (from each request's arrival to its answer's end, long polls excluded) is measured too, so
 *   client's own = spawn -> ready - server time before ready   (target <= 400 ms)
 * Median of RUNS starts (each a fresh process); every run is printed.
 * Run: node scripts/bench.mjs headless-start
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator, type Simulator } from '../src/simulator'
import { buildHeadless } from '../test/headless/build-headless'

type Figure = { name: string; value: number; unit: string; target?: string }

const RUNS = 5

/** Every request the simulator answers (except held polls): when it arrived and when its answer ended. */
const served: Array<{ start: number; end: number }> = []
function timeRequests(): () => void {
  const emit = Server.prototype.emit
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse]
      const start = performance.now()
      if (!req.url?.startsWith('/channel/poll2')) res.once('finish', () => served.push({ start, end: performance.now() }))
    }
    return (emit as (this: Server, e: string, ...a: unknown[]) => boolean).call(this, event, ...args)
  } as typeof emit
  return () => void (Server.prototype.emit = emit)
}

/** CPU time (user + system, all threads) the process has used so far, in ms: what load on a shared machine does not inflate. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime are fields 14 and 15 of stat (11 and 12 after "pid (comm) "), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Starts the client on `dir`; resolves at `ready` with the time from spawn and the CPU used, having sent quit. */
function startOnce(script: string, sim: Simulator, dir: string, onQr: () => void): Promise<{ ms: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    // START_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the client's starts.
    const nodeArgs = (process.env.START_NODE_ARGS ?? '').split(' ').filter(Boolean)
    const child = spawn(process.execPath, [...nodeArgs, script, '--server', sim.url, '--profile', dir], { stdio: ['pipe', 'pipe', 'ignore'] })
    let readyAt = 0
    let cpu = 0
    let rest = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      for (const l of lines) {
        if (l.startsWith('{"type":"qr"')) onQr()
        if (l.startsWith('{"type":"ready"') && !readyAt) {
          readyAt = performance.now() - t0
          cpu = cpuMs(child.pid!)
          child.stdin.end('{"cmd":"quit"}\n')
        }
      }
    })
    child.on('exit', () => (readyAt ? resolve({ ms: readyAt, cpu }) : reject(new Error('the headless client exited before ready'))))
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function run(): Promise<Figure[]> {
  const restore = timeRequests()
  const script = await buildHeadless()
  const dir = mkdtempSync(join(tmpdir(), 'headless-start-bench-'))
  const sim = await startSimulator({ pollHoldMs: 30_000, account: { buddies: 500, groups: 50, discussions: 5, groupMembers: 20 } })
  try {
    // An earlier sign-in by QR leaves the remembered session in the profile.
    await startOnce(script, sim, dir, () => sim.scan({ confirm: true }))
    const totals: number[] = []
    const own: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < RUNS; i++) {
      served.length = 0
      const mark = performance.now()
      const { ms: ready, cpu } = await startOnce(script, sim, dir, () => {
        throw new Error('the remembered session was not used (a QR was shown)')
      })
      cpus.push(cpu)
      const server = served.filter((s) => s.end <= mark + ready).reduce((sum, s) => sum + (s.end - s.start), 0)
      totals.push(ready)
      own.push(ready - server)
      process.stderr.write(
        `  start ${i + 1}: ready after ${ready.toFixed(0)} ms, of which the server answering ${server.toFixed(0)} ms; CPU used ${cpu} ms\n`
      )
    }
    return [
      { name: 'headless start -> ready, remembered session (median)', value: median(totals), unit: 'ms' },
      { name: "  the client's own part (minus the server's answers)", value: median(own), unit: 'ms', target: '<= 400' },
      { name: '  CPU time the client used until ready (load-independent)', value: median(cpus), unit: 'ms' }
    ]
  } finally {
    restore()
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
