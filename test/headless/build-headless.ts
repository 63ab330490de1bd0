/**
 * Builds the headless entry (src/main/headless/cli.ts) for Node with vite's build API into
 * out/test-headless/headless.mjs, unless that file is newer than every source file it depends on.
 * Deps stay external and resolve from the repo's node_modules (the output lives inside the repo).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { repositoryRoot } from '../repository-root'

const root = repositoryRoot(import.meta.dirname)
export const HEADLESS_JS = join(root, 'out', 'test-headless', 'headless.mjs')

function newestMtime(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

export async function buildHeadless(): Promise<string> {
  const sources = Math.max(newestMtime(join(root, 'src', 'main')), newestMtime(join(root, 'src', 'shared')))
  if (existsSync(HEADLESS_JS) && statSync(HEADLESS_JS).mtimeMs > sources) return HEADLESS_JS
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      ssr: join(root, 'src', 'main', 'headless', 'cli.ts'),
      outDir: join(root, 'out', 'test-headless'),
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rolldownOptions: { output: { format: 'esm', entryFileNames: 'headless.mjs' }, external: [/^node:/] }
    }
  })
  return HEADLESS_JS
}
