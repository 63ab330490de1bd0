// A tiny client for QQ Desktop's headless mode (JSON lines over a child process). Copy this file into
// your bot: plain Node (22+), no dependencies. See README.md, "Headless mode", for every line type.
//
//   import { HeadlessClient } from './qq-headless-client.mjs'
//   const qq = new HeadlessClient({ args: ['--server', 'http://127.0.0.1:8080', '--profile', dir] })
//   qq.on('message', (m) => { if (!m.self) qq.send({ key: m.key, text: 'hi' }) })
//   qq.start()
//
// What it does for you: starts the headless process (and starts it again if it dies, with backoff),
// splits stdout into JSON objects, emits them as events, and pairs each command with its answer.
import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

const REPO = resolve(import.meta.dirname, '..')

/** `scripts/run-built.mjs headless` builds out/ on demand; `entry: 'demo-headless'` adds a built-in demo server. */
export function defaultCommand(entry = 'headless') {
  return { command: process.execPath, commandArgs: [resolve(REPO, 'scripts', 'run-built.mjs'), entry] }
}

// The answer type of each command (an `error` line with the same `cmd` answers it too).
const ANSWER = {
  contacts: 'contacts',
  members: 'members',
  history: 'history',
  around: 'around',
  search: 'search',
  read: 'read',
  unread: 'unread',
  outbox: 'outbox',
  retry: 'retry',
  export: 'exported',
  quit: 'quit'
}

/**
 * Events: 'line' (every object), and one per `type`: 'qr', 'login', 'ready', 'message', 'sent', 'error'…;
 * 'spawn' (pid) and 'exit' ({code, signal, restarting}) for the process; 'stderr' (text, the QR and logs).
 */
export class HeadlessClient extends EventEmitter {
  #options
  #child = null
  #pending = new Map() // answer type -> FIFO of { resolve, reject, timer }
  #refs = new Map() // send ref -> { resolve, reject, timer }
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

  /** Sends a command and resolves with its answer line (rejects on its error line). */
  request(command) {
    if (command.cmd === 'send') return this.send(command)
    const type = ANSWER[command.cmd]
    if (!type) {
      this.write(command)
      return Promise.resolve(null) // logout: no answer line of its own (login lines follow)
    }
    return new Promise((resolve, reject) => {
      const entry = this.#waiter(resolve, reject, `${command.cmd}: no answer`)
      const queue = this.#pending.get(type) ?? []
      queue.push(entry)
      this.#pending.set(type, queue)
      try {
        this.write(command)
      } catch (e) {
        queue.splice(queue.indexOf(entry), 1)
        entry.fail(e)
      }
    })
  }

  /**
   * Sends a message: `{ key, text }` (or `{ kind, to, text }`, or `segments` instead of text). Resolves
   * with `{"type":"sent"}` or `{"type":"queued"}` (it goes out later: signed out, pacing); rejects on error.
   */
  send({ ref, ...message }) {
    const r = ref ?? `bot-${process.pid}-${this.#nextRef++}`
    return new Promise((resolve, reject) => {
      this.#refs.set(r, this.#waiter(resolve, reject, `send ${r}: no answer`))
      try {
        this.write({ cmd: 'send', ref: r, ...message })
      } catch (e) {
        this.#refs.get(r)?.fail(e)
        this.#refs.delete(r)
      }
    })
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
    for (const queue of this.#pending.values()) for (const w of queue.splice(0)) w.fail(error)
    for (const w of this.#refs.values()) w.fail(error)
    this.#refs.clear()
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
    // An answer to a send: sent / queued / error with the ref (a later `sent` after `queued` is an event only).
    if (typeof line.ref === 'string' && this.#refs.has(line.ref) && ['sent', 'queued', 'error'].includes(line.type)) {
      const w = this.#refs.get(line.ref)
      this.#refs.delete(line.ref)
      if (line.type === 'error') w.fail(Object.assign(new Error(line.message), { line }))
      else w.ok(line)
    } else if (line.type === 'error' && typeof line.cmd === 'string' && ANSWER[line.cmd]) {
      const w = this.#pending.get(ANSWER[line.cmd])?.shift()
      if (w) w.fail(Object.assign(new Error(line.message), { line }))
    } else {
      const w = this.#pending.get(line.type)?.shift()
      if (w) w.ok(line)
    }
    // EventEmitter throws on an 'error' event nobody listens to: error lines are also in 'line'.
    if (line.type !== 'error' || this.listenerCount('error') > 0) this.emit(line.type, line)
  }
}
