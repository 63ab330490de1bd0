/**
 * README.md must not lie: every headless line type the code emits and every command it accepts is
 * documented, every npm script the README names exists (and every script is listed), and every file
 * path it names under scripts/, examples/, build/ and docs/ exists.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
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
    for (const type of emitted) expect([type, readme.includes(`"type":"${type}"`)]).toEqual([type, true])
  })

  it('documents every headless command', () => {
    const commands = [...readFileSync(join(headlessDir, 'commands.ts'), 'utf8').matchAll(/cmd: v\.literal\('([a-z-]+)'\)/g)].map((m) => m[1]!)
    expect(commands.length).toBeGreaterThan(10)
    for (const cmd of commands) expect([cmd, readme.includes(`"cmd":"${cmd}"`)]).toEqual([cmd, true])
  })

  it('names only npm scripts that exist, and lists every script', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)
    const named = new Set([...readme.matchAll(/npm run (?:--silent )?([a-z][a-z:-]*)/g)].map((m) => m[1]!))
    for (const s of named) expect([s, scripts.includes(s)]).toEqual([s, true])
    for (const s of scripts.filter((s) => !s.startsWith('typecheck:'))) expect([s, new RegExp(`\\| \`${s}\` +\\|`).test(readme)]).toEqual([s, true]) // Prettier pads table cells
  })

  it('names only files that exist under scripts/, examples/, build/, docs/ and test/', () => {
    const paths = new Set([...readme.matchAll(/`((?:scripts|examples|build|docs|test)\/[A-Za-z0-9_./-]+\.[a-z]+)`/g)].map((m) => m[1]!))
    expect(paths.size).toBeGreaterThan(5)
    for (const p of paths) expect([p, existsSync(join(root, p))]).toEqual([p, true])
    for (const image of [...readme.matchAll(/\]\((docs\/screenshots\/[^)]+)\)/g)].map((m) => m[1]!))
      expect([image, existsSync(join(root, image))]).toEqual([image, true])
  })
})
