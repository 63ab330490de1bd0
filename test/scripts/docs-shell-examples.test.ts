/**
 * Every shell example in README.md and docs/*.md (the lines of its ```sh blocks) runs here, as written,
 * against the default demo account: `http://127.0.0.1:8080` becomes a simulator started on a free port,
 * `--port 8080` becomes `--port 0`, a profile under ~ becomes a temp folder, and `[optional]` arguments
 * are left out. Servers and long-running processes are run until they show they work (a URL, a QR, an
 * online line), then stopped. The examples that cannot run in a test are listed below with the reason,
 * and the test checks that they are exactly the ones it did not run.
 */
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator'
import { tempProfile } from '../main/engine/harness'
import { loggedIn, TestClient } from '../simulator/client'

const root = resolve(import.meta.dirname, '../..')
const SIM = 'http://127.0.0.1:8080'

/** The examples no test can run, and why. */
const NEEDS_ELECTRON_OR_DISPLAY = new Set(['npm run demo', 'npm start', 'npm run dist'])
const NOT_IN_A_TEST = new Map([
  ['npm install', 'installs the dependencies from the registry'],
  ['npm test', 'the whole suite, this test included'],
  ['npm run bench', 'minutes of benchmarks'],
  ['npm install --prefix ~/.cache/qq-node-22 node@22 && export PATH=~/.cache/qq-node-22/node_modules/.bin:$PATH', 'installs Node 22']
])

interface Example {
  file: string
  command: string
}

/** Each non-empty line of each ```sh block, without its trailing comment. */
function examples(): Example[] {
  const files = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`)
  ]
  const out: Example[] = []
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    for (const block of text.matchAll(/^ *```sh\n([\s\S]*?)^ *```/gm))
      for (const line of block[1]!.split('\n')) {
        const command = line.replace(/\s+#\s.*$/, '').trim()
        if (command !== '') out.push({ file, command })
      }
  }
  return out
}

const ALL = examples()

let cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ scenario: 'quiet' })
  cleanups.push(() => sim.close())
  return sim
}

/** The command as it runs here: the test's simulator, a free port, temp profiles, no optional arguments. */
function adapt(command: string, simUrl: string | null): string {
  let c = command.replace(/ \[[^\]]*\]/g, '').replace('--port 8080', '--port 0')
  if (simUrl) c = c.replaceAll(SIM, simUrl)
  return c.replace(/~\/\.local\/share\/[\w-]+/g, () => {
    const p = tempProfile()
    cleanups.push(p.cleanup)
    return p.dir
  })
}

interface Running {
  out(): string
  err(): string
  until(what: string, ok: () => boolean, timeoutMs?: number): Promise<void>
  write(line: string): void
  signal(sig: NodeJS.Signals): void
  exited: Promise<number | null>
}

function run(command: string): Running {
  const proc = spawn('sh', ['-c', `exec ${command}`], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c))
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)))
  cleanups.push(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
  })
  return {
    out: () => out,
    err: () => err,
    async until(what, ok, timeoutMs = 90_000) {
      const end = Date.now() + timeoutMs
      while (!ok()) {
        if (Date.now() > end) throw new Error(`${command}: timed out waiting for ${what}\nstdout: ${out.slice(-1500)}\nstderr: ${err.slice(-1500)}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    write: (line) => void proc.stdin.write(`${line}\n`),
    signal: (sig) => void proc.kill(sig),
    exited
  }
}

/** Runs one example; false when it is not one this test knows how to run. */
async function runExample(command: string): Promise<boolean> {
  if (command.startsWith('curl ')) {
    const sim = await simulator()
    await signIn(sim)
    const r = run(adapt(command, sim.url))
    expect(await r.exited, r.err()).toBe(0)
    expect(() => JSON.parse(r.out()), r.out()).not.toThrow()
    expect(r.out()).not.toMatch(/"ok":false|"error"/)
    return true
  }
  if (command.startsWith('npm run simulator')) {
    const r = run(adapt(command, null))
    // npm prints its banner first; the simulator's own line is its URL.
    await r.until('the URL', () => /^http:\/\/127\.0\.0\.1:\d+$/m.test(r.out()))
    const url = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(r.out())![1]!
    expect((await fetch(`${url}/__sim/state`)).status).toBe(200)
    r.signal('SIGTERM')
    await r.exited
    return true
  }
  if (/^(npx qq-headless|node out\/main\/headless\.js|npm run headless)\b/.test(command)) {
    const sim = await simulator()
    const r = run(adapt(command, sim.url))
    await r.until('the QR line', () => r.out().includes('"type":"qr"'))
    sim.scan({ confirm: true })
    await r.until('ready', () => r.out().includes('"type":"ready"'))
    r.write('{"cmd":"quit"}')
    expect(await r.exited, r.err()).toBe(0)
    return true
  }
  if (command === 'npm run demo:headless') {
    const r = run(command)
    await r.until('ready', () => r.out().includes('"type":"ready"'))
    r.write('{"cmd":"quit"}')
    expect(await r.exited, r.err()).toBe(0)
    return true
  }
  if (command.startsWith('node examples/bot.mjs')) {
    const sim = command.includes('--demo') ? null : await simulator()
    const r = run(adapt(command, sim?.url ?? null))
    if (sim) {
      await r.until('the QR', () => r.err().includes('Scan this QR code'))
      sim.scan({ confirm: true })
      await r.until('online', () => r.err().includes('[bot] online as'))
    } else {
      await r.until('the talk-to-me line', () => r.err().includes('[bot] talk to me as'))
    }
    r.signal('SIGINT')
    expect(await r.exited, r.err()).toBe(0)
    return true
  }
  return false
}

/** A session the admin routes act on (push, kick, expire-session need one), and a QR for scan. */
async function signIn(sim: Simulator): Promise<void> {
  await loggedIn(sim)
  await new TestClient(sim.url).showQr()
}

describe('shell examples in README.md and docs/*.md', () => {
  it('finds the examples, and the ones not run here are exactly the listed ones', () => {
    expect(ALL.length).toBeGreaterThan(20)
    const notRunnable = new Set(ALL.map((e) => e.command).filter((c) => !isRunnable(c)))
    expect([...notRunnable].sort()).toEqual([...NEEDS_ELECTRON_OR_DISPLAY, ...NOT_IN_A_TEST.keys()].sort())
  })

  const runnable = [...new Set(ALL.map((e) => e.command).filter(isRunnable))]
  for (const command of runnable)
    it(`runs: ${command}`, async () => {
      expect(await runExample(command)).toBe(true)
    }, 150_000)
})

function isRunnable(command: string): boolean {
  return (
    command.startsWith('curl ') ||
    command.startsWith('npm run simulator') ||
    /^(npx qq-headless|node out\/main\/headless\.js|npm run headless)\b/.test(command) ||
    command === 'npm run demo:headless' ||
    command.startsWith('node examples/bot.mjs')
  )
}
