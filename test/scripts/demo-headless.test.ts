/**
 * `npm run demo:headless` end to end, as a person runs it (through scripts/run-built.mjs): one
 * process shows the QR, plays the phone scan itself, goes online, shows live messages and answers
 * commands on stdin; quit exits 0. Needs the built out/main/demo-headless.js (run-built builds it
 * when missing or stale).
 */
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnHeadless, type HeadlessChild } from '../headless/child'

const root = resolve(import.meta.dirname, '../..')
let child: HeadlessChild | null = null
afterEach(() => {
  if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL')
  child = null
})

describe('npm run demo:headless', () => {
  it('qr -> phone scan -> online -> ready -> a live message -> a command answered -> quit exits 0', async () => {
    child = spawnHeadless(resolve(root, 'scripts/run-built.mjs'), ['demo-headless', '--scan-delay', '200'])
    const c = child
    await c.next((l) => l.type === 'qr', 90_000) // may build first on a stale tree
    for (let i = 0; i < 50 && !/[▀▄]/.test(c.stderr()); i++) await new Promise((r) => setTimeout(r, 50)) // stderr lags stdout
    expect(c.stderr()).toMatch(/[▀▄]/) // the QR drawn for a terminal
    await c.next((l) => l.type === 'login' && l.state === 'online', 15_000)
    const ready = await c.next((l) => l.type === 'ready', 15_000)
    expect(ready.buddies).toBeGreaterThan(0)
    expect(c.stderr()).toContain('the phone scans the QR code')

    // The lively scenario chats by itself.
    const message = await c.next((l) => l.type === 'message', 30_000)
    expect(message.key).toMatch(/^(buddy|group|discuss):/)
    expect(typeof message.text).toBe('string')

    c.send({ cmd: 'contacts' })
    const contacts = await c.next((l) => l.type === 'contacts')
    expect((contacts.buddies as unknown[]).length).toBe(ready.buddies)
    c.send({ cmd: 'quit' })
    expect(await c.exit()).toBe(0)
    expect(c.stderr()).not.toContain('NON-JSON STDOUT')
    expect(c.stderr()).not.toMatch(/ExperimentalWarning/)
  }, 150_000)

  it('--help exits 0 and an unknown option exits 2', async () => {
    const help = spawnHeadless(resolve(root, 'scripts/run-built.mjs'), ['demo-headless', '--help'])
    expect(await help.exit()).toBe(0)
    expect(help.stderr()).toContain('NON-JSON STDOUT: usage: demo-headless')
    const bad = spawnHeadless(resolve(root, 'scripts/run-built.mjs'), ['demo-headless', '--nope'])
    expect(await bad.exit()).toBe(2)
    expect(bad.stderr()).toMatch(/Unknown option '--nope'/)
  }, 120_000)
})
