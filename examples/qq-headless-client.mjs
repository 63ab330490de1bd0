// A tiny client for QQ Desktop's headless mode (JSON lines over a child process). Copy this file into
// your bot: plain Node (22+), no dependencies. See README.md, "Headless mode", for every line type.
//
//   import { HeadlessClient } from './qq-headless-client.mjs'
//   const qq = new HeadlessClient({ args: ['--server', 'http://127.0.0.1:8080', '--profile', dir] })
//   qq.on('message', (m) => { if (!m.self) qq.send({ key: m.key, text: 'hi' }) })
//   qq.start()
//
// What it does for you: starts the headless process (and starts it again if it dies, with backoff),
// splits stdout into JSON objects, emits them as events, and pairs each command with its answer by
// `ref`: every command gets one (yours, or a generated one), and every answer to it carries the same
// ref, so answers that overtake each other (a slow `contacts` refresh, a quick `unread`) still find
// their command.
import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

const REPO = resolve(import.meta.dirname, '..')

/** `scripts/run-built.mjs headless` builds out/ on demand; `entry: 'demo-headless'` adds a built-in demo server. */
export function defaultCommand(entry = 'headless') {
  return { command: process.execPath, commandArgs: [resolve(REPO, 'scripts', 'run-built.mjs'), entry] }
}

/** The oldest Node the headless mode runs on (package.json's engines). */
export const MIN_NODE = [22, 13]

/** Exits with a sentence on a Node older than MIN_NODE, instead of a child that crashes and restarts. */
export function requireNode(version = process.env.QQ_CHECK_NODE_AS || process.versions.node) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return
  process.stderr.write(
    `Node ${MIN_NODE.join('.')} or newer is needed (you have ${version.replace(/^v/, '')}). ` +
      'Get it without touching the system Node: npm install --prefix ~/.cache/qq-node-22 node@22, then put ' +
      '~/.cache/qq-node-22/node_modules/.bin first on PATH (or: nvm install 22); see README, "Try it".\n'
  )
  process.exit(1)
}

/**
 * Events: 'line' (every object), and one per `type`: 'qr', 'login', 'ready', 'message', 'sent', 'error'…;
 * 'spawn' (pid) and 'exit' ({code, signal, restarting}) for the process; 'stderr' (text, the QR and logs).
 */
export class HeadlessClient extends EventEmitter {
  #options
  #child = null
  #waiting = new Map() // ref -> { ok, fail } of the command that carried it
  #stopping = false
  #restarts = 0
  #nextRef = 1

  /**
   * @param {object} options
   * @param {string[]} options.args headless arguments (--server, --profile, --send-interval)
   * @param {string} [options.command] default: this Node; with [options.commandArgs] default run-built.mjs headless
   * @param {boolean} [options.restart] start the process again when it dies (default true)
   * @param {number} [options.timeoutMs] how long a command waits for its answer (default 30 s)
   */
  constructor(options) {
    super()
    this.#options = { ...defaultCommand(), restart: true, timeoutMs: 30_000, ...options }
  }

  get pid() {
    return this.#child?.pid ?? null
  }

  start() {
    this.#stopping = false
    const { command, commandArgs, args, env } = this.#options
    const child = spawn(command, [...commandArgs, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env })
    this.#child = child
    child.stdin.on('error', () => {}) // a dead child: handled by 'exit'
    createInterface({ input: child.stdout }).on('line', (text) => this.#onLine(text))
    child.stderr.setEncoding('utf8').on('data', (text) => this.emit('stderr', text))
    child.on('spawn', () => this.emit('spawn', child.pid))
    child.on('exit', (code, signal) => {
      if (this.#child === child) this.#child = null
      const restarting = !this.#stopping && this.#options.restart
      this.#failAll(new Error(`headless process exited (${signal ?? code})`))
      this.emit('exit', { code, signal, restarting })
      if (restarting) {
        const delay = Math.min(30_000, 500 * 2 ** this.#restarts++)
        setTimeout(() => !this.#stopping && this.start(), delay).unref()
      }
    })
    return this
  }

  /** Sends one command object without waiting. */
  write(command) {
    if (!this.#child) throw new Error('headless process is not running')
    this.#child.stdin.write(JSON.stringify(command) + '\n')
  }

  /**
   * Sends any command and resolves with its answer line (the one carrying its ref); rejects on an
   * `error` answer (the line is the error's `line`). For `send` the answer is `{"type":"queued"}` (it
   * goes out later: signed out, pacing) or `{"type":"sent"}`; a `sent` after `queued` is an event only.
   */
  request(command) {
    const ref = command.ref ?? `c${process.pid}-${this.#nextRef++}`
    return new Promise((resolve, reject) => {
      this.#waiting.set(ref, this.#waiter(resolve, reject, `${command.cmd} ${ref}: no answer`))
      try {
        this.write({ ...command, ref })
      } catch (e) {
        this.#waiting.get(ref)?.fail(e)
        this.#waiting.delete(ref)
      }
    })
  }

  /** Sends a message: `{ key, text }` (or `{ kind, to, text }`, or `segments` instead of text); see request(). */
  send(message) {
    return this.request({ ...message, cmd: 'send' })
  }

  /** Quits cleanly (the store and outbox are saved) and resolves with the exit code. */
  async stop() {
    this.#stopping = true
    const child = this.#child
    if (!child) return 0
    const exited = new Promise((r) => child.once('exit', (code) => r(code)))
    try {
      this.write({ cmd: 'quit' })
      child.stdin.end()
    } catch {
      child.kill()
    }
    return exited
  }

  #waiter(resolve, reject, timeoutText) {
    const timer = setTimeout(() => entry.fail(new Error(timeoutText)), this.#options.timeoutMs)
    timer.unref()
    const entry = {
      ok: (v) => (clearTimeout(timer), resolve(v)),
      fail: (e) => (clearTimeout(timer), reject(e))
    }
    return entry
  }

  #failAll(error) {
    for (const w of this.#waiting.values()) w.fail(error)
    this.#waiting.clear()
  }

  #onLine(text) {
    let line
    try {
      line = JSON.parse(text)
    } catch {
      return // not ours (e.g. npm's banner when started through `npm run` without --silent)
    }
    if (line.type === 'ready') this.#restarts = 0
    this.emit('line', line)
    // The first line carrying a waiting ref answers its command.
    const w = typeof line.ref === 'string' ? this.#waiting.get(line.ref) : undefined
    if (w) {
      this.#waiting.delete(line.ref)
      if (line.type === 'error') w.fail(Object.assign(new Error(line.message), { line }))
      else w.ok(line)
    }
    // EventEmitter throws on an 'error' event nobody listens to: error lines are also in 'line'.
    if (line.type !== 'error' || this.listenerCount('error') > 0) this.emit(line.type, line)
  }
}
