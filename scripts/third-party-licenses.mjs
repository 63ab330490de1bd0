#!/usr/bin/env node
/**
 * The third-party licences of what ships, for the About dialog: the production dependencies
 * (installed beside the app by electron-builder) and the libraries vite bundles into the renderer
 * and shared code (found from their bare imports), each with everything it depends on at runtime.
 * Writes resources/third-party-licenses.json; test/scripts/third-party-licenses.test.ts fails when
 * the checked-in file no longer matches node_modules, so it is regenerated with the dependencies:
 *   node scripts/third-party-licenses.mjs
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const OUTPUT = 'resources/third-party-licenses.json'
/** Where the renderer's and shared code's imports are read from (vite bundles these into out/). */
const BUNDLED_SOURCES = ['src/renderer/src', 'src/shared']

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path)
    return /\.(ts|vue|mjs|js)$/.test(entry.name) ? [path] : []
  })
}

/** Package names imported by bare specifier (`vue`, `@tanstack/vue-virtual`, `import('pinyin-pro')`) under `dir`. */
export function bareImports(dir) {
  const names = new Set()
  for (const file of filesUnder(dir)) {
    // Static imports and dynamic import('x') (a library loaded when first needed ships all the same).
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\(\s*)'([^'.][^']*)'/g)) {
      const spec = match[1]
      if (spec.startsWith('node:')) continue
      const parts = spec.split('/')
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])
    }
  }
  return names
}

/** The package's folder as Node would resolve it from `from` (nested node_modules first). */
function packageDir(root, name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root || dir === dirname(dir)) return null
  }
}

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(name))
  return file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : null
}

function licenceName(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type).join(' OR ')
  return 'UNKNOWN'
}

/** Every shipped package (name, version, licence, text), sorted by name; the app itself excluded. */
export function collectLicences(root) {
  const app = readJson(join(root, 'package.json'))
  const roots = new Set(Object.keys(app.dependencies ?? {}))
  for (const dir of BUNDLED_SOURCES) for (const name of bareImports(join(root, dir))) roots.add(name)
  // Type-only packages and Electron itself (its licences ship with its own binary) are not ours to list.
  roots.delete('electron')
  const seen = new Map()
  const queue = [...roots].map((name) => ({ name, from: root }))
  while (queue.length > 0) {
    const { name, from } = queue.shift()
    const dir = packageDir(root, name, from)
    if (!dir || seen.has(dir)) continue
    const pkg = readJson(join(dir, 'package.json'))
    seen.set(dir, {
      name: pkg.name,
      version: pkg.version,
      license: licenceName(pkg),
      text: licenceText(dir)
    })
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) queue.push({ name: dep, from: dir })
  }
  const packages = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  return { app: { name: app.productName ?? app.name, version: app.version, license: app.license, homepage: app.homepage ?? null }, packages }
}

export function render(root) {
  return `${JSON.stringify(collectLicences(root), null, 1)}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const out = join(root, OUTPUT)
  writeFileSync(out, render(root))
  const { packages } = collectLicences(root)
  console.log(`${relative(root, out)}: ${packages.length} packages, ${packages.filter((p) => p.text === null).length} without a licence file`)
}
