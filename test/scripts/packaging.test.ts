/**
 * Packaging, checked where it can be without downloading Electron: electron-builder's `--linux dir` with
 * a stand-in Electron distribution (electronDist: a folder holding a placeholder `electron` binary;
 * electronVersion from package.json), then the packed app.asar is listed with @electron/asar. It holds
 * the built main, preload and renderer (with every renderer asset), the tray images, package.json, and
 * exactly the closure of the production dependencies from package-lock.json (type declarations left
 * out): nothing from devDependencies, no source maps, no sources, no tests.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>
}

/** `name@version` of each package npm installed for the production dependencies (Node's resolution). */
function productionClosure(): Set<string> {
  const found = new Set<string>()
  const visit = (from: string, name: string): void => {
    // Node's lookup: from/node_modules/name, then each parent's node_modules, then the top.
    for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`
      const entry = lock.packages[candidate]
      if (entry) {
        if (found.has(candidate)) return
        found.add(candidate)
        for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(candidate, dep)
        return
      }
      if (dir === '') return
    }
  }
  for (const name of Object.keys(pkg.dependencies)) visit('', name)
  const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
  return new Set([...found].map((path) => `${nameOf(path)}@${lock.packages[path]!.version}`))
}

/**
 * `name@version` of each package folder in the asar (node_modules/x, node_modules/@s/x, nested): the
 * builder may place a duplicate at another depth than npm did, so packages are compared, not paths.
 */
function packedModules(archive: string, files: string[]): Set<string> {
  return new Set(
    files
      .map((f) => f.replace(/^\//, ''))
      .filter((f) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(f))
      .map((f) => {
        const meta = JSON.parse(extractFile(archive, f).toString('utf8')) as { name: string; version: string }
        return `${meta.name}@${meta.version}`
      })
  )
}

let work = ''
let files: string[] = []
let unpacked = ''
let archive = ''

beforeAll(() => {
  // The built app: npm test builds before the unit tests; a standalone run builds when out/ is missing.
  if (!['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((f) => existsSync(join(root, f)))) {
    const built = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' })
    expect(built.status, built.stderr).toBe(0)
  }
  work = mkdtempSync(join(tmpdir(), 'qq-pack-'))
  const electronDist = join(work, 'electron-dist')
  mkdirSync(electronDist)
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "a stand-in for the Electron binary"\n')
  chmodSync(join(electronDist, 'electron'), 0o755)
  const r = spawnSync(
    npx,
    [
      'electron-builder',
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${pkg.devDependencies.electron}`,
      `-c.directories.output=${join(work, 'dist')}`
    ],
    // Never a download: a stray electron require must fail, not fetch.
    { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 170_000 }
  )
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  unpacked = join(work, 'dist', 'linux-unpacked')
  archive = join(unpacked, 'resources', 'app.asar')
  files = listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'))
}, 180_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('packaged app (electron-builder --linux dir with a stand-in Electron)', () => {
  it('uses the stand-in binary under the product name, and packs one app.asar', () => {
    expect(readFileSync(join(unpacked, pkg.name), 'utf8')).toContain('a stand-in for the Electron binary')
    expect(readdirSync(join(unpacked, 'resources'))).toEqual(['app.asar'])
  })

  it('holds the built main, preload and renderer with every renderer asset, the tray images and package.json', () => {
    for (const f of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json', '/resources/icon.png'])
      expect(files, f).toContain(f)
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    const rendererAssets = walk(join(root, 'out/renderer')).map((f) => `/${relative(root, f).replaceAll('\\', '/')}`)
    expect(rendererAssets.length).toBeGreaterThan(3)
    for (const asset of rendererAssets.filter((f) => !f.endsWith('.map'))) expect(files, asset).toContain(asset)
    const tray = readdirSync(join(root, 'resources/tray')).filter((f) => f.endsWith('.png'))
    expect(tray.length).toBeGreaterThan(4)
    for (const image of tray) expect(files, image).toContain(`/resources/tray/${image}`)
  })

  it('holds exactly the closure of the production dependencies: no devDependencies, no @types', () => {
    const expected = [...productionClosure()].filter((m) => !m.startsWith('@types/')).sort()
    expect(expected).toContain(`got@${pkg.dependencies.got}`)
    expect(expected.length).toBeGreaterThan(20)
    expect([...packedModules(archive, files)].sort()).toEqual(expected)
    for (const dev of Object.keys(pkg.devDependencies))
      expect(
        files.some((f) => f.startsWith(`/node_modules/${dev}/`)),
        dev
      ).toBe(false)
  })

  it('ships no source maps, sources, tests or test builds', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
    expect(files.filter((f) => /^\/(src|test|bench|examples|docs|scripts|build|out\/test-headless)\//.test(f))).toEqual([])
    expect(files.filter((f) => !f.startsWith('/node_modules/') && /\.(ts|vue)$/.test(f))).toEqual([])
  })
})
