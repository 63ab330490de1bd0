#!/usr/bin/env node
// An example QQ bot on the headless mode, in the spirit of the bots that first used SmartQQ:
//   - buddies and groups: keyword auto-replies (你好/hello, 帮助/help, 时间/time, 骰子/dice);
//   - discussions: echoes what was said;
//   - everywhere: `!history` answers with the last few messages of that conversation.
// Replies are paced (one every --reply-interval ms, at most --max-per-minute a minute, the rest dropped
// with a note on stderr) so a busy group cannot make it flood. It survives a session expiry (the
// headless engine shows a new QR; scan it) and a crash of the headless process (restarted with backoff;
// the remembered session signs in again without a QR).
//
//   node examples/bot.mjs --demo                        # against the built-in demo server, no setup
//   node examples/bot.mjs --server http://127.0.0.1:8080 --profile ~/.local/share/qq-bot
//
// It logs one line per message it handles and per reply it sends (on stderr). With --demo it also says
// how to talk to it: a curl command that pushes a message through the demo server's admin API.
//
// Everything it does goes through examples/qq-headless-client.mjs: copy both files to start your own.
import { parseArgs } from 'node:util'
import { defaultCommand, HeadlessClient, requireNode } from './qq-headless-client.mjs'

/** Keyword rules, first match wins. `reply` gets the message line. */
export const RULES = [
  { match: /^(你好|hello|hi)(?![a-z])/i, reply: (m) => `你好，${m.from.name}！我是示例机器人。发送“帮助”看看我会什么。` },
  { match: /^(帮助|help)$/i, reply: () => '我会：你好 / 时间 / 骰子；讨论组里我会复读；!history 显示最近几条消息。' },
  { match: /^(时间|time)$/i, reply: () => `现在是 ${new Date().toLocaleString('zh-CN', { hour12: false })}` },
  { match: /^(骰子|dice)$/i, reply: () => `🎲 ${1 + Math.floor(Math.random() * 6)}` }
]

export const HISTORY_COMMAND = '!history'

/** What the bot answers to one incoming message (null: stay quiet). History is asked for separately. */
export function replyFor(message) {
  if (message.self) return null
  const text = message.text.trim()
  if (text === HISTORY_COMMAND) return { history: true }
  if (message.kind === 'discuss') return text === '' ? null : { text: `复读：${text}` }
  for (const rule of RULES) if (rule.match.test(text)) return { text: rule.reply(message) }
  return null
}

/** "Last N messages" from a history answer (newest first), without the !history request itself. */
export function formatHistory(historyLine, requestId, count = 5) {
  const earlier = historyLine.messages
    .filter((m) => m.id !== requestId)
    .slice(0, count)
    .reverse()
  if (earlier.length === 0) return '这里还没有更早的消息。'
  return [`最近 ${earlier.length} 条消息：`, ...earlier.map((m) => `${m.from.name}: ${m.text}`)].join('\n')
}

/** One reply at a time, at least `intervalMs` apart, at most `perMinute` in any minute. */
export function createPacer({ intervalMs, perMinute, log }) {
  const queue = []
  const sentAt = []
  let running = false
  async function drain(sendNow) {
    if (running) return
    running = true
    try {
      while (queue.length > 0) {
        const now = Date.now()
        while (sentAt.length > 0 && now - sentAt[0] > 60_000) sentAt.shift()
        const last = sentAt.at(-1) ?? 0
        const wait = Math.max(0, last + intervalMs - now)
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        const job = queue.shift()
        sentAt.push(Date.now())
        await sendNow(job).catch((e) => log(`reply not sent: ${e.message}`))
      }
    } finally {
      running = false
    }
  }
  return {
    push(job, sendNow) {
      const now = Date.now()
      const recent = sentAt.filter((t) => now - t <= 60_000).length
      if (recent + queue.length >= perMinute) {
        log(`rate limit: more than ${perMinute} replies a minute; dropping the reply to ${job.key}`)
        return false
      }
      queue.push(job)
      void drain(sendNow)
      return true
    }
  }
}

/** One line, however long or multi-line the text: what a log reader needs to recognise the message. */
export function oneLine(text, max = 60) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function startBot({ client, intervalMs = 1500, perMinute = 20, log = (t) => process.stderr.write(`[bot] ${t}\n`) }) {
  const pacer = createPacer({ intervalMs, perMinute, log })
  const sendNow = async (job) => {
    const answer = await client.send({ key: job.key, text: job.text })
    log(`→ ${job.to}: ${oneLine(job.text)}${answer.type === 'queued' ? ' (queued: goes out once possible)' : ''}`)
  }
  client.on('spawn', (pid) => log(`headless process started (pid ${pid})`))
  client.on('exit', ({ code, signal, restarting }) => log(`headless process ended (${signal ?? code})${restarting ? '; restarting it' : ''}`))
  client.on('login', (l) => l.state === 'signed-out' && log(`signed out (${l.reason}); scan the new QR code to go on`))
  client.on('ready', (r) => log(`online as ${r.self.nick}`))
  client.on('message', async (m) => {
    const what = replyFor(m)
    const where = m.kind === 'buddy' ? m.from.name : `${m.from.name} in ${m.to.name}`
    if (!m.self) log(`← ${where}: ${oneLine(m.text)}${what ? '' : ' (no reply)'}`)
    if (!what) return
    let text = what.text
    if (what.history) {
      try {
        text = formatHistory(await client.request({ cmd: 'history', key: m.key, limit: 6 }), m.id)
      } catch (e) {
        log(`history failed: ${e.message}`)
        return
      }
    }
    pacer.push({ key: m.key, to: m.kind === 'buddy' ? m.from.name : m.to.name, text }, sendNow)
  })
  return client
}

/**
 * --demo: the demo server's URL (from the demo's first stderr line) and one buddy of its account, so the
 * bot can say how to talk to it: a message pushed through the simulator's admin API (loopback only).
 */
export async function demoTalkHint(url) {
  const account = await (await fetch(`${url}/__sim/account?members=0`)).json()
  const buddy = account.buddies[0]
  const body = JSON.stringify({ kind: 'buddy', from: buddy.qq, text: '你好' })
  return `talk to me as ${buddy.nick}: curl -s -X POST ${url}/__sim/push -d '${body}'  (also try 帮助, 时间, 骰子, !history)`
}

async function main() {
  requireNode()
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean' },
      server: { type: 'string' },
      profile: { type: 'string' },
      'reply-interval': { type: 'string' },
      'max-per-minute': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help || (!values.demo && !values.profile)) {
    process.stderr.write('usage: node examples/bot.mjs --demo | --profile <dir> [--server <url>] [--reply-interval <ms>] [--max-per-minute <n>]\n')
    process.exit(values.help ? 0 : 2)
  }
  const args = []
  if (values.server) args.push('--server', values.server)
  if (values.profile) args.push('--profile', values.profile)
  const client = new HeadlessClient({ ...(values.demo ? defaultCommand('demo-headless') : {}), args })
  client.on('stderr', (text) => process.stderr.write(text)) // the QR and the engine's logs
  const log = (t) => process.stderr.write(`[bot] ${t}\n`)
  if (values.demo) {
    let demoUrl = null
    client.on('stderr', (text) => (demoUrl ??= /listening on (http:\/\/\S+)/.exec(text)?.[1] ?? null))
    client.on('ready', () => {
      if (demoUrl) demoTalkHint(demoUrl).then(log, (e) => log(`could not read the demo account: ${e.message}`))
    })
  }
  startBot({ client, log, intervalMs: Number(values['reply-interval'] ?? 1500), perMinute: Number(values['max-per-minute'] ?? 20) }).start()
  // Ctrl-C is how a person stops the bot: a clean stop (store and outbox saved), exit 0.
  const stop = () => void client.stop().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (import.meta.main ?? process.argv[1] === new URL(import.meta.url).pathname) await main()
