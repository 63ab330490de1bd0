/**
 * README.md and docs/ must not lie: every headless line type the code emits and every command it
 * accepts is documented in docs/headless.md, every npm script the README names exists (and every script
 * is listed), every file path they name under scripts/, examples/, build/, docs/ and test/ exists, the
 * README links every docs page, and its tables fit 100 columns.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const headlessDoc = readFileSync(join(root, 'docs/headless.md'), 'utf8')
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'))
const headlessDir = join(root, 'src/main/headless')
const headlessSources = readdirSync(headlessDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(headlessDir, f), 'utf8'))
  .join('\n')

describe('README tells the truth', () => {
  it('documents every line type the headless mode writes', () => {
    const emitted = new Set([...headlessSources.matchAll(/\btype: '([a-z-]+)'/g)].map((m) => m[1]!))
    // Schema and argument-parser fields also use `type:`; keep the JSON line types only.
    for (const notALine of ['string', 'boolean', 'text', 'face', 'image']) emitted.delete(notALine)
    expect(emitted.size).toBeGreaterThan(10)
    for (const type of emitted) expect([type, headlessDoc.includes(`"type":"${type}"`)]).toEqual([type, true])
  })

  it('documents every headless command', () => {
    const commands = [...readFileSync(join(headlessDir, 'commands.ts'), 'utf8').matchAll(/cmd: v\.literal\('([a-z-]+)'\)/g)].map((m) => m[1]!)
    expect(commands.length).toBeGreaterThan(10)
    for (const cmd of commands) expect([cmd, headlessDoc.includes(`"cmd":"${cmd}"`)]).toEqual([cmd, true])
  })

  it('names only npm scripts that exist, and lists every script', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)
    const named = new Set([...readme.matchAll(/npm run (?:--silent )?([a-z][a-z:-]*)/g)].map((m) => m[1]!))
    for (const s of named) expect([s, scripts.includes(s)]).toEqual([s, true])
    for (const s of scripts.filter((s) => !s.startsWith('typecheck:'))) expect([s, new RegExp(`\\| \`${s}\` +\\|`).test(readme)]).toEqual([s, true]) // Prettier pads table cells
  })

  it('names only files that exist under scripts/, examples/, build/, docs/ and test/', () => {
    for (const [name, text] of [['README.md', readme], ...docs.map((d) => [`docs/${d}`, readFileSync(join(root, 'docs', d), 'utf8')])]) {
      const paths = new Set([...text!.matchAll(/`((?:scripts|examples|build|docs|test)\/[A-Za-z0-9_./-]+\.[a-z]+)`/g)].map((m) => m[1]!))
      for (const p of paths) expect([name, p, existsSync(join(root, p))]).toEqual([name, p, true])
    }
    const images = [...readme.matchAll(/(?:\]\(|\]: )(docs\/screenshots\/[^)\s]+)/g)].map((m) => m[1]!)
    expect(images.length).toBeGreaterThanOrEqual(9)
    for (const image of images) expect([image, existsSync(join(root, image))]).toEqual([image, true])
  })

  it('links every docs page from the README, and its tables fit 100 columns', () => {
    for (const page of docs) expect([page, readme.includes(`](docs/${page})`)]).toEqual([page, true])
    const wide = readme.split('\n').filter((l) => /^\s*\|/.test(l) && [...l].length > 100)
    expect(wide).toEqual([])
  })

  it('keeps "Try it" on one screen (at most 40 lines) and names the Node it needs and how to get it', () => {
    const tryIt = readme.slice(readme.indexOf('## Try it'), readme.indexOf('\n## ', readme.indexOf('## Try it') + 1))
    expect(tryIt.split('\n').length).toBeLessThanOrEqual(40)
    expect(tryIt).toContain('Node.js 22.13 or newer')
    expect(tryIt).toContain('npm install --prefix ~/.cache/qq-node-22 node@22')
    // The Node step comes before npm install.
    expect(tryIt.indexOf('node@22')).toBeLessThan(tryIt.indexOf('npm install  '))
  })
})
