/**
 * The house a new contributor finds their way in: "only shell/ and index.ts touch Electron" is
 * literally true of every file in src/main (not only where the lint rule looks), and src/main has no
 * import circles (a file that, through its imports, imports itself), type-only imports included.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const main = join(root, 'src/main')

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

const files = tsFiles(main)
const rel = (f: string): string => relative(main, f).replaceAll('\\', '/')

/** The relative imports and re-exports of a file, resolved to files (`./x` -> x.ts or x/index.ts). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = resolve(dirname(file), m[1]!)
    const found = [`${target}.ts`, join(target, 'index.ts'), target].find((c) => existsSync(c) && statSync(c).isFile())
    if (found) out.push(found)
  }
  return out
}

/** Every circle of `graph` (file -> the files it imports), each named by the path of its files. */
function circles(graph: Map<string, string[]> = new Map(files.map((f) => [f, localImports(f)]))): string[] {
  const found = new Set<string>()
  const done = new Set<string>()
  const stack: string[] = []
  const visit = (file: string): void => {
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      const at = stack.indexOf(next)
      if (at >= 0) found.add(stack.slice(at).map(rel).join(' -> '))
      else if (!done.has(next)) visit(next)
    }
    stack.pop()
    done.add(file)
  }
  for (const f of graph.keys()) if (!done.has(f)) visit(f)
  return [...found]
}

describe('src/main layout', () => {
  it('only shell/ and index.ts import electron or electron-store', () => {
    const importers = files.filter((f) => /from ['"]electron(-store)?['"]/.test(readFileSync(f, 'utf8'))).map(rel)
    expect(importers.length).toBeGreaterThan(5)
    expect(importers.filter((f) => f !== 'index.ts' && !f.startsWith('shell/'))).toEqual([])
  })

  it('has no import circles (outside store/, whose history <-> navigation circle is broken on its own branch)', () => {
    expect(circles().filter((c) => !/^store\/[^>]*( -> store\/[^>]*)*$/.test(c))).toEqual([])
  })

  it('the circle finder finds the circle this issue broke, and reads imports as the files have them', () => {
    const [d, f, m, n] = ['ipc/dispatcher.ts', 'ipc/failure-reason.ts', 'ipc/messenger-handlers.ts', 'ipc/not-signed-in.ts'].map((p) => join(main, p))
    expect(localImports(d!)).toContain(f)
    expect(localImports(f!)).toContain(n)
    expect(localImports(f!)).not.toContain(m)
    // As it was: failure-reason imported NotSignedInError from messenger-handlers, which imports the dispatcher's types.
    const before = new Map([
      [d!, [f!]],
      [f!, [m!]],
      [m!, [d!]]
    ])
    expect(circles(before)).toEqual(['ipc/dispatcher.ts -> ipc/failure-reason.ts -> ipc/messenger-handlers.ts'])
  })
})
