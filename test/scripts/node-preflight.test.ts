import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildHeadless } from '../headless/build-headless'
import { nodeVersionProblem, MIN_NODE } from '../../src/main/node-version'
// @ts-expect-error plain JavaScript example file without type declarations
import { MIN_NODE as EXAMPLES_MIN_NODE } from '../../examples/qq-headless-client.mjs'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const script = resolve(root, 'scripts/check-node.cjs')
const { checkNodeVersion, MIN_VERSION } = require(script) as { checkNodeVersion(version: string): string | null; MIN_VERSION: string }
const read = (path: string): string => readFileSync(resolve(root, path), 'utf8')

const GET_IT = 'Get it without touching the system Node: npm install --prefix ~/.cache/qq-node-22 node@22'

describe('Node version preflight (scripts/check-node.cjs)', () => {
  it('refuses Node 20 and 18 with the sentence that says how to get Node 22', () => {
    expect(checkNodeVersion('v20.11.1')).toBe(
      `Node 22.13 or newer is needed (you have 20.11.1). ${GET_IT}, then put ~/.cache/qq-node-22/node_modules/.bin first on PATH (or: nvm install 22); see README, "Try it".`
    )
    expect(checkNodeVersion('18.0.0')).toMatch(/^Node 22\.13 or newer is needed \(you have 18\.0\.0\)/)
    expect(checkNodeVersion('v12.22.12')).toMatch(/^Node 22\.13 or newer is needed \(you have 12\.22\.12\)/)
  })

  it('refuses 22.12, measured not to work (node:sqlite needs a flag there)', () => {
    expect(checkNodeVersion('v22.12.0')).toMatch(/^Node 22\.13 or newer is needed \(you have 22\.12\.0\)/)
    expect(checkNodeVersion('v22.4.0')).toMatch(/^Node 22\.13 or newer is needed/)
  })

  it('accepts 22.13 (measured: signs in and searches, without FTS5) and newer', () => {
    expect(checkNodeVersion('v22.13.0')).toBeNull()
    expect(checkNodeVersion('22.23.3')).toBeNull()
    expect(checkNodeVersion('v24.1.0')).toBeNull()
  })

  it('says so instead of passing when the version cannot be read', () => {
    expect(checkNodeVersion('garbage')).toMatch(/Node 22\.13 or newer is needed/)
  })

  it('passes on this Node and exits 0 when run as a script', () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
  })

  it('uses no syntax newer than Node 12 can parse (no ?. ?? or class fields)', () => {
    const code = read('scripts/check-node.cjs').replace(/\/\/.*$/gm, '')
    expect(code).not.toMatch(/\?\.|\?\?|=>|\blet\b|\bconst\b/)
  })
})

describe('one minimum Node everywhere', () => {
  it('package.json engines and devEngines, check-node.cjs, the built entries, the examples, README and CI agree', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devEngines: { runtime: { version: string; onFail: string } } }
    expect(MIN_VERSION).toBe('22.13')
    expect(pkg.engines.node).toBe(`>=${MIN_VERSION}`)
    expect(pkg.devEngines.runtime).toMatchObject({ version: `>=${MIN_VERSION}`, onFail: 'error' })
    expect(`${MIN_NODE.major}.${MIN_NODE.minor}`).toBe(MIN_VERSION)
    expect((EXAMPLES_MIN_NODE as number[]).join('.')).toBe(MIN_VERSION)
    expect(read('README.md')).toContain(`Node.js ≥ ${MIN_VERSION}`)
    // CI installs exactly that oldest version for its headless smoke run.
    expect(read('.ci/run')).toMatch(new RegExp(`OLDEST_NODE_VERSION=${MIN_VERSION.replace('.', '\\.')}\\.\\d+`))
    // The TypeScript copy of the sentence is the script's.
    for (const v of ['20.11.1', '22.12.0', '22.13.0', 'garbage']) expect(nodeVersionProblem(v)).toBe(checkNodeVersion(v))
  })
})

describe('every entry checks Node first', () => {
  // QQ_CHECK_NODE_AS makes the check judge that version instead of this Node's.
  const asNode20 = { ...process.env, QQ_CHECK_NODE_AS: '20.11.1' }
  const sentence = /^Node 22\.13 or newer is needed \(you have 20\.11\.1\)/

  it('npm scripts, run-built, the bin, the headless entry, the examples and vitest print the sentence and exit 1', async () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    for (const name of [
      'preinstall',
      'start',
      'dev',
      'demo',
      'demo:headless',
      'test',
      'test:unit',
      'test:e2e',
      'headless',
      'simulator',
      'bench',
      'dist'
    ])
      expect(pkg.scripts[name], name).toMatch(/^node scripts\/check-node\.cjs && |^node scripts\/check-node\.cjs$/)
    const headless = await buildHeadless()
    const entries: string[][] = [
      [resolve(root, 'scripts/run-built.mjs'), 'headless', '--help'],
      [resolve(root, 'scripts/qq-headless.mjs'), '--help'],
      [headless, '--help'],
      [resolve(root, 'examples/bot.mjs'), '--demo'],
      [resolve(root, 'scripts/headless-smoke.mjs')],
      [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'node', 'test/shared']
    ]
    for (const args of entries) {
      const r = spawnSync(process.execPath, args, { cwd: root, env: asNode20, encoding: 'utf8', timeout: 60_000 })
      expect(r.status, args.join(' ')).toBe(1)
      expect(r.stderr, args.join(' ')).toMatch(sentence)
      expect(r.stdout, args.join(' ')).toBe('')
    }
    // The demo entry imports the same check before anything else.
    for (const file of ['src/main/headless/cli.ts', 'src/main/headless/demo-cli.ts'])
      expect(read(file).match(/^import .*$/m)?.[0], file).toBe("import '../node-version'")
  }, 120_000)
})
