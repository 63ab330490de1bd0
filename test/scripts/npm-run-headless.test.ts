/**
 * `npm run headless` exactly as a person or a bot types it (no `--silent`): stdout carries JSON
 * lines only. npm writes its `> qq-desktop@… headless` banner to stdout unless the repository's
 * .npmrc puts it in json mode, which sends the banner to stderr. The child gets an environment
 * without any inherited `npm_config_*` (this suite itself may run under `npm test`, whose settings
 * would otherwise leak in), so only the repository's own .npmrc decides.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempProfile } from '../main/engine/harness'

const root = resolve(import.meta.dirname, '../..')

function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v
  return env
}

describe('npm run headless (no --silent)', () => {
  it('writes nothing but JSON objects on stdout; npm banner goes to stderr', async () => {
    const p = tempProfile()
    try {
      // Port 9 on loopback refuses at once: the engine answers server-unreachable as a JSON line.
      const proc = spawn('npm', ['run', 'headless', '--', '--server', 'http://127.0.0.1:9', '--profile', p.dir], {
        cwd: root,
        env: npmEnv(),
        stdio: ['pipe', 'pipe', 'pipe']
      })
      let out = ''
      let err = ''
      proc.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c
        if (out.includes('server-unreachable')) proc.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n')
      })
      proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c))
      const code = await new Promise<number | null>((r) => proc.on('exit', (c) => r(c)))
      expect(code, err.slice(-2000)).toBe(0)
      const lines = out.split('\n').filter((l) => l.trim() !== '')
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(() => JSON.parse(line), `stdout line: ${line}`).not.toThrow()
      expect(lines.some((l) => l.includes('"server-unreachable"'))).toBe(true)
      // The banner was not swallowed, it moved: a person at a terminal still sees what ran.
      expect(err).toContain('> qq-desktop@')
    } finally {
      p.cleanup()
    }
  }, 120_000)
})
