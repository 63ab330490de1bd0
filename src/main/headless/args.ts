/** Command-line arguments of the headless mode. */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface HeadlessArgs {
  /** One origin serving every SmartQQ host's paths; null = the real hosts. */
  server: string | null
  /** Profile folder (remembered session, history, QR image); created 0700. */
  profile: string
  /** Minimum ms between two sends. */
  sendIntervalMs: number | null
}

export const USAGE = 'usage: headless --profile <dir> [--server <url>] [--send-interval <ms>]'

export function parseHeadlessArgs(argv: string[]): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      profile: { type: 'string' },
      'send-interval': { type: 'string' }
    },
    strict: true,
    allowPositionals: false
  })
  if (!values.profile) throw new Error(`--profile is required\n${USAGE}`)
  if (values.server !== undefined) new URL(values.server) // throws a clear TypeError on a bad URL
  const interval = values['send-interval'] === undefined ? null : Number(values['send-interval'])
  if (interval !== null && !(Number.isFinite(interval) && interval >= 0)) throw new Error(`--send-interval must be a number of ms\n${USAGE}`)
  return { server: values.server ?? null, profile: resolve(values.profile), sendIntervalMs: interval }
}
