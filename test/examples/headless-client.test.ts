/**
 * examples/qq-headless-client.mjs pairs every answer with its command by `ref` (issue 15, row 7): all
 * commands of the contract, sent at once so their answers interleave, each resolve with their own
 * answer; an error answer rejects only its own request; a command given its own ref keeps it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, tempProfile } from '../main/engine/harness'
import { buildHeadless } from '../headless/build-headless'
// @ts-expect-error plain JavaScript example file without type declarations
import { HeadlessClient } from '../../examples/qq-headless-client.mjs'

type Line = Record<string, unknown>
interface Client {
  on(event: string, cb: (payload: never) => void): void
  once(event: string, cb: (payload: never) => void): void
  start(): Client
  stop(): Promise<number | null>
  request(command: Line): Promise<Line>
  send(message: Line): Promise<Line>
}

let script = ''
const cleanups: Array<() => unknown> = []
beforeAll(async () => {
  script = await buildHeadless()
}, 60_000)
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('headless client pairs answers by ref', () => {
  it('every command, all in flight at once, gets its own answer; errors reject only their own request', async () => {
    const sim = await startSimulator(FAST_SIM)
    const profile = tempProfile()
    const client = new HeadlessClient({
      command: process.execPath,
      commandArgs: [script],
      args: ['--server', sim.url, '--profile', profile.dir]
    }) as Client
    cleanups.push(
      profile.cleanup,
      () => sim.close(),
      () => client.stop()
    )
    const ready = new Promise((r) => client.once('ready', r))
    client.once('qr', () => void sim.scan({ confirm: true }))
    client.start()
    await ready

    const contacts = await client.request({ cmd: 'contacts' })
    const buddy = (contacts.buddies as Line[])[0]!
    const group = (contacts.groups as Line[])[0]!
    const account = sim.account()
    const received = new Promise<Line>((r) => client.on('message', (m: Line) => m.text === 'pair me' && r(m)))
    sim.pushMessage({ kind: 'buddy', from: account.buddies.find((b) => b.uin === buddy.uin)!.qq, text: 'pair me' })
    const message = await received

    const requests: Array<[string, Line]> = [
      ['contacts', { cmd: 'contacts', refresh: true }],
      ['members', { cmd: 'members', key: group.key }],
      ['profile', { cmd: 'profile', key: buddy.key }],
      ['history', { cmd: 'history', key: buddy.key, limit: 3 }],
      ['around', { cmd: 'around', key: buddy.key, message: message.id }],
      ['search', { cmd: 'search', query: 'pair me' }],
      ['read', { cmd: 'read', key: buddy.key }],
      ['exported', { cmd: 'export', key: buddy.key, format: 'json', path: 'pair.json' }],
      ['unread', { cmd: 'unread' }],
      ['outbox', { cmd: 'outbox' }],
      ['sent', { cmd: 'send', key: buddy.key, text: 'paired reply' }],
      ['members', { cmd: 'members', key: group.key, refresh: true, ref: 'my-own-ref' }]
    ]
    // Settled into values at once: they reject while the others are still in flight.
    const rejection = (p: Promise<Line>): Promise<unknown> =>
      p.then(
        () => new Error('resolved'),
        (e: unknown) => e
      )
    const failing = rejection(client.request({ cmd: 'retry', id: 424242 }))
    const unknown = rejection(client.request({ cmd: 'history', key: 'buddy:name:nobody/here' }))
    const answers = await Promise.all(requests.map(([, command]) => client.request(command)))
    answers.forEach((answer, i) => expect(answer.type, JSON.stringify(requests[i])).toBe(requests[i]![0]))
    expect(answers.at(-1)!.ref).toBe('my-own-ref')
    expect(new Set(answers.map((a) => a.ref)).size).toBe(answers.length)
    expect((answers[3]!.messages as Line[]).map((m) => m.text)).toContain('pair me')
    expect(await failing).toMatchObject({ line: { type: 'error', cmd: 'retry' } })
    expect(await unknown).toMatchObject({ line: { type: 'error', cmd: 'history', code: 'unknown-conversation' } })
    expect(sim.sent().map((s) => s.text)).toContain('paired reply')

    const loggedOut = await client.request({ cmd: 'logout' })
    expect(loggedOut.type).toBe('logout')
    // Signed out: the session's lists are an error, paired all the same.
    await expect(client.request({ cmd: 'contacts' })).rejects.toMatchObject({ line: { code: 'not-signed-in' } })
  }, 60_000)
})
