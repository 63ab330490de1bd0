#!/usr/bin/env node
// `npm test`: every test layer in order, then ONE closing line "N passed, N failed".
// Lint, the formatting check, each type-check and the build count as one check each; vitest tests count individually
// (a test file that fails to load counts as a failure). Never launches Electron.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const outDir = join(root, '.ci-out')
mkdirSync(outDir, { recursive: true })
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

const startedAt = Date.now()
let passed = 0
let failed = 0
const failures = []

function step(name, args, viaNpx = true) {
  process.stdout.write(`\n=== ${name} ===\n`)
  const started = Date.now()
  const [command, rest] = viaNpx ? [npx, args] : [args[0], args.slice(1)]
  const result = spawnSync(command, rest, { cwd: root, stdio: 'inherit', env: process.env })
  const ok = result.status === 0
  process.stdout.write(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`)
  return ok
}

function check(name, args, viaNpx = true) {
  if (step(name, args, viaNpx)) passed++
  else {
    failed++
    failures.push(name)
  }
}

function vitest(name, projects) {
  const report = join(outDir, `${name}.json`)
  rmSync(report, { force: true })
  const projectArgs = projects.flatMap((p) => ['--project', p])
  step(`vitest ${name}`, ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`])
  if (!existsSync(report)) {
    failed++
    failures.push(`vitest ${name}: no report`)
    return
  }
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed += json.numPassedTests
  failed += json.numFailedTests
  if (json.numFailedTests > 0) failures.push(`vitest ${name}: ${json.numFailedTests} failed`)
  // A file that crashed before running any test has no assertion results but is failed.
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed++
      failures.push(`vitest ${name}: ${file.name} did not load`)
    }
  }
  if (json.numTotalTests === 0) {
    failed++
    failures.push(`vitest ${name}: no tests ran`)
  }
}

check('lint', ['eslint', '.'])
// Formatting stays true: `npm run format` on a fresh clone must leave the tree clean.
check('format', ['prettier', '--check', '.'])
check('typecheck:node', ['tsc', '--noEmit', '-p', 'tsconfig.node.json', '--composite', 'false'])
check('typecheck:web', ['vue-tsc', '--noEmit', '-p', 'tsconfig.web.json', '--composite', 'false'])
check('typecheck:test', ['vue-tsc', '--noEmit', '-p', 'tsconfig.test.json', '--composite', 'false'])
check('build', ['electron-vite', 'build'])
// CI (.ci/run) also names the oldest Node package.json allows: one headless sign-in and search on it,
// with the built entries (its SQLite may lack FTS5: search then scans, and must still work).
if (process.env.QQ_OLDEST_NODE)
  check(`headless smoke on the oldest Node`, [process.env.QQ_OLDEST_NODE, join(root, 'scripts', 'headless-smoke.mjs')], false)
vitest('unit', ['node', 'renderer'])
vitest('e2e', ['e2e'])

if (failures.length) process.stdout.write(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`)
// What the README's "several minutes" means on this machine (CI prints it in every run).
const seconds = Math.round((Date.now() - startedAt) / 1000)
process.stdout.write(`\nnpm test took ${Math.floor(seconds / 60)} min ${seconds % 60} s\n`)
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
