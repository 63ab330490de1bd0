/**
 * `node examples/bot.mjs --demo` as a person runs it: it says how to talk to it (a curl command against
 * the demo server's admin API), logs the message it handles and the reply it sends, prints no typing
 * hint meant for a person at the headless prompt, and exits 0 on Ctrl-C (SIGINT). Needs the built
 * out/main/demo-headless.js (run-built builds it when missing or stale).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
let bot: ChildProcess | null = null
afterEach(() => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL')
  bot = null
})

async function until<T>(what: string, probe: () => T | null | undefined, read: () => string, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = probe()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${read().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('node examples/bot.mjs --demo', () => {
  it('says how to talk to it, logs what it handles and answers, and exits 0 on Ctrl-C', async () => {
    const proc = spawn(process.execPath, [resolve(root, 'examples/bot.mjs'), '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] })
    bot = proc
    let stderr = ''
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    const read = (): string => stderr
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)))

    const hint = await until('the talk-to-me line', () => /\[bot\] talk to me as (\S+): curl -s -X POST (\S+) -d '([^']+)'/.exec(stderr), read)
    const [, name, url, body] = hint
    // What the printed curl command does, done with fetch.
    const res = await fetch(url!, { method: 'POST', body })
    expect(res.status).toBe(200)
    await until('the handled-message line', () => stderr.includes(`[bot] ← ${name}: 你好`), read, 20_000)
    await until('the reply line', () => new RegExp(`\\[bot\\] → ${name}: 你好，${name}！`).test(stderr), read, 20_000)
    expect(stderr).not.toContain('Type a command as one JSON line')

    proc.kill('SIGINT')
    expect(await exited).toBe(0)
  }, 150_000)
})
