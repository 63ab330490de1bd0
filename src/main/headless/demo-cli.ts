/**
 * `npm run demo:headless`: the whole thing in one terminal, no display needed. Starts the built-in
 * demo server (the protocol simulator, lively scenario) in this process on a free loopback port, runs
 * the headless client against it over real HTTP, shows the QR on stderr and then plays the phone scan
 * itself. After that it is the ordinary headless mode: messages and answers as JSON lines on stdout,
 * commands as JSON lines on stdin. Built to out/main/demo-headless.js; runs main() on import.
 * Exit codes: 0 after quit / end of stdin, 2 for bad arguments, 3 for a profile in use, 1 for a crash.
 */
// Before anything else: an older Node gets a sentence, not a node:sqlite crash.
import '../node-version'
import '../quiet-sqlite-warning'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

export const DEMO_USAGE = 'usage: demo-headless [--profile <dir>] [--scan-delay <ms>] [--help]'
const DEMO_HELP = `${DEMO_USAGE}

Starts the built-in SmartQQ simulator on a free loopback port and the headless client against it,
shows the QR code on stderr and scans it as the phone would. Then: JSON lines on stdout (messages,
answers), commands on stdin, e.g. {"cmd":"contacts"}  (see README.md, "Headless mode").

  --profile <dir>     keep the session and history there (default: a temporary folder, removed on exit)
  --scan-delay <ms>   how long the QR stays up before the phone scans it (default 1500)
  --help, -h          this text
Exit codes: 0 after {"cmd":"quit"} or the end of stdin, 2 for bad arguments, 3 when another process
uses the profile, 1 for a crash.
`

function parse(argv: string[]): { profile: string | null; scanDelayMs: number } {
  const { values } = parseArgs({ args: argv, options: { profile: { type: 'string' }, 'scan-delay': { type: 'string' } }, strict: true })
  const delay = values['scan-delay'] === undefined ? 1500 : Number(values['scan-delay'])
  if (!Number.isInteger(delay) || delay < 0) throw new Error(`--scan-delay must be a whole number of ms`)
  return { profile: values.profile === undefined ? null : resolve(values.profile), scanDelayMs: delay }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(DEMO_HELP)
    return 0
  }
  let options
  try {
    options = parse(argv)
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${DEMO_USAGE}\n`)
    return 2
  }
  // Dynamic: node:sqlite (in the store) must load after the warning filter imported above.
  const [{ runHeadless }, { createDemoServer }] = await Promise.all([import('./run'), import('../shell/demo-server')])
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'qq-demo-'))
  const demo = createDemoServer()
  const url = await demo.start()
  const say = (text: string): boolean => process.stderr.write(`${text}\n`)
  say(`Demo server (the built-in SmartQQ simulator, lively scenario) listening on ${url}`)
  try {
    return await runHeadless(
      { server: url, profile, sendIntervalMs: null },
      { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
      {
        onEngine(engine) {
          engine.on('qr', () => {
            setTimeout(() => {
              if (demo.scan()) say('Demo: the phone scans the QR code and confirms the login.')
            }, options.scanDelayMs)
          })
          engine.on('ready', (r) => {
            // The typing hint is for a person at a terminal; a program on a pipe (examples/bot.mjs --demo) knows.
            const hint = process.stdin.isTTY ? ' Type a command as one JSON line, e.g. {"cmd":"contacts"} or {"cmd":"quit"}.' : ''
            say(`Signed in as ${r.self.nick}: ${r.buddies} buddies, ${r.groups} groups, ${r.discussions} discussions.${hint}`)
          })
        }
      }
    )
  } finally {
    await demo.stop()
    if (options.profile === null) rmSync(profile, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`demo crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  }
)
