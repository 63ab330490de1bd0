/**
 * The installer configuration (electron-builder.yml) without packaging anything (that downloads
 * Electron): it passes electron-builder's own schema, names every target, ships the built out/ and
 * not the sources, tests or source maps, and every icon file it points at exists in the right format.
 */
import { matchesGlob } from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'app-builder-lib'

const root = resolve(import.meta.dirname, '../..')
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration & Record<string, unknown>

type TargetList = Array<{ target: string; arch?: string[] }>
const targets = (list: unknown): string[] => (list as TargetList).map((t) => t.target)

/** electron-builder's `files` semantics: included when a positive pattern matches and no later negation does. */
function ships(path: string): boolean {
  let included = false
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false
    } else if (matchesGlob(path, pattern)) included = true
  }
  return included
}

const noop = { add() {}, isEnabled: false } as unknown as Parameters<typeof validateConfiguration>[1]

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema (and the check can fail)", async () => {
    await expect(validateConfiguration(config, noop)).resolves.toBeUndefined()
    await expect(validateConfiguration({ ...config, bogusOption: true } as Configuration, noop)).rejects.toThrow(/bogusOption/)
  })

  it('names every target: Windows NSIS + portable, macOS dmg + zip, Linux AppImage + deb', () => {
    expect(targets(config.win?.target)).toEqual(['nsis', 'portable'])
    expect(targets(config.mac?.target)).toEqual(['dmg', 'zip'])
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(config.publish).toBeNull()
  })

  it('macOS: hardened runtime with an entitlements file in the repo, and no signing secrets in the config', () => {
    expect(config.mac?.hardenedRuntime).toBe(true)
    const plist = readFileSync(join(root, config.mac!.entitlements as string), 'utf8')
    expect(plist).toContain('<plist version="1.0">')
    expect(plist).toContain('com.apple.security.cs.allow-jit')
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    for (const key of ['cscLink', 'cscKeyPassword', 'certificatePassword', 'appleIdPassword'])
      expect(text).not.toMatch(new RegExp(`^\\s*${key}:`, 'm'))
  })

  it('Linux: a desktop entry with the messenger categories', () => {
    const entry = (config.linux?.desktop as { entry: Record<string, string> }).entry
    expect(entry.Categories).toBe('Network;InstantMessaging;Chat;')
    expect(entry.Name).toBe('QQ Desktop')
  })

  it('ships the built out/ and runtime resources, not sources, tests, maps or dev files', () => {
    for (const p of [
      'out/main/index.js',
      'out/main/chunks/engine-abc.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-x.js',
      'resources/icon.png',
      'resources/tray/tray-light-online.png',
      'package.json'
    ])
      expect([p, ships(p)]).toEqual([p, true])
    for (const p of [
      'src/main/index.ts',
      'src/renderer/src/App.vue',
      'test/headless/headless.test.ts',
      'out/main/index.js.map',
      'out/renderer/assets/index-x.js.map',
      'out/test-headless/headless.mjs',
      'out/bench/history.bench.mjs',
      'bench/history.bench.ts',
      'examples/bot.mjs',
      'scripts/make-icons.mjs',
      'docs/simulator.md',
      'test-results/e2e/login.png',
      'tsconfig.json',
      'README.md',
      '.ci/run'
    ])
      expect([p, ships(p)]).toEqual([p, false])
  })

  it('every icon it points at exists in the right format and size', () => {
    const ico = readFileSync(join(root, config.win!.icon as string))
    expect(ico.readUInt16LE(2)).toBe(1) // ICONDIR type: icon
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
    const icns = readFileSync(join(root, config.mac!.icon as string))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('ascii'))
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
    const pngSize = (file: string): number => readFileSync(file).readUInt32BE(16)
    expect(pngSize(join(root, 'build', 'icon.png'))).toBe(1024)
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(join(root, config.linux!.icon as string, `${size}x${size}.png`))).toBe(size)
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true)
    expect(existsSync(join(root, 'build', 'icon.svg'))).toBe(true)
  })
})
