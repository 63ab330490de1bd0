#!/usr/bin/env node
// `npm run headless -- …` / `npm run simulator -- …` / `npm run demo:headless`: run a plain-Node entry of the main build,
// building first when out/ is missing or older than src/ (so it works on a fresh clone after
// `npm ci`). Build output goes to stderr: headless mode's stdout carries JSON lines only.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

// An older Node gets the sentence, not a node:sqlite crash in the child.
createRequire(import.meta.url)('./check-node.cjs').exitIfTooOld()

const root = resolve(import.meta.dirname, '..')
const [entry, ...args] = process.argv.slice(2)
if (!['headless', 'simulator', 'demo-headless'].includes(entry)) {
  process.stderr.write('usage: run-built.mjs headless|simulator|demo-headless [args...]\n')
  process.exit(2)
}
const built = join(root, 'out', 'main', `${entry}.js`)

function newestMtime(dir) {
  let newest = 0
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    newest = Math.max(newest, item.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

const sources = [join(root, 'src/main'), join(root, 'src/shared'), join(root, 'src/simulator')]
const stale = !existsSync(built) || sources.some((dir) => newestMtime(dir) > statSync(built).mtimeMs)
if (stale) {
  process.stderr.write(`building ${entry} ...\n`)
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    process.stderr.write(`build failed (${result.status})\n`)
    process.exit(1)
  }
}

const child = spawn(process.execPath, [built, ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
