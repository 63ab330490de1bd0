/** `--server` goes through the one server-address check; a refused address is never echoed (issue 15 rows 6 and 12). */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { buildHeadless } from './build-headless'

describe('headless --server', () => {
  it.each([
    ['http://user:password@127.0.0.1:8080', 'must not contain a user name or password'],
    ['http://127.0.0.1:65536', 'port must be a number from 1 to 65535'],
    ['http://127.0.0.1:8080/%00', 'control characters'],
    ['http://[/', 'not a valid URL'],
    ['ftp://127.0.0.1', 'must start with http:// or https://']
  ])('%s exits 2 with a sentence, and the address appears on neither stream', async (server, why) => {
    const script = await buildHeadless()
    const r = spawnSync(process.execPath, [script, '--profile', '/tmp/qq-never-used', '--server', server], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^--server must be a URL like http:\/\/127\.0\.0\.1:8080, but it/)
    expect(r.stderr).toContain(why)
    expect(r.stderr).not.toContain(server)
    expect(r.stderr).not.toContain('password@')
  })
})
