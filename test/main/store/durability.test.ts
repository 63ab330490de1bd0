import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStoreFile } from '../../../src/main/store'
import { tempDir } from './helpers'

const PER_BATCH = 50
let bundleDir: string
let childScript: string

beforeAll(async () => {
  // The child must run the real store code: bundle it (deps included, node: builtins external).
  bundleDir = mkdtempSync(join(tmpdir(), 'qq-store-child-'))
  await build({
    root: resolve(import.meta.dirname, '../../..'),
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: true,
      outDir: bundleDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rolldownOptions: {
        input: { 'writer-child': resolve(import.meta.dirname, 'fixtures/writer-child.ts') },
        output: { format: 'esm', entryFileNames: '[name].mjs' },
        external: [/^node:/]
      }
    },
    ssr: { noExternal: true }
  })
  childScript = join(bundleDir, 'writer-child.mjs')
})

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }))

describe('durability', () => {
  it('every batch reported as stored survives kill -9 of the writer, exactly once; none is half-written', async () => {
    const path = join(tempDir(), 'history.sqlite')
    const child = spawn(process.execPath, [childScript, path, String(PER_BATCH)], { stdio: ['ignore', 'pipe', 'ignore'] })
    const reported: number[] = []
    let buffered = ''
    await new Promise<void>((done, fail) => {
      child.on('error', fail)
      child.on('exit', () => done())
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        buffered += chunk
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines) reported.push(Number(line.slice('stored '.length)))
        // Kill while it is mid-burst, well into the run.
        if (reported.length >= 40 && child.exitCode === null && !child.killed) child.kill('SIGKILL')
      })
    })
    expect(child.signalCode).toBe('SIGKILL')
    expect(reported.length).toBeGreaterThanOrEqual(40)

    const store = openStoreFile(path)
    const raw = new DatabaseSync(path, { readOnly: true })
    const counts = new Map<number, number>()
    for (const row of raw.prepare('SELECT id FROM messages').all() as Array<{ id: string }>) {
      const n = Number(row.id.slice(1, row.id.indexOf('-')))
      counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    raw.close()
    for (const n of reported) expect(counts.get(n), `batch ${n}`).toBe(PER_BATCH)
    // Batches the child did not get to report are all-or-nothing too.
    for (const [n, c] of counts) expect(c, `batch ${n}`).toBe(PER_BATCH)
    // Reading through the store sees them, and unread counts moved with the rows.
    const total = [0, 1, 2].reduce((sum, k) => sum + (store.history.getConversation(`group:code:${k}`)?.unread ?? 0), 0)
    expect(total).toBe(counts.size * PER_BATCH)
    expect(store.history.search({ text: `第${reported.at(-1)}批第7条` }).messages.map((m) => m.id)).toEqual([`b${reported.at(-1)}-7`])
    store.close()
  })
})
