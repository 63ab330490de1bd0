/**
 * The launch pre-step, against a fake electron package folder in a temp dir. Never downloads: the
 * "installer" is a fake script (QQ_ELECTRON_INSTALLER) that either fails like an offline download or
 * records that it ran.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const script = resolve(import.meta.dirname, '../../scripts/ensure-electron.mjs')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function fakeElectronPackage(): { dir: string; marker: string; failing: string; recording: string } {
  const root = mkdtempSync(join(tmpdir(), 'qq-electron-'))
  dirs.push(root)
  const dir = join(root, 'electron')
  mkdirSync(dir)
  const marker = join(root, 'installer-ran')
  const failing = join(root, 'failing-install.cjs')
  writeFileSync(
    failing,
    `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1)\n`
  )
  const recording = join(root, 'recording-install.cjs')
  writeFileSync(recording, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')\n`)
  return { dir, marker, failing, recording }
}

function run(dir: string, installer: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, QQ_ELECTRON_DIR: dir, QQ_ELECTRON_INSTALLER: installer }
  delete env.ELECTRON_OVERRIDE_DIST_PATH
  return spawnSync(process.execPath, [script], { encoding: 'utf8', env })
}

describe('launch pre-step (scripts/ensure-electron.mjs)', () => {
  it('without path.txt runs the installer, and when the download fails prints one clear paragraph and exits 1', () => {
    const pkg = fakeElectronPackage()
    const r = run(pkg.dir, pkg.failing)
    expect(existsSync(pkg.marker)).toBe(true) // the installer was tried
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    const paragraph = r.stderr.trim().split('\n').at(-1) ?? ''
    expect(paragraph).toMatch(/^Could not download the Electron binary into /)
    expect(paragraph).toContain("Electron's installer said: RequestError: getaddrinfo ENOTFOUND github.com.")
    expect(paragraph).toContain('ELECTRON_MIRROR')
    expect(paragraph).toContain('HTTPS_PROXY')
    expect(paragraph).toContain('npm run demo:headless')
    expect(paragraph).toMatch(/headless/)
    expect(paragraph).toMatch(/simulator/)
  })

  it('an installer that exits 0 without producing the binary still counts as a failure', () => {
    const pkg = fakeElectronPackage()
    const r = run(pkg.dir, pkg.recording)
    expect(existsSync(pkg.marker)).toBe(true)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('Could not download the Electron binary')
  })

  it('with path.txt and the binary present runs nothing and exits 0', () => {
    const pkg = fakeElectronPackage()
    writeFileSync(join(pkg.dir, 'path.txt'), 'electron')
    mkdirSync(join(pkg.dir, 'dist'))
    writeFileSync(join(pkg.dir, 'dist', 'electron'), '#!/bin/sh\n')
    chmodSync(join(pkg.dir, 'dist', 'electron'), 0o755)
    const r = run(pkg.dir, pkg.failing)
    expect(r.status).toBe(0)
    expect(existsSync(pkg.marker)).toBe(false) // no installer, no download
    expect(r.stderr).toBe('')
  })

  it("with Electron's real installer and ELECTRON_MIRROR at a closed loopback port: the download fails, one paragraph, exit 1", () => {
    const pkg = fakeElectronPackage()
    const cache = mkdtempSync(join(tmpdir(), 'qq-electron-cache-')) // never reuse a cached zip
    dirs.push(cache)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      QQ_ELECTRON_DIR: pkg.dir,
      QQ_ELECTRON_INSTALLER: resolve(import.meta.dirname, '../../node_modules/electron/install.js'),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/', // the discard port: nothing listens, refused at once
      electron_config_cache: cache,
      force_no_cache: 'true'
    }
    delete env.ELECTRON_OVERRIDE_DIST_PATH
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env, timeout: 60_000 })
    expect(r.status).toBe(1)
    // Only the helpful paragraph: no error class with its stack frames.
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^The Electron binary is missing; downloading it once/)
    expect(r.stderr).not.toMatch(/^\s+at /m)
    expect(lines[1]).toMatch(/^Could not download the Electron binary into .*Electron's installer said: TypeError: fetch failed\./)
    // It was set: say it was tried, do not advise setting it.
    expect(lines[1]).toContain('It was tried through the mirror you set (ELECTRON_MIRROR=http://127.0.0.1:9/)')
    expect(lines[1]).not.toContain('To retry through a mirror, set ELECTRON_MIRROR')
    expect(r.stderr).toContain('npm run demo:headless')
  }, 70_000)

  it('with path.txt naming a binary that is gone runs the installer again', () => {
    const pkg = fakeElectronPackage()
    writeFileSync(join(pkg.dir, 'path.txt'), 'electron')
    const r = run(pkg.dir, pkg.failing)
    expect(existsSync(pkg.marker)).toBe(true)
    expect(r.status).toBe(1)
  })
})
