/**
 * The repository: the nearest folder above `from` with a package.json. Test helpers use this instead of a
 * fixed '../..' because the benches bundle them too, into out/bench/ or, when two benches share one,
 * into out/bench/assets/.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}
