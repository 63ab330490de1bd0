/**
 * scripts/headless-smoke.mjs, which CI also runs on the oldest Node package.json allows (.ci/run,
 * QQ_OLDEST_NODE in scripts/test-all.mjs): on this Node it signs in through the built headless entry,
 * has a pushed message found by `search`, and says whether the full-text index was used.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

describe('headless smoke (sign-in and search with the built entries)', () => {
  it('signs in, finds the pushed message by search and exits 0', () => {
    // run-built builds out/ when it is missing or older than src/ (build output on stderr).
    const built = spawnSync(process.execPath, [resolve(root, 'scripts/run-built.mjs'), 'simulator', '--help'], { cwd: root, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
    const r = spawnSync(process.execPath, [resolve(root, 'scripts/headless-smoke.mjs')], { cwd: root, encoding: 'utf8', timeout: 90_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe(`ok: signed in and searched on Node ${process.versions.node} (full-text index)`)
  }, 120_000)
})
