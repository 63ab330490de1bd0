#!/usr/bin/env node
// One headless sign-in and search, on the Node running this script, with the BUILT entries (run
// `npx electron-vite build` first): the standalone simulator on a free port, `out/main/headless.js`
// against it, the QR scanned through the admin API, a message pushed, then found by `search`.
// CI runs it on the oldest Node that package.json's `engines` allows (.ci/run), where SQLite may lack
// FTS5 (search then scans, and a `storage` line says so); test/scripts/headless-smoke.test.ts runs it
// on the current Node. Prints one line `ok: …` and exits 0, or says what failed and exits 1.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'

createRequire(import.meta.url)('./check-node.cjs').exitIfTooOld()

const root = resolve(import.meta.dirname, '..')
const TIMEOUT_MS = Number(process.env.QQ_SMOKE_TIMEOUT_MS || 60_000)
const TEXT = '冒烟测试：明天下午三点开会'

const children = []
const profile = mkdtempSync(join(tmpdir(), 'qq-smoke-'))

function finish(code, line) {
  ;(code === 0 ? process.stdout : process.stderr).write(`${line}\n`)
  for (const child of children) child.kill()
  rmSync(profile, { recursive: true, force: true })
  process.exit(code)
}

setTimeout(() => finish(1, `headless smoke: timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref()

function start(script, args) {
  const child = spawn(process.execPath, [join(root, 'out', 'main', script), ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(child)
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr = (stderr + c).slice(-4000)))
  child.on('exit', (code) => {
    if (!done) finish(1, `headless smoke: ${script} exited with ${code}\n${stderr}`)
  })
  return child
}

let done = false
const sim = start('simulator.js', ['--port', '0'])
const url = await new Promise((r) => createInterface({ input: sim.stdout }).once('line', (l) => r(l.trim())))

async function admin(path, body) {
  const res = await fetch(`${url}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
}

const headless = start('headless.js', ['--server', url, '--profile', profile])
const send = (obj) => headless.stdin.write(`${JSON.stringify(obj)}\n`)
let storage = 'full-text index'
let buddyQq = null
for await (const raw of createInterface({ input: headless.stdout })) {
  const line = JSON.parse(raw)
  if (line.type === 'qr') await admin('scan')
  else if (line.type === 'storage' && line.reason === 'no-full-text-search') storage = 'no FTS5: search scans'
  else if (line.type === 'ready') {
    const account = await (await fetch(`${url}/__sim/account?members=0`)).json()
    buddyQq = account.buddies[0].qq
    await admin('push', { kind: 'buddy', from: buddyQq, text: TEXT })
  } else if (line.type === 'message' && line.text === TEXT) send({ cmd: 'search', ref: 's', query: '下午三点' })
  else if (line.type === 'search' && line.ref === 's') {
    if (!line.messages.some((m) => m.text === TEXT)) finish(1, `headless smoke: search did not find the message: ${raw}`)
    done = true
    finish(0, `ok: signed in and searched on Node ${process.versions.node} (${storage})`)
  } else if (line.type === 'error') finish(1, `headless smoke: ${raw}`)
}
