/** Command-line arguments of the headless mode. */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkServerUrl, serverUrlProblemText } from '../../shared/server-url'

export interface HeadlessArgs {
  /** One origin serving every SmartQQ host's paths; null = the real hosts. */
  server: string | null
  /** Profile folder (remembered session, history, QR image); created 0700. */
  profile: string
  /** Minimum ms between two sends. */
  sendIntervalMs: number | null
}

export const USAGE = 'usage: headless --profile <dir> [--server <url>] [--send-interval <ms>] [--help]'

export const HELP = `${USAGE}

The QQ Desktop engine without a window: JSON lines in (stdin), JSON lines out (stdout).

  --profile <dir>        folder for the remembered session, history and QR image (created, owner-only);
                         keep it outside the source tree, e.g. ~/.local/share/qq-headless
  --server <url>         one origin serving every SmartQQ host's paths (e.g. the simulator:
                         npm run simulator, then --server http://127.0.0.1:8080); without it the real
                         SmartQQ hosts are used, which were shut down in 2019
  --send-interval <ms>   minimum gap between two sends (default: the engine's pacing)
  --help, -h             this text

stdout carries only JSON objects, one per line; the QR and human logs go to stderr.
Commands and every answer are documented in README.md ("Headless mode").
Exit codes: 0 after {"cmd":"quit"} or the end of stdin, 2 for bad arguments, 3 when another process
uses the profile ("profile in use by process N"), 1 for a crash.
`

/** True when the arguments ask for the help text (checked before anything else is validated). */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h')
}

export function parseHeadlessArgs(argv: string[]): HeadlessArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        profile: { type: 'string' },
        'send-interval': { type: 'string' }
      },
      strict: true,
      allowPositionals: false
    })
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`)
  }
  const values = parsed.values
  if (!values.profile) throw new Error(`--profile is required\n${USAGE}`)
  let server: string | null = null
  if (values.server !== undefined) {
    const check = checkServerUrl(values.server)
    // The address itself is never repeated: it may carry a password (stdout and stderr end up in logs).
    if (!check.ok) throw new Error(`--server must be a URL like http://127.0.0.1:8080, but ${serverUrlProblemText(check.problem)}\n${USAGE}`)
    server = values.server
  }
  const interval = values['send-interval'] === undefined ? null : Number(values['send-interval'])
  if (interval !== null && !(Number.isFinite(interval) && interval >= 0)) throw new Error(`--send-interval must be a number of ms\n${USAGE}`)
  return { server, profile: resolve(values.profile), sendIntervalMs: interval }
}
