/**
 * Standalone simulator: `npm run simulator -- --port 8080 [--scenario quiet|lively|load]
 * [--era 2015|2017|2018] [--seed N] [--hold-ms N]`. Prints the URL when listening; Ctrl-C closes.
 * An entry point: main() runs on import.
 */
import { parseArgs } from 'node:util'
import * as v from 'valibot'
import { startSimulator } from './index'

const Args = v.object({
  port: v.optional(
    v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0), v.maxValue(65_535)),
    '8080'
  ),
  host: v.optional(v.string()),
  scenario: v.optional(v.picklist(['quiet', 'lively', 'load'])),
  era: v.optional(v.picklist(['2015', '2017', '2018'])),
  seed: v.optional(v.pipe(v.string(), v.toNumber(), v.integer())),
  'hold-ms': v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(0)))
})

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      era: { type: 'string' },
      seed: { type: 'string' },
      'hold-ms': { type: 'string' }
    },
    strict: true
  })
  const parsed = v.safeParse(Args, values)
  if (!parsed.success) {
    process.stderr.write(`simulator: bad arguments: ${v.summarize(parsed.issues)}\n`)
    process.exit(2)
  }
  const a = parsed.output
  const sim = await startSimulator({
    port: a.port,
    ...(a.host !== undefined && { host: a.host }),
    ...(a.scenario !== undefined && { scenario: a.scenario }),
    ...(a.era !== undefined && { era: a.era }),
    ...(a.seed !== undefined && { seed: a.seed }),
    ...(a['hold-ms'] !== undefined && { pollHoldMs: a['hold-ms'] })
  })
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
