/**
 * The simulator command's arguments, parsed without side effects so they can be tested:
 * `--help` prints the usage (exit 0); an unknown option or a bad value is a one-line message (exit 2).
 */
import { parseArgs } from 'node:util'
import * as v from 'valibot'
import { ERAS } from './eras'
import type { SimulatorOptions } from './types'

export const DEFAULT_PORT = 8080

export const USAGE = `Usage: npm run simulator -- [options]

A SmartQQ/WebQQ protocol simulator on loopback: the demo and test server of this project.
Prints its URL on stdout once listening; Ctrl-C (or SIGTERM) stops it.

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host H          address to listen on (default 127.0.0.1)
  --era E           ${ERAS.join(' | ')} (default 2017): the service as it behaved then
  --scenario S      quiet | lively | load (default quiet)
  --seed N          fixes the account and the send luck (default 1)
  --hold-ms N       how long an empty poll2 is held, in ms (default 60000)
  --register-on-online-buddies on|off
                    poll2 answers 103 until get_online_buddies2 was called (default: the era's;
                    on from 2016, which did it to some accounts only: off is such a lucky account)
  --help            show this help

Admin API on the same origin (loopback only): /__sim/scan, /__sim/push, /__sim/state,
/__sim/refusals, ... (see docs/simulator.md).
`

const Args = v.object({
  port: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(65_535)), String(DEFAULT_PORT)),
  host: v.optional(v.string()),
  scenario: v.optional(v.picklist(['quiet', 'lively', 'load'])),
  era: v.optional(v.picklist(ERAS)),
  seed: v.optional(v.pipe(v.string(), v.toNumber(), v.integer())),
  'hold-ms': v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0))),
  'register-on-online-buddies': v.optional(v.picklist(['on', 'off']))
})

export type CliCommand = { kind: 'help'; text: string } | { kind: 'error'; message: string; exitCode: 2 } | { kind: 'run'; options: SimulatorOptions }

export function parseCli(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        scenario: { type: 'string' },
        era: { type: 'string' },
        seed: { type: 'string' },
        'hold-ms': { type: 'string' },
        'register-on-online-buddies': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      strict: true,
      allowPositionals: false
    }))
  } catch (e) {
    // node:util's messages are one sentence already ("Unknown option '--x'. ...").
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!
    return { kind: 'error', message: `simulator: ${first} (try --help)`, exitCode: 2 }
  }
  if (values.help === true) return { kind: 'help', text: USAGE }
  const { help: _help, ...rest } = values
  const parsed = v.safeParse(Args, rest)
  if (!parsed.success)
    return {
      kind: 'error',
      message: `simulator: bad arguments: ${describe(parsed.issues)} (try --help)`,
      exitCode: 2
    }
  const a = parsed.output
  return {
    kind: 'run',
    options: {
      port: a.port,
      ...(a.host !== undefined && { host: a.host }),
      ...(a.scenario !== undefined && { scenario: a.scenario }),
      ...(a.era !== undefined && { era: a.era }),
      ...(a.seed !== undefined && { seed: a.seed }),
      ...(a['hold-ms'] !== undefined && { pollHoldMs: a['hold-ms'] }),
      ...(a['register-on-online-buddies'] !== undefined && { registerOnOnlineBuddies: a['register-on-online-buddies'] === 'on' })
    }
  }
}

/** `--era: Invalid type: ...` on one line, naming the option. */
function describe(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .map((i) => {
      const key = i.path?.map((p) => String(p.key)).join('.')
      return key ? `--${key}: ${i.message}` : i.message
    })
    .join('; ')
}
