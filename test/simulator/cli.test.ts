import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PORT, parseCli, USAGE } from '../../src/simulator/cli-args'

describe('simulator command line', () => {
  it('--help (or -h) shows the usage with the eras and the default port', () => {
    for (const flag of ['--help', '-h']) {
      const cmd = parseCli([flag])
      expect(cmd).toEqual({ kind: 'help', text: USAGE })
    }
    expect(USAGE).toContain(`default ${DEFAULT_PORT}`)
    expect(USAGE).toContain('2015 | 2016 | 2017 | 2017-late | 2018')
    expect(USAGE).toContain('/__sim/refusals')
  })

  it('an unknown option is a one-line message and exit code 2', () => {
    const cmd = parseCli(['--prot', '8080'])
    expect(cmd.kind).toBe('error')
    if (cmd.kind !== 'error') return
    expect(cmd.exitCode).toBe(2)
    expect(cmd.message).toMatch(/^simulator: .*--prot.*\(try --help\)$/)
    expect(cmd.message).not.toContain('\n')
  })

  it('a bad value names the option, exit code 2', () => {
    for (const [args, option] of [
      [['--era', '2019'], '--era'],
      [['--port', 'eighty'], '--port'],
      [['--port', '70000'], '--port'],
      [['--hold-ms', '-5'], '--hold-ms']
    ] as const) {
      const cmd = parseCli(args)
      expect(cmd.kind, args.join(' ')).toBe('error')
      if (cmd.kind === 'error') {
        expect(cmd.exitCode).toBe(2)
        expect(cmd.message).toContain(option)
        expect(cmd.message).not.toContain('\n')
      }
    }
  })

  it('defaults to port 8080 and passes every option through', () => {
    expect(parseCli([])).toEqual({ kind: 'run', options: { port: 8080 } })
    expect(parseCli(['--port=0', '--era', '2017-late', '--scenario', 'lively', '--seed', '9', '--hold-ms', '500', '--host', '::1'])).toEqual({
      kind: 'run',
      options: {
        port: 0,
        era: '2017-late',
        scenario: 'lively',
        seed: 9,
        pollHoldMs: 500,
        host: '::1'
      }
    })
  })

  it('--register-on-online-buddies on|off overrides the era, anything else is exit 2', () => {
    expect(parseCli(['--era', '2016', '--register-on-online-buddies', 'off'])).toEqual({
      kind: 'run',
      options: { port: 8080, era: '2016', registerOnOnlineBuddies: false }
    })
    expect(parseCli(['--register-on-online-buddies', 'on'])).toMatchObject({ options: { registerOnOnlineBuddies: true } })
    expect(parseCli(['--register-on-online-buddies', 'maybe'])).toMatchObject({ kind: 'error', exitCode: 2 })
    expect(USAGE).toContain('--register-on-online-buddies on|off')
  })
})

describe('simulator entry point', () => {
  const argv = process.argv
  afterEach(() => {
    process.argv = argv
    vi.restoreAllMocks()
    vi.resetModules()
  })

  async function run(args: string[]): Promise<{ exit: number[]; out: string; err: string }> {
    process.argv = ['node', 'simulator.js', ...args]
    const exit: number[] = []
    let out = ''
    let err = ''
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exit.push(code ?? 0)
    }) as never)
    vi.spyOn(process.stdout, 'write').mockImplementation(((s: string) => ((out += s), true)) as never)
    vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => ((err += s), true)) as never)
    await import('../../src/simulator/cli')
    await new Promise((r) => setTimeout(r, 20))
    return { exit, out, err }
  }

  it('exits 2 with one line on stderr for an unknown option, and starts nothing', async () => {
    const r = await run(['--bogus'])
    expect(r.exit).toEqual([2])
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toContain('--bogus')
    expect(r.out).toBe('')
  })

  it('prints the usage for --help without exiting non-zero', async () => {
    const r = await run(['--help'])
    expect(r.exit).toEqual([])
    expect(r.out).toBe(USAGE)
  })
})
