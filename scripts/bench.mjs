#!/usr/bin/env node
// `npm run bench [-- filter]`: builds every bench/*.bench.ts for Node with vite (SSR build, deps external),
// runs each module's exported run() in its own child process (so RSS figures are not polluted by other
// benches), and prints one table. Figures are printed, never asserted: these machines are noisy.
import { readdirSync, mkdirSync } from 'node:fs'
import { join, resolve, basename } from 'node:path'
import { spawnSync } from 'node:child_process'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '..')
const benchDir = join(root, 'bench')
const outDir = join(root, 'out', 'bench')
const filter = process.argv[2] ?? ''

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort()
if (files.length === 0) {
  console.error(`no bench files match "${filter}"`)
  process.exit(1)
}

mkdirSync(outDir, { recursive: true })
await build({
  root,
  logLevel: 'warn',
  configFile: false,
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rolldownOptions: {
      input: Object.fromEntries(files.map((f) => [basename(f, '.ts'), join(benchDir, f)])),
      output: { format: 'esm', entryFileNames: '[name].mjs' },
      external: [/^node:/]
    }
  },
  ssr: { noExternal: [] }
})

const rows = []
for (const f of files) {
  const mod = join(outDir, basename(f, '.ts') + '.mjs')
  process.stderr.write(`running ${f} ...\n`)
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '-e',
      `import(${JSON.stringify('file://' + mod)}).then(async m => { const r = await m.run(); process.stdout.write('\\n@@BENCH@@' + JSON.stringify(r) + '\\n') }).catch(e => { console.error(e); process.exit(1) })`
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('@@BENCH@@'))
  if (child.status !== 0 || !line) {
    rows.push({ bench: f, name: 'FAILED', value: NaN, unit: '', target: '' })
    continue
  }
  for (const r of JSON.parse(line.slice('@@BENCH@@'.length))) rows.push({ bench: f, ...r })
}

const fmt = (v) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : 'n/a')
const table = rows.map((r) => [r.bench.replace('.bench.ts', ''), r.name, `${fmt(r.value)} ${r.unit}`, r.target ?? ''])
const head = ['bench', 'figure', 'value', 'target']
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)))
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
console.log(line(head))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const t of table) console.log(line(t))
if (rows.some((r) => r.name === 'FAILED')) process.exit(1)
