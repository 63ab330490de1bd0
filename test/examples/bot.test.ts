/**
 * The example bot (examples/bot.mjs over examples/qq-headless-client.mjs) against the simulator, over a
 * real headless child process: it answers keywords, echoes in discussions, answers !history, paces and
 * caps its replies, and keeps working after a session expiry (new QR scanned) and after the headless
 * process is killed (restarted; the remembered session signs in without a QR).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/simulator'
import { FAST_SIM, sleep, tempProfile } from '../main/engine/harness'
import { buildHeadless } from '../headless/build-headless'
// @ts-expect-error plain JavaScript example files without type declarations
import { HeadlessClient } from '../../examples/qq-headless-client.mjs'
// @ts-expect-error plain JavaScript example files without type declarations
import { formatHistory, replyFor, startBot } from '../../examples/bot.mjs'

type Line = Record<string, unknown>
interface Client {
  pid: number | null
  on(event: string, cb: (payload: never) => void): void
  start(): Client
  stop(): Promise<number | null>
}

let script = ''
const cleanups: Array<() => unknown> = []
beforeAll(async () => {
  script = await buildHeadless()
}, 60_000)
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** What the failure message shows: the bot's log and the last JSON lines. */
let diagnose = (): string => ''

async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = probe()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${diagnose()}`)
    await sleep(50)
  }
}

async function setup(bot: { intervalMs: number; perMinute: number }) {
  const sim: Simulator = await startSimulator(FAST_SIM)
  const profile = tempProfile()
  const lines: Line[] = []
  const log: string[] = []
  const client = new HeadlessClient({
    command: process.execPath,
    commandArgs: [script],
    args: ['--server', sim.url, '--profile', profile.dir]
  }) as Client
  client.on('line', (l: Line) => void lines.push(l))
  startBot({ client, ...bot, log: (t: string) => void log.push(t) })
  client.start()
  cleanups.push(
    profile.cleanup,
    () => sim.close(),
    () => client.stop()
  )
  diagnose = () => `bot log: ${log.join(' | ')}\nlast lines: ${JSON.stringify(lines.slice(-8)).slice(-3000)}`
  const count = (type: string): number => lines.filter((l) => l.type === type).length
  const readyAfter = async (n: number): Promise<void> => void (await until(`ready #${n + 1}`, () => count('ready') > n))
  await until('qr', () => count('qr') > 0)
  sim.scan({ confirm: true })
  await readyAfter(0)
  const replies = (): string[] => sim.sent().map((s) => s.text)
  return { sim, client, lines, log, count, readyAfter, replies }
}

describe('example bot: pure rules', () => {
  it('keyword replies for buddies and groups, an echo for discussions, nothing for its own messages', () => {
    const from = { uin: 1, name: '小明' }
    expect(replyFor({ kind: 'buddy', text: '你好', from }).text).toContain('你好，小明')
    expect(replyFor({ kind: 'group', text: 'help', from }).text).toContain('!history')
    expect(replyFor({ kind: 'group', text: '随便聊聊', from })).toBeNull()
    expect(replyFor({ kind: 'discuss', text: '随便聊聊', from }).text).toBe('复读：随便聊聊')
    expect(replyFor({ kind: 'buddy', text: '你好', from, self: true })).toBeNull()
    expect(replyFor({ kind: 'group', text: ' !history ', from })).toEqual({ history: true })
    const history = { messages: [3, 2, 1].map((n) => ({ id: `m${n}`, from: { name: `p${n}` }, text: `t${n}` })) }
    expect(formatHistory(history, 'm3', 5)).toBe('最近 2 条消息：\np1: t1\np2: t2')
  })
})

describe('example bot against the simulator', () => {
  it('answers, echoes, answers !history, and survives a session expiry and a killed headless process', async () => {
    const { sim, client, log, readyAfter, count, replies } = await setup({ intervalMs: 100, perMinute: 100 })
    const acc = sim.account()
    const buddy = acc.buddies[0]!
    const group = acc.groups[0]!
    const member = sim.account({ members: true }).groups[0]!.members!.find((m) => m.qq !== acc.self.qq)!
    const discussion = acc.discussions[0]!

    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '你好' })
    await until('hello reply', () => replies().find((t) => t.startsWith('你好，')))
    expect(sim.sent().at(-1)).toMatchObject({ endpoint: 'send_buddy_msg2', targetRef: buddy.qq })
    // One readable line per message handled and per reply sent.
    expect(log).toContain(`← ${buddy.markname ?? buddy.nick}: 你好`)
    await until('reply log line', () => log.find((l) => l.startsWith(`→ ${buddy.markname ?? buddy.nick}: 你好，`)))

    sim.pushMessage({ kind: 'group', group: group.number, from: member.qq, text: 'help' })
    await until('help reply', () => replies().find((t) => t.includes('!history')))
    expect(sim.sent().at(-1)).toMatchObject({ endpoint: 'send_qun_msg2', target: group.gid })

    sim.pushMessage({ kind: 'discuss', discuss: discussion.index, from: discussion.members.find((m) => m.qq !== acc.self.qq)!.qq, text: '下午开会' })
    await until('echo', () => replies().includes('复读：下午开会'))

    // The earlier message must be handled (stored) on its own, before !history: the client polls again only
    // after it handled an answer, so a new poll2 request means the answer carrying it was stored.
    await until('a held poll', () => sim.state().pollsInFlight > 0)
    const polls = sim.state().requests['poll2'] ?? 0
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'the earlier message' })
    await until('the earlier message handled', () => (sim.state().requests['poll2'] ?? 0) > polls)
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '!history' })
    const history = await until('history reply', () => replies().find((t) => t.startsWith('最近')))
    expect(history).toContain(`the earlier message`)
    expect(history).not.toContain('!history')

    // Session expiry: the engine signs out and shows a new QR; once scanned, the bot answers again.
    const readies = count('ready')
    const qrs = count('qr')
    sim.expireSession()
    await until('new QR after the expiry', () => count('qr') > qrs)
    expect(log.join('\n')).toMatch(/signed out/)
    sim.scan({ confirm: true })
    await readyAfter(readies)
    const before = replies().length
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'hello' })
    await until('reply after the expiry', () =>
      replies()
        .slice(before)
        .find((t) => t.startsWith('你好，'))
    )

    // The headless process dies: the client starts it again and the remembered session needs no QR.
    const pid = client.pid!
    const qrsBeforeKill = count('qr')
    const readiesBeforeKill = count('ready')
    process.kill(pid, 'SIGKILL')
    await readyAfter(readiesBeforeKill)
    expect(client.pid).not.toBe(pid)
    expect(count('qr')).toBe(qrsBeforeKill)
    expect(log.join('\n')).toMatch(/restarting it/)
    const beforeRestart = replies().length
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '你好' })
    await until('reply after the restart', () =>
      replies()
        .slice(beforeRestart)
        .find((t) => t.startsWith('你好，'))
    )
  }, 90_000)

  it('paces replies (one per interval) and drops what exceeds the per-minute cap', async () => {
    const { sim, log, replies } = await setup({ intervalMs: 400, perMinute: 4 })
    const buddies = sim.account().buddies
    for (let i = 0; i < 7; i++) sim.pushMessage({ kind: 'buddy', from: buddies[i % buddies.length]!.qq, text: 'dice' })
    await until('4 replies', () => replies().length >= 4)
    await sleep(1000) // nothing more may come
    const dice = sim.sent().filter((s) => s.text.startsWith('🎲'))
    expect(dice).toHaveLength(4)
    for (let i = 1; i < dice.length; i++) expect(dice[i]!.time - dice[i - 1]!.time).toBeGreaterThanOrEqual(380)
    expect(log.filter((l) => l.startsWith('rate limit'))).toHaveLength(3)
  }, 60_000)
})
