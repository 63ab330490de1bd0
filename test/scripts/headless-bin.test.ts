/**
 * Programs get JSON lines on stdout with nothing around them from `npx qq-headless …` (package.json's
 * bin: npm prints no banner for a bin) and from `node out/main/headless.js`; `npm run headless` stays a
 * command for people, whose npm banner on stdout is fine. The repository has no .npmrc forcing npm into
 * json mode (which turned every npm summary and error into JSON).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempProfile } from '../main/engine/harness'

const root = resolve(import.meta.dirname, '../..')

/** Without inherited npm_* settings (this suite may run under `npm test`): only the repository decides. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v
  return env
}

/** Runs a headless command against a refused port until server-unreachable, then quits; returns stdout lines. */
async function runUntilUnreachable(command: string, args: string[]): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const p = tempProfile()
  try {
    const proc = spawn(command, [...args, '--server', 'http://127.0.0.1:9', '--profile', p.dir], { cwd: root, env: cleanEnv() })
    let out = ''
    let err = ''
    proc.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c
      if (out.includes('server-unreachable')) proc.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n')
    })
    proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c))
    const code = await new Promise<number | null>((r) => proc.on('exit', (c) => r(c)))
    return { code, lines: out.split('\n').filter((l) => l.trim() !== ''), stderr: err }
  } finally {
    p.cleanup()
  }
}

describe('headless entries for programs', () => {
  beforeAll(() => {
    // run-built builds out/ when it is missing or older than src/ (build output on stderr).
    const built = spawnSync(process.execPath, [resolve(root, 'scripts/run-built.mjs'), 'headless', '--help'], { cwd: root, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
  }, 120_000)

  it('package.json has the qq-headless bin, and no .npmrc puts npm in json mode', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }
    expect(pkg.bin).toEqual({ 'qq-headless': 'scripts/qq-headless.mjs' })
    expect(existsSync(resolve(root, '.npmrc')) && /json\s*=\s*true/.test(readFileSync(resolve(root, '.npmrc'), 'utf8'))).toBe(false)
  })

  for (const [name, command, args] of [
    ['npx qq-headless', 'npx', ['qq-headless']],
    ['node out/main/headless.js', process.execPath, [resolve(root, 'out/main/headless.js')]]
  ] as const) {
    it(`${name}: stdout is nothing but JSON objects`, async () => {
      const r = await runUntilUnreachable(command, [...args])
      expect(r.code, r.stderr.slice(-2000)).toBe(0)
      expect(r.lines.length).toBeGreaterThan(0)
      for (const line of r.lines) expect(() => JSON.parse(line), `stdout line: ${line}`).not.toThrow()
      expect(r.lines.some((l) => l.includes('"server-unreachable"'))).toBe(true)
      expect(r.lines.at(-1)).toBe('{"type":"quit"}')
    }, 120_000)
  }

  it('npm run headless is for people: the JSON lines come after npm’s own banner', async () => {
    const r = await runUntilUnreachable('npm', ['run', 'headless', '--'])
    expect(r.code, r.stderr.slice(-2000)).toBe(0)
    expect(r.lines[0]).toMatch(/^> qq-desktop@/)
    expect(r.lines.some((l) => l.includes('"server-unreachable"'))).toBe(true)
  }, 120_000)
})
