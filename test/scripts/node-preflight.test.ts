import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const script = resolve(import.meta.dirname, '../../scripts/check-node.cjs')
const { checkNodeVersion } = require(script) as { checkNodeVersion(version: string): string | null }

describe('Node version preflight (scripts/check-node.cjs)', () => {
  it('refuses Node 20 with the sentence the README promises', () => {
    expect(checkNodeVersion('v20.11.1')).toBe('Node 22 or newer is needed (you have 20.11.1); see README')
    expect(checkNodeVersion('18.0.0')).toBe('Node 22 or newer is needed (you have 18.0.0); see README')
    expect(checkNodeVersion('v12.22.12')).toMatch(/^Node 22 or newer is needed \(you have 12\.22\.12\)/)
  })

  it('refuses a Node 22 older than the 22.12 the dependencies need', () => {
    expect(checkNodeVersion('v22.4.0')).toBe('Node 22.12 or newer is needed (you have 22.4.0); see README')
  })

  it('accepts 22.12 and newer', () => {
    expect(checkNodeVersion('v22.12.0')).toBeNull()
    expect(checkNodeVersion('22.23.3')).toBeNull()
    expect(checkNodeVersion('v24.1.0')).toBeNull()
  })

  it('says so instead of passing when the version cannot be read', () => {
    expect(checkNodeVersion('garbage')).toMatch(/Node 22 or newer is needed/)
  })

  it('passes on this Node and exits 0 when run as a script', () => {
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
  })

  it('uses no syntax newer than Node 12 can parse (no ?. ?? or class fields)', async () => {
    const { readFileSync } = await import('node:fs')
    const code = readFileSync(script, 'utf8').replace(/\/\/.*$/gm, '')
    expect(code).not.toMatch(/\?\.|\?\?|=>|\blet\b|\bconst\b/)
  })
})
