/**
 * Entry point of the headless JSON-lines mode (built to out/main/headless.js; `npm run headless`).
 * Runs main() on import. Exit codes: 0 after quit / end of stdin, 2 for bad arguments, 3 for a profile in
 * use by another process, 1 for a crash.
 */
// First, before anything loads node:sqlite: silence its one ExperimentalWarning on stderr.
// Before anything else: an older Node gets a sentence, not a node:sqlite crash.
import '../node-version'
import '../quiet-sqlite-warning'
import { HELP, parseHeadlessArgs, wantsHelp } from './args'
import { enableCompileCache } from 'node:module'

// Start-up is mostly Node compiling the modules of got, tough-cookie, valibot and the rest: keep the compiled
// code on disk (Node's own cache in the temp folder), so every start after the first skips that work.
enableCompileCache()

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  if (wantsHelp(argv)) {
    process.stdout.write(HELP)
    return 0
  }
  let args
  try {
    args = parseHeadlessArgs(argv)
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    return 2
  }
  // Loaded dynamically so the store (node:sqlite) is evaluated after the warning filter above,
  // whatever order the bundler gives static imports.
  const { runHeadless } = await import('./run')
  return runHeadless(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`headless crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  }
)
