/**
 * The headless mode: the same engine as the app, driven by JSON lines on stdin and reporting JSON
 * lines on stdout (see writer.ts for the contract), with the QR shown on stderr for a terminal.
 */
import { join, resolve } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import {
  acquireProfileLock,
  createEngine,
  createFileSecretStore,
  EngineCommandError,
  ProfileInUseError,
  type Engine,
  type OutboxDto,
  type ProfileLock
} from '../engine'
import { createProtocolClient } from '../protocol'
import { ensurePrivateDir, openAccountStore, StoreError } from '../store'
import { writePrivateFileAtomically } from '../store/private-files'
import type { HeadlessArgs } from './args'
import { CommandError, parseCommand, toSegments, type Command } from './commands'
import { qrToTerminal } from './qr-terminal'
import { createJsonWriter, createLogger, messageLine, toHeadlessMessage } from './writer'
import { unexpectedErrorLine } from './error-line'
import { MAX_LINE_BYTES, readLines } from './line-reader'
import { contactsCacheFor, HeadlessCommandError, resolveTarget, type ConversationTarget } from './targets'
import { watchReachability } from './reachability'

export interface HeadlessIo {
  stdin: Readable
  stdout: Writable
  stderr: Writable
}

export interface HeadlessHooks {
  /** Called once with the engine before it starts (the demo plays the phone scan through it). */
  onEngine?(engine: Engine): void
}

/** Runs until quit / end of stdin; resolves with the exit code once the store and outbox are saved. */
export async function runHeadless(args: HeadlessArgs, io: HeadlessIo, hooks: HeadlessHooks = {}): Promise<number> {
  const log = createLogger(io.stderr)
  const out = createJsonWriter(io.stdout)
  ensurePrivateDir(args.profile)
  let lock: ProfileLock
  try {
    lock = acquireProfileLock(args.profile)
  } catch (e) {
    if (!(e instanceof ProfileInUseError)) throw e
    // Exit 3: another process (headless or the app) runs on this profile; both would fight over its session.
    out.write({ type: 'error', code: 'profile-in-use', pid: e.pid, message: `profile in use by process ${e.pid}` })
    io.stderr.write(`The profile ${args.profile} is in use by process ${e.pid}: quit that one first, or use another --profile.\n`)
    await out.flush()
    return 3
  }

  const client = createProtocolClient({ serverUrl: args.server ?? undefined })
  const engine = createEngine({
    client,
    secrets: createFileSecretStore(args.profile, log),
    openStore: (account) => openAccountStore(args.profile, String(account), { log }),
    sendIntervalMs: args.sendIntervalMs ?? undefined,
    log
  })
  wireEvents(engine, args.profile, out.write, log, io.stderr)
  // Say once per outage that the server cannot be reached, and why (the engine keeps retrying).
  watchReachability(engine, (trouble, detail) => {
    const where = args.server ?? 'the SmartQQ servers (w.qq.com)'
    out.write({
      type: 'error',
      code: 'server-unreachable',
      server: args.server,
      reason: trouble.cause,
      message: `cannot reach ${where} (${trouble.cause})${detail ? `: ${detail}` : ''}`
    })
    io.stderr.write(
      args.server === null
        ? `Cannot reach the SmartQQ servers: use --server for a compatible server; SmartQQ itself was shut down in 2019. Still retrying.\n`
        : `Cannot reach ${args.server} (${trouble.cause}): is the server running? use --server for a compatible server; SmartQQ itself was shut down in 2019. Still retrying.\n`
    )
  })
  hooks.onEngine?.(engine)

  let quitting: Promise<number> | null = null
  const quit = (ref?: string): Promise<number> =>
    (quitting ??= (async () => {
      await engine.stop()
      lock.release()
      // The answer to `quit` (and to the end of stdin): everything is saved.
      out.write(ref === undefined ? { type: 'quit' } : { type: 'quit', ref })
      await out.flush()
      return 0
    })())

  readLines(io.stdin, {
    line(line) {
      if (line.trim() === '' || quitting) return
      void handleLine(engine, args.profile, line, out.write, quit).catch((e: unknown) => log(`command failed unexpectedly: ${String(e)}`))
    },
    tooLong(bytes) {
      if (!quitting) out.write({ type: 'error', message: `line too long (${bytes} bytes; at most ${MAX_LINE_BYTES}): ignored` })
    },
    end: () => void quit()
  })
  process.once('SIGTERM', () => void quit())
  process.once('SIGINT', () => void quit())

  engine.start()
  return await new Promise<number>((resolve) => {
    const check = setInterval(() => {
      if (quitting) {
        clearInterval(check)
        resolve(quitting)
      }
    }, 20)
  })
}

type Out = (obj: Record<string, unknown> & { type: string }) => void

function wireEvents(engine: Engine, profile: string, out: Out, log: (m: string) => void, stderr: Writable): void {
  const qrPath = join(profile, 'qr.png')
  engine.on('qr', ({ png }) => {
    void writePrivateFileAtomically(qrPath, png)
      .then(
        () => null,
        (e: unknown) => {
          log(`writing the QR image failed: ${String(e)}`)
          return e instanceof Error ? e.message : String(e)
        }
      )
      .then((failure) => {
        // A profile folder that cannot be written (read-only, full) must not hide the QR: signing in
        // still works, and the image travels in the line itself.
        if (failure === null) out({ type: 'qr', path: qrPath })
        else
          out({
            type: 'qr',
            path: null,
            png: Buffer.from(png).toString('base64'),
            error: `the QR image could not be saved in the profile folder (${failure})`
          })
        const art = qrToTerminal(png)
        if (art) stderr.write(`Scan this QR code with the QQ mobile app:\n${art}`)
        else if (failure === null) stderr.write(`QR code saved to ${qrPath}\n`)
      })
  })
  engine.on('state', (e) => {
    const line: Record<string, unknown> & { type: string } = { type: 'login', state: e.state }
    if (e.state === 'signed-out' || e.state === 'reconnecting' || e.state === 'unreachable') line.reason = e.reason
    if (e.retry) {
      // Why the server cannot be reached and when the next attempt starts (epoch ms, and ms from now).
      line.cause = e.retry.cause
      line.attempt = e.retry.attempt
      line.retryAt = e.retry.nextAttemptAt
      line.retryIn = Math.max(0, e.retry.nextAttemptAt - e.at)
    }
    if (e.detail) line.detail = e.detail
    out(line)
  })
  engine.on('ready', (r) => {
    out({ type: 'ready', self: { uin: r.self.uin, nick: r.self.nick }, buddies: r.buddies, groups: r.groups, discussions: r.discussions })
  })
  engine.on('message', (m) => out(messageLine(m)))
  // Whether messages are being saved (a full disk, a damaged or unusable history file), when it changes.
  engine.on('storage', (s) => out({ type: 'storage', ...s }))
  engine.on('outbox', (o) => reportOutbox(o, out))
  // "Messages may be missing here" (a relink, a lost session, a long outage, a broken poll answer), when it is recorded.
  engine.on('gap', (g) => out({ type: 'gap', reason: g.reason, recordedAt: g.recordedAt, conversationKey: g.conversationKey }))
}

/** One `sent` (or `error`) per ref, when its last part is settled; earlier processes' refs included. */
function reportOutbox(o: OutboxDto, out: Out): void {
  if (o.ref === null) return
  if (o.state === 'failed') out({ type: 'error', ref: o.ref, message: o.error ?? 'not sent' })
  else if ((o.state === 'sent' || o.state === 'unconfirmed') && o.part === o.parts - 1) out({ type: 'sent', ref: o.ref, state: o.state })
}

async function handleLine(engine: Engine, profile: string, line: string, out: Out, quit: (ref?: string) => Promise<number>): Promise<void> {
  let cmd: Command
  try {
    cmd = parseCommand(line)
  } catch (e) {
    const ref = e instanceof CommandError ? e.ref : null
    out({ type: 'error', ...(ref !== null ? { ref } : {}), message: e instanceof Error ? e.message : String(e) })
    return
  }
  // Every answer to a command that carried a ref carries the same ref (a client pairs them by it).
  const ref = cmd.ref
  const reply: Out = ref === undefined ? out : (obj) => out({ ...obj, ref })
  try {
    await runCommand(engine, profile, cmd, reply, quit)
  } catch (e) {
    if (!(e instanceof EngineCommandError || e instanceof StoreError || e instanceof HeadlessCommandError)) {
      // Still exactly one answer (a script waits for it); the details go to stderr, redacted, via the caller's catch.
      out(unexpectedErrorLine(cmd, e))
      throw e
    }
    const code = e instanceof HeadlessCommandError ? { code: e.code } : {}
    reply({ type: 'error', cmd: cmd.cmd, ...code, message: e.message })
  }
}

/** Commands answered from the current session's contacts; `send` queues while signed out instead. */
const NEEDS_SESSION: ReadonlySet<Command['cmd']> = new Set(['contacts', 'members', 'profile', 'history', 'around', 'read'])
/**
 * Reconnecting keeps the session's contacts (the network is down, the session is not over), and so does
 * unreachable: the remembered account is kept while the server cannot be reached, and the profile's last
 * contacts and history answer (an outage is never a sign-out).
 */
const SIGNED_IN: ReadonlySet<string> = new Set(['online', 'reconnecting', 'unreachable'])

async function runCommand(engine: Engine, profile: string, cmd: Command, out: Out, quit: (ref?: string) => Promise<number>): Promise<void> {
  // `kind`+`id` or the stable `key`, checked against the current contacts (unknown -> error, never empty).
  const target = async (want: { kind?: ConversationTarget['kind']; id?: number; key?: string }): Promise<ConversationTarget> =>
    resolveTarget(await contactsCacheFor(engine).get(), want)
  // What the session lists (contacts, members, a conversation's history by this session's ids) does not
  // exist while signed out: say so, rather than answer an empty list that reads as "no contacts".
  if (NEEDS_SESSION.has(cmd.cmd) && !SIGNED_IN.has(engine.state))
    throw new HeadlessCommandError('not-signed-in', `${cmd.cmd}: not signed in yet; wait for {"type":"ready"} (or scan the QR)`)
  switch (cmd.cmd) {
    case 'contacts': {
      const c = await engine.contacts({ refresh: cmd.refresh })
      out({
        type: 'contacts',
        buddies: c.buddies.map((b) => ({
          uin: b.uin,
          key: b.key,
          nick: b.nick,
          markname: b.markname,
          category: b.category,
          online: b.online,
          status: b.status
        })),
        groups: c.groups.map((g) => ({ gid: g.gid, key: g.key, code: g.code, name: g.name, markname: g.markname })),
        discussions: c.discussions.map((d) => ({ did: d.did, key: d.key, name: d.name }))
      })
      return
    }
    case 'members': {
      const t = await target(cmd)
      if (t.kind === 'buddy') throw new HeadlessCommandError('bad-target', 'members: a buddy conversation has no members')
      const members = await engine.members(t.kind, t.id, { refresh: cmd.refresh })
      out({
        type: 'members',
        kind: t.kind,
        id: t.id,
        key: t.key,
        members: members.map((m) => ({ uin: m.uin, nick: m.nick, card: m.card, status: m.status, role: m.role }))
      })
      return
    }
    case 'profile': {
      const t = await target(cmd)
      out({ type: 'profile', profile: await engine.profile(t.kind, t.id) })
      return
    }
    case 'send': {
      const t = await target({ kind: cmd.kind, id: cmd.to, key: cmd.key })
      const input =
        cmd.text !== undefined
          ? { kind: t.kind, to: t.id, text: cmd.text, ref: cmd.ref }
          : { kind: t.kind, to: t.id, segments: toSegments(cmd.segments ?? []), ref: cmd.ref }
      let started = false
      const off = engine.on('outbox', (o) => {
        if (o.ref === cmd.ref && o.state !== 'queued') started = true
      })
      engine.send(input)
      // "queued" only when it cannot go out right now (signed out, pacing, other sends ahead).
      await new Promise((r) => setTimeout(r, 0))
      off()
      if (!started) out({ type: 'queued', ref: cmd.ref })
      return
    }
    case 'history': {
      const t = await target(cmd)
      const page = engine.history(t.kind, t.id, { limit: cmd.limit, before: cmd.before, after: cmd.after })
      out({ type: 'history', kind: t.kind, id: t.id, key: t.key, messages: page.messages.map(toHeadlessMessage), next: page.next })
      return
    }
    case 'around': {
      const t = await target(cmd)
      const page = engine.around(t.kind, t.id, cmd.message, cmd.limit)
      const messages = page.messages.map(toHeadlessMessage)
      out({ type: 'around', kind: t.kind, id: t.id, key: t.key, anchor: page.anchor, messages, older: page.older, newer: page.newer })
      return
    }
    case 'search': {
      if (cmd.key === undefined && (cmd.kind === undefined) !== (cmd.id === undefined))
        throw new EngineCommandError('search: give both kind and id (or key), or neither')
      const scoped = cmd.key !== undefined || cmd.id !== undefined
      const scope = scoped ? await target(cmd) : null
      const page = engine.search(cmd.query, scope, { limit: cmd.limit, before: cmd.before })
      out({ type: 'search', messages: page.messages.map(toHeadlessMessage), next: page.next })
      return
    }
    case 'read':
      const t = await target(cmd)
      engine.markRead(t.kind, t.id)
      out({ type: 'read', kind: t.kind, id: t.id, key: t.key })
      return
    case 'export': {
      // Relative to the profile, not the cwd: a script driving us need not know where we were started.
      const t = await target(cmd)
      const done = engine.exportConversation(t.kind, t.id, cmd.format, resolve(profile, cmd.path))
      out({ type: 'exported', path: done.path, format: done.format })
      return
    }
    case 'unread':
      out({ type: 'unread', conversations: engine.unread() })
      return
    case 'outbox':
      out({ type: 'outbox', entries: engine.outbox() })
      return
    case 'retry':
      out({ type: 'retry', entry: engine.retry(cmd.id) })
      return
    case 'logout':
      await engine.logout()
      out({ type: 'logout' })
      return
    case 'quit':
      await quit(cmd.ref)
      return
  }
}
