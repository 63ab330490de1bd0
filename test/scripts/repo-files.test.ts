/** Files a fresh clone relies on: the profile folder stays out of git, the LICENSE matches package.json. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

describe('repository files', () => {
  it('a headless profile at ./profile is ignored by git (session, history, QR), a source folder named profile is not', () => {
    const ignored = (path: string): boolean => spawnSync('git', ['check-ignore', '-q', path], { cwd: root }).status === 0
    for (const p of ['profile/session-123.json', 'profile/session-last.json', 'profile/history-123.sqlite', 'profile/qr.png'])
      expect([p, ignored(p)]).toEqual([p, true])
    expect(ignored('src/renderer/src/components/profile/Card.vue')).toBe(false)
    expect(ignored('README.md')).toBe(false)
  })

  it('LICENSE is the MIT licence package.json names', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { license: string }
    expect(pkg.license).toBe('MIT')
    const license = readFileSync(resolve(root, 'LICENSE'), 'utf8')
    expect(license.split('\n')[0]).toBe('MIT License')
    expect(license).toContain('Permission is hereby granted, free of charge')
  })
})
