/**
 * Entry point of the headless JSON-lines mode (built to out/main/headless.js; `npm run headless`).
 * Runs main() on import. Exit codes: 0 after quit / end of stdin, 2 for bad arguments, 1 for a crash.
 */
import { parseHeadlessArgs } from './args'
import { runHeadless } from './run'

async function main(): Promise<number> {
  let args
  try {
    args = parseHeadlessArgs(process.argv.slice(2))
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    return 2
  }
  return runHeadless(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`headless crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  }
)
