/**
 * The About dialog's licence list: generated from node_modules by scripts/third-party-licenses.mjs and
 * checked in. This fails when the dependencies changed and the file was not regenerated
 * (`node scripts/third-party-licenses.mjs`), so what ships and what About lists never drift apart.
 */
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs build script, no types
import { OUTPUT, bareImports, collectLicences, render } from '../../scripts/third-party-licenses.mjs'

const root = resolve(import.meta.dirname, '../..')

interface Licences {
  app: { name: string; version: string; license: string; homepage: string | null }
  packages: Array<{ name: string; version: string; license: string; text: string | null }>
}

describe('third-party licences', () => {
  const checkedIn = readFileSync(resolve(root, OUTPUT as string), 'utf8')

  it('the checked-in file is what the script makes from node_modules now', () => {
    expect(checkedIn).toBe((render as (root: string) => string)(root))
  })

  it('lists the production dependencies and the bundled renderer libraries with their licence texts, not the dev tools', () => {
    const { app, packages } = (collectLicences as (root: string) => Licences)(root)
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> }
    expect(app).toMatchObject({ name: 'QQ Desktop', version: pkg.version, license: 'MIT' })
    const names = new Set(packages.map((p) => p.name))
    for (const shipped of [
      ...Object.keys(pkg.dependencies),
      'vue',
      'pinia',
      'vue-i18n',
      'reka-ui',
      '@tanstack/vue-virtual',
      'pinyin-pro',
      '@floating-ui/dom'
    ])
      expect([shipped, names.has(shipped)]).toEqual([shipped, true])
    for (const tool of ['electron', 'vitest', 'eslint', 'axe-core', 'playwright-core', 'electron-builder'])
      expect([tool, names.has(tool)]).toEqual([tool, false])
    const vue = packages.find((p) => p.name === 'vue')!
    expect(vue.license).toBe('MIT')
    expect(vue.text).toContain('Permission is hereby granted')
    expect(packages.find((p) => p.name === 'tough-cookie')!.license).toBe('BSD-3-Clause')
    // Most packages ship their licence file; the few that do not still name their licence.
    expect(packages.filter((p) => p.text === null).length).toBeLessThan(packages.length / 10)
    expect(packages.every((p) => p.license !== 'UNKNOWN')).toBe(true)
  })

  it('finds the renderer libraries from its imports', () => {
    const names = (bareImports as (dir: string) => Set<string>)(resolve(root, 'src/renderer/src'))
    expect([...names]).toEqual(expect.arrayContaining(['vue', 'pinia', 'reka-ui', '@tanstack/vue-virtual', 'pinyin-pro']))
    expect([...names].some((n) => n.startsWith('.') || n.startsWith('node:'))).toBe(false)
  })
})

describe('the page CSP', () => {
  it("allows exactly reka-ui's Select <style> by its hash (recomputed from the installed reka-ui)", () => {
    const source = readFileSync(resolve(root, 'node_modules/reka-ui/dist/Select/SelectViewport.js'), 'utf8')
    const style = /createTextVNode\("( \/\* Hide scrollbars[^"]*)"/.exec(source)?.[1]
    expect(style).toBeTruthy()
    const hash = createHash('sha256').update(style!).digest('base64')
    const html = readFileSync(resolve(root, 'src/renderer/index.html'), 'utf8')
    const styleSrc = /style-src ([^;]+);/.exec(html)![1]!.split(' ')
    expect(styleSrc).toEqual(["'self'", `'sha256-${hash}'`])
  })
})
