/**
 * Session engine figures (printed, never asserted):
 *  1. a burst of 20,000 mixed messages pushed at once: persisted + emitted messages/s (target >= 20,000/s);
 *  2. p99 latency from the server push to the emitted event at a steady 200 messages/s (target <= 10 ms);
 *  3. RSS of the headless process online with 5,000 buddies, 500 groups and a 1,000,000-message store
 *     (target <= 150 MB).
 * Everything runs against the simulator over loopback. Run: node scripts/bench.mjs engine
 */
import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine, createFileSecretStore, type Engine, type MessageDto } from '../src/main/engine'
import { createProtocolClient } from '../src/main/protocol'
import { openAccountStore, type NewMessage } from '../src/main/store'
import { startSimulator, type PushMessage, type Simulator } from '../src/simulator'
import { buildHeadless } from '../test/headless/build-headless'

type Figure = { name: string; value: number; unit: string; target?: string }

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function onlineEngine(sim: Simulator, dir: string): Promise<Engine> {
  const engine = createEngine({
    client: createProtocolClient({ serverUrl: sim.url }),
    secrets: createFileSecretStore(dir),
    openStore: (a) => openAccountStore(dir, String(a)),
    qrPollIntervalMs: 50,
    pollMinIntervalMs: 50
  })
  const ready = new Promise<void>((r) => engine.on('ready', () => r()))
  engine.on('qr', () => sim.scan({ confirm: true }))
  engine.start()
  await ready
  return engine
}

function mixedPushes(sim: Simulator, n: number, tag: (i: number) => string): PushMessage[] {
  const acc = sim.account()
  const out: PushMessage[] = []
  for (let i = 0; i < n; i++) {
    const text = tag(i)
    const k = i % 3
    if (k === 0) out.push({ kind: 'buddy', from: acc.buddies[i % acc.buddies.length]!.qq, text })
    else if (k === 1) {
      const g = acc.groups[i % acc.groups.length]!
      out.push({ kind: 'group', group: g.number, from: g.members!.find((m) => m.qq !== acc.self.qq)!.qq, text })
    } else {
      const d = acc.discussions[i % acc.discussions.length]!
      out.push({ kind: 'discuss', discuss: d.index, from: d.members.find((m) => m.qq !== acc.self.qq)!.qq, text })
    }
  }
  return out
}

async function burstAndSteady(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'))
  const sim = await startSimulator({ pollHoldMs: 1000, sendIntervalMs: 0, account: { buddies: 50, groups: 10, discussions: 5, groupMembers: 30 } })
  const engine = await onlineEngine(sim, dir)
  try {
    // Members loaded first so names resolve without lookups in the timed part.
    for (const g of (await engine.contacts()).groups) await engine.members('group', g.gid)
    for (const d of (await engine.contacts()).discussions) await engine.members('discuss', d.did)

    const N = 20_000
    const pushes = mixedPushes(sim, N, (i) => `burst ${i} 今天晚上一起吃饭吗`)
    let got = 0
    const done = new Promise<number>((resolve) => {
      const off = engine.on('message', () => {
        if (++got === N) {
          off()
          resolve(performance.now())
        }
      })
    })
    const t0 = performance.now()
    for (const p of pushes) sim.pushMessage(p)
    const burstRate = N / (((await done) - t0) / 1000)

    const latencies: number[] = []
    const sentAt = new Map<string, number>()
    const off = engine.on('message', (m: MessageDto) => {
      const t = sentAt.get(m.text)
      if (t !== undefined) latencies.push(performance.now() - t)
    })
    const steady = mixedPushes(sim, 1000, (i) => `steady ${i}`)
    const start = performance.now()
    for (let i = 0; i < steady.length; i++) {
      const due = start + i * 5
      const wait = due - performance.now()
      if (wait > 1) await sleep(wait)
      sentAt.set(`steady ${i}`, performance.now())
      sim.pushMessage(steady[i]!)
    }
    await sleep(1500)
    off()
    latencies.sort((a, b) => a - b)
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN
    return [
      { name: 'burst of 20,000 persisted + emitted', value: burstRate, unit: 'msg/s', target: '>= 20000' },
      { name: 'push -> emitted p99 at 200 msg/s', value: p99, unit: 'ms', target: '<= 10' },
      { name: 'steady messages received', value: latencies.length, unit: 'of 1000' }
    ]
  } finally {
    await engine.stop()
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function fillStore(dir: string, account: number, total: number): void {
  const store = openAccountStore(dir, String(account))
  let s = 1
  const r = (): number => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  for (let done = 0; done < total; done += 50_000) {
    const batch: NewMessage[] = []
    for (let i = done; i < done + 50_000; i++) {
      const c = Math.floor(r() * 300)
      const kind = c < 150 ? 'group' : c < 280 ? 'buddy' : 'discuss'
      batch.push({ id: `bench:${i}`, conversation: `${kind}:name:${c}`, kind, sender: `n:${c}-${i % 40}`, senderName: `成员${i % 40}`, self: false, time: 1_500_000_000 + Math.floor(i / 3), segments: [{ type: 'text', text: `第${i}条 今天下午三点开会 记得 ${c}` }] })
    }
    store.history.appendBatch(batch)
  }
  store.close()
}

async function headlessRss(): Promise<Figure[]> {
  const script = await buildHeadless()
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-rss-'))
  const sim = await startSimulator({ pollHoldMs: 1000, account: { buddies: 5000, groups: 500, discussions: 50, groupMembers: 200 } })
  try {
    fillStore(dir, sim.account({ members: false }).self.qq, 1_000_000)
    const child = spawn(process.execPath, [script, '--server', sim.url, '--profile', dir], { stdio: ['pipe', 'pipe', 'ignore'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c
      if (out.includes('"type":"qr"') && !out.includes('"scanned"')) {
        out += '"scanned"'
        sim.scan({ confirm: true })
      }
    })
    for (let i = 0; i < 600 && !out.includes('"type":"ready"'); i++) await sleep(100)
    await sleep(3000)
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN)
    child.stdin.end()
    await new Promise((r) => child.on('exit', r))
    return [{ name: 'headless RSS online (5k buddies, 500 groups, 1M-message store)', value: rssKb / 1024, unit: 'MB', target: '<= 150' }]
  } finally {
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<Figure[]> {
  return [...(await burstAndSteady()), ...(await headlessRss())]
}
