/**
 * The 20,000-message burst end to end on the headless path (printed, never asserted):
 *
 *  1. the BUILT headless client runs as its own process against the simulator (in this process); 20,000
 *     messages (1/3 group messages with a face, 2/3 buddy messages) leave in ONE poll answer. The clock
 *     starts when the simulator hands that answer to node:http (ServerResponse.end) and stops when the
 *     20,000th `message` line is read from the client's stdout: msg/s (target >= 80,000);
 *  2. the floor, in the same run: a minimal client with the same HTTP stack (got) receives the same
 *     bytes from a loopback server, parses them and writes one line per message, with no engine and no
 *     store; end to end / floor (target <= 2);
 *  3. the headless process's RSS after each burst (target <= 150 MB, and not growing across repeats).
 * Afterwards it checks what the client printed and stored: every message once, in order within each
 * conversation, and every one of them in the store. Medians over REPEATS bursts; every run is printed
 * on stderr. Run: node scripts/bench.mjs headless-burst
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, ServerResponse, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openAccountStore } from '../src/main/store'
import { startSimulator, type PushMessage, type Simulator } from '../src/simulator'
import { buildHeadless } from '../test/headless/build-headless'

type Figure = { name: string; value: number; unit: string; target?: string }

const N = 20_000
const REPEATS = Number(process.env.BURST_REPEATS ?? 10)
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** When the latest large answer (a burst) was handed to node:http by any server in this process, and its bytes. */
const leaving: { at: number; body: Buffer | null } = { at: 0, body: null }
function stampLargeAnswers(): () => void {
  const end = ServerResponse.prototype.end
  // Only the burst answer is large; small answers (logins, empty polls) pass untouched.
  ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]) {
    const chunk = args[0]
    if (Buffer.isBuffer(chunk) && chunk.length > 1_000_000) {
      leaving.at = performance.now()
      leaving.body = chunk
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as typeof end
  return () => void (ServerResponse.prototype.end = end)
}

const PHRASES = ['今天晚上一起吃饭吗', '收到，我马上看一下', '明天上午十点开会，别迟到', '这个方案我觉得还可以再改改', '哈哈哈笑死我了']

/** 1/3 group messages with a face, 2/3 buddy messages; the tag `r<rep>#<i>` orders them within a conversation. */
function burstPushes(sim: Simulator, n: number, rep: number): PushMessage[] {
  const acc = sim.account()
  const out: PushMessage[] = []
  for (let i = 0; i < n; i++) {
    const text = `${PHRASES[i % PHRASES.length]!} r${rep}#${i}`
    if (i % 3 === 0) {
      const g = acc.groups[(i / 3) % acc.groups.length]!
      const from = g.members!.find((m) => m.qq !== acc.self.qq)!.qq
      out.push({
        kind: 'group',
        group: g.number,
        from,
        segments: [
          { type: 'text', text },
          { type: 'face', id: 14 }
        ]
      })
    } else out.push({ kind: 'buddy', from: acc.buddies[i % acc.buddies.length]!.qq, segments: [{ type: 'text', text }] })
  }
  return out
}

/** Reads a child's stdout as lines; `onMessageLine` sees each `message` line with the time it was read. */
function lineReader(child: ChildProcessWithoutNullStreams, onLine: (line: string, at: number) => void): void {
  let rest = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = performance.now()
    const parts = (rest + chunk).split('\n')
    rest = parts.pop()!
    for (const p of parts) onLine(p, at)
  })
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024
}

async function until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(2)
  }
}

interface Verdict {
  lost: number
  duplicated: number
  reordered: number
}

/** Every tag once, and within each conversation in increasing order. */
function checkLines(lines: string[], rep: number): Verdict {
  const seen = new Set<number>()
  const lastByKey = new Map<string, number>()
  let duplicated = 0
  let reordered = 0
  for (const l of lines) {
    const m = JSON.parse(l) as { key: string; text: string }
    const tag = new RegExp(`r${rep}#(\\d+)`).exec(m.text)
    if (!tag) continue
    const i = Number(tag[1])
    if (seen.has(i)) duplicated++
    seen.add(i)
    if ((lastByKey.get(m.key) ?? -1) > i) reordered++
    lastByKey.set(m.key, i)
  }
  return { lost: N - seen.size, duplicated, reordered }
}

/** The client under test: the built headless entry, signed in by QR against the simulator. */
async function headlessRuns(sim: Simulator, dir: string): Promise<{ ms: number[]; rss: number[]; verdicts: Verdict[]; ids: Set<string> }> {
  const script = await buildHeadless()
  // BURST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the client under test.
  const nodeArgs = (process.env.BURST_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, script, '--server', sim.url, '--profile', dir], { stdio: ['pipe', 'pipe', 'ignore'] })
  let ready = false
  let messages: string[] = []
  let lastMessageAt = 0
  const ids = new Set<string>()
  lineReader(child, (line, at) => {
    if (line.startsWith('{"type":"message"')) {
      messages.push(line)
      lastMessageAt = at
    } else if (line.startsWith('{"type":"qr"')) sim.scan({ confirm: true })
    else if (line.startsWith('{"type":"ready"')) ready = true
  })
  const exited = new Promise((r) => child.on('exit', r))
  try {
    await until('ready', () => ready)
    // Warm-up: one message into every conversation, so the timed bursts name senders from the directory.
    const warm = burstPushes(sim, sim.account().buddies.length * 3, -1)
    await until('the poll to be held', () => sim.state().pollsInFlight > 0)
    for (const p of warm) sim.pushMessage(p)
    await until('the warm-up', () => messages.length === warm.length)
    for (const l of messages) ids.add((JSON.parse(l) as { id: string }).id)
    const ms: number[] = []
    const rss: number[] = []
    const verdicts: Verdict[] = []
    for (let rep = 0; rep < REPEATS; rep++) {
      messages = []
      const pushes = burstPushes(sim, N, rep)
      await until('the poll to be held', () => sim.state().pollsInFlight > 0)
      for (const p of pushes) sim.pushMessage(p)
      await until('the burst', () => messages.length >= N)
      ms.push(lastMessageAt - leaving.at)
      await sleep(300)
      rss.push(rssMb(child.pid!))
      verdicts.push(checkLines(messages, rep))
      for (const l of messages) ids.add((JSON.parse(l) as { id: string }).id)
      process.stderr.write(
        `  headless burst ${rep + 1}: ${(lastMessageAt - leaving.at).toFixed(0)} ms, RSS ${rss.at(-1)!.toFixed(0)} MB (answer left at ${(performance.timeOrigin + leaving.at).toFixed(0)})\n`
      )
    }
    return { ms, rss, verdicts, ids }
  } finally {
    child.stdin.end()
    await exited
  }
}

/**
 * The floor: got POSTs like the protocol client does, the same answer bytes, JSON.parse, one line per
 * element written to stdout in one write. No engine, no store, no validation.
 */
const FLOOR_CLIENT = `
import got from 'got'
const url = process.argv[1]
for (;;) {
  const res = await got.post(url, { form: { r: '{}' }, responseType: 'buffer', timeout: { request: 90000 }, retry: { limit: 0 } })
  const answer = JSON.parse(new TextDecoder().decode(res.body))
  let out = ''
  for (const el of answer.result) {
    const v = el.value
    out += JSON.stringify({ type: 'message', kind: el.poll_type, from: v.send_uin, to: v.to_uin, time: v.time, content: v.content }) + '\\n'
  }
  process.stdout.write(out)
}
`

async function floorRuns(body: Buffer): Promise<number[]> {
  const held: ServerResponse[] = []
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => held.push(res))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/channel/poll2`
  const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOR_CLIENT, url], { stdio: ['pipe', 'pipe', 'inherit'] })
  let lines = 0
  let lastAt = 0
  lineReader(child, (_line, at) => {
    lines++
    lastAt = at
  })
  const ms: number[] = []
  try {
    for (let rep = 0; rep < REPEATS; rep++) {
      lines = 0
      await until('the floor client to poll', () => held.length > 0)
      const res = held.shift()!
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) })
      res.end(body)
      await until('the floor lines', () => lines >= N)
      ms.push(lastAt - leaving.at)
      process.stderr.write(`  floor burst ${rep + 1}: ${(lastAt - leaving.at).toFixed(0)} ms\n`)
    }
    return ms
  } finally {
    child.kill()
    server.closeAllConnections()
    server.close()
  }
}

/** How many of `ids` the store holds. */
function storedCount(dir: string, account: number, ids: Set<string>): number {
  const store = openAccountStore(dir, String(account))
  try {
    let found = 0
    for (const c of store.history.listConversations()) {
      let before: string | null = null
      do {
        const page = store.history.page(c.key, { limit: 500, before })
        for (const m of page.messages) if (ids.has(m.id)) found++
        before = page.next
      } while (before !== null)
    }
    return found
  } finally {
    store.close()
  }
}

export async function run(): Promise<Figure[]> {
  const restore = stampLargeAnswers()
  const dir = mkdtempSync(join(tmpdir(), 'headless-burst-bench-'))
  const sim = await startSimulator({ pollHoldMs: 30_000, account: { buddies: 100, groups: 100, discussions: 0, groupMembers: 20 } })
  try {
    const head = await headlessRuns(sim, dir)
    const body = leaving.body!
    const floor = await floorRuns(body)
    const stored = storedCount(dir, sim.account({ members: false }).self.qq, head.ids)
    const e2e = median(head.ms)
    const fl = median(floor)
    process.stderr.write(`  end to end runs (ms): ${head.ms.map((x) => x.toFixed(0)).join(' ')}\n`)
    process.stderr.write(`  floor runs (ms): ${floor.map((x) => x.toFixed(0)).join(' ')}\n`)
    process.stderr.write(`  RSS after each burst (MB): ${head.rss.map((x) => x.toFixed(0)).join(' ')}\n`)
    process.stderr.write(`  answer size: ${(body.length / 1e6).toFixed(1)} MB\n`)
    const sum = (k: keyof Verdict): number => head.verdicts.reduce((a, v) => a + v[k], 0)
    return [
      { name: `burst of 20,000 end to end (median of ${REPEATS})`, value: N / (e2e / 1000), unit: 'msg/s', target: '>= 80000' },
      { name: 'burst end to end', value: e2e, unit: 'ms' },
      { name: 'floor (got + JSON.parse + lines, no engine)', value: fl, unit: 'ms' },
      { name: 'end to end / floor', value: e2e / fl, unit: 'x', target: '<= 2' },
      { name: 'headless RSS after the first burst', value: head.rss[0]!, unit: 'MB', target: '<= 150' },
      { name: `headless RSS after burst ${REPEATS}`, value: head.rss.at(-1)!, unit: 'MB', target: 'no growth' },
      { name: 'messages lost / duplicated / reordered', value: sum('lost') + sum('duplicated') + sum('reordered'), unit: 'messages', target: '0' },
      { name: 'printed messages not in the store', value: head.ids.size - stored, unit: `of ${head.ids.size}`, target: '0' }
    ]
  } finally {
    restore()
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
