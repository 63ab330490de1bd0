/**
 * Standalone simulator: `npm run simulator -- --port 8080 [--era ...] [--scenario ...] [--seed N]
 * [--hold-ms N]`; `--help` for the list. Prints the URL when listening; Ctrl-C closes.
 * Exit codes: 0 after --help or a clean stop, 2 for bad arguments, 1 when it cannot start.
 * An entry point: main() runs on import.
 */
import { parseCli } from './cli-args'
import { startSimulator } from './index'

async function main(): Promise<void> {
  const cmd = parseCli(process.argv.slice(2))
  if (cmd.kind === 'help') {
    process.stdout.write(cmd.text)
    return
  }
  if (cmd.kind === 'error') {
    process.stderr.write(`${cmd.message}\n`)
    return process.exit(cmd.exitCode)
  }
  const sim = await startSimulator(cmd.options)
  process.stdout.write(`${sim.url}\n`)
  const stop = (): void => {
    void sim.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`simulator: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
