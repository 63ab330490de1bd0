/**
 * The engine facade: `createEngine(options)` ties the lifecycle, login flow, directory, pipeline, poll
 * loop and outbox together and exposes typed commands plus `on(event, cb)` subscriptions.
 * It imports no electron: the shell injects the protocol client, the secret store and how to open an
 * account's store; the headless CLI injects plain-Node versions of the same.
 */
import { isAbsolute } from 'node:path'
import type { ConversationKind, Segment } from '../../shared/domain'
import { DEFAULT_FONT } from '../../shared/fonts'
import { StoreError } from '../store/errors'
import type { AccountStore, StoredMessage } from '../store/types'
import { isAbort, systemClock } from './clock'
import { DEFAULT_BACKOFF_MAX_MS, RetryWaker } from './connection'
import { conversationSummaries } from './conversation-list'
import { ConversationPrefs } from './conversation-prefs'
import { Directory } from './directory'
import { Emitter } from './emitter'
import type { Engine, EngineOptions } from './engine-api'
import { GapRecorder } from './gap-recorder'
import { Lifecycle } from './lifecycle'
import { toMessageDto } from './message-dto'
import { OutboxRunner, toOutboxDto } from './outbox-runner'
import { Pipeline } from './pipeline'
import { Profiles, toMemberDto } from './profiles'
import { QqLookup } from './qq-lookup'
import { SessionLoop } from './session-loop'
import { STORAGE_RETRY_MS, StorageHealth } from './storage-health'
import { EngineCommandError, type EngineEvents, type MessageDto, type SendInput } from './types'

export type { Engine, EngineOptions, HistoryQuery } from './engine-api'

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? systemClock
  const log = options.log ?? (() => {})
  const client = options.client
  const contactRefreshMs = options.contactRefreshMs ?? 600_000
  const backoffMaxMs = options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS
  const emitter = new Emitter<EngineEvents>((e) => log(`event listener threw: ${String(e)}`))
  const lifecycle = new Lifecycle(clock, (e) => emitter.emit('state', e))
  const waker = new RetryWaker(clock)
  let running: Promise<void> | null = null
  const stopper = new AbortController()
  // The components built first reach the loop (declared below) only through closures called later.
  const currentStore = (): AccountStore | null => loop.store

  const directory = new Directory(client, {
    rekey(from, to) {
      try {
        currentStore()?.history.rekeyConversation(from, to)
      } catch (e) {
        // Most contacts have no stored conversation (nothing to move): that is not worth a log line.
        if (e instanceof StoreError && e.code === 'not-found') return
        log(`rekey ${from} -> ${to} failed: ${String(e)}`)
      }
    },
    changed: (reason) => emitter.emit('contacts', { reason }),
    senderResolved: (kind, conversationId, uin, name) => emitter.emit('sender-resolved', { kind, conversationId, uin, name }),
    log
  })

  const runner = new OutboxRunner({
    client,
    clock,
    directory,
    // A getter, so a settings change reaches the next send without rebuilding the engine.
    get sendIntervalMs() {
      const value = options.sendIntervalMs
      return typeof value === 'function' ? value() : (value ?? 1000)
    },
    outbox: () => currentStore()?.outbox ?? null,
    // Only while the connection is healthy: a send while reconnecting waits in the queue (never a
    // request into a dead connection that would leave it "unconfirmed").
    sessionId: () => (loop.online && loop.session && lifecycle.state === 'online' ? loop.session.id : null),
    emit: (dto) => emitter.emit('outbox', dto),
    sessionDead: (retcode) => {
      log(`a send was refused with ${retcode}: the session is over`)
      loop.sessionDeadBySend = retcode
      loop.session?.abort.abort()
    },
    log
  })

  const gaps = new GapRecorder({
    clock,
    history: () => currentStore()?.history ?? null,
    emit: (gap) => emitter.emit('gap', gap),
    log,
    outageMs: options.outageGapMs ?? 60_000
  })

  const storage = new StorageHealth({
    emit: (status) => emitter.emit('storage', status),
    log,
    retryMs: options.storageRetryMs ?? STORAGE_RETRY_MS,
    later(ms, fn) {
      const timer = setTimeout(fn, ms)
      timer.unref()
      return () => clearTimeout(timer)
    }
  })

  const pipeline = new Pipeline({
    directory,
    history: () => currentStore()?.history ?? null,
    persist: (rows) => storage.persist(rows),
    echoes: runner,
    emitMessage: (m) => emitter.emit('message', m),
    emitPresence: (p) => emitter.emit('presence', p),
    log
  })

  const loop: SessionLoop = new SessionLoop({
    options,
    client,
    clock,
    log,
    emitter,
    lifecycle,
    directory,
    runner,
    gaps,
    storage,
    pipeline,
    waker,
    backoffMaxMs,
    contactRefreshMs,
    stopper
  })

  // ---- mapping stored rows to DTOs with the current session's ids ----

  function currentId(kind: ConversationKind, key: string): number {
    return directory.idOfKey(kind, key) ?? 0
  }

  const toDto = (m: StoredMessage, conversationId: number): MessageDto => toMessageDto(directory, loop.self, m, conversationId)

  function requireStore(): AccountStore {
    const store = loop.store
    if (!store) throw new EngineCommandError('no account yet: sign in once first')
    return store
  }

  const prefs = new ConversationPrefs(directory, () => requireStore().history)
  const qqLookup = new QqLookup(client, directory, log)
  const profiles = new Profiles(client, directory, clock, log, (key) => qqLookup.known(key))
  const sessionSignal = (): AbortSignal | undefined => (loop.session ? AbortSignal.any([stopper.signal, loop.session.abort.signal]) : undefined)

  function keyOf(kind: ConversationKind, id: number): string {
    const c = directory.conversationKey(kind, id)
    if (!c.known) throw new EngineCommandError(`unknown ${kind} ${id} (not in the current contacts)`)
    return c.key
  }

  function toSegments(input: SendInput): Segment[] {
    const segments = 'text' in input ? [{ type: 'text' as const, text: input.text }] : input.segments
    if (segments.length === 0 || segments.every((s) => s.type === 'text' && s.text.trim() === '')) throw new EngineCommandError('nothing to send')
    if (segments.some((s) => s.type === 'image')) throw new EngineCommandError('SmartQQ cannot send pictures')
    return segments
  }

  const engine: Engine = {
    on: (event, cb) => emitter.on(event, cb),
    start() {
      running ??= loop
        .run()
        .catch((e: unknown) => {
          if (!stopper.signal.aborted && !isAbort(e)) log(`engine stopped unexpectedly: ${String(e)}`)
        })
        // A sign-in that stopped (unreachable server) can be started again.
        .finally(() => {
          if (!stopper.signal.aborted) running = null
        })
    },
    async stop() {
      if (loop.session) loop.session.endedBy = 'stop'
      stopper.abort()
      await running
      loop.online = false
      await runner.stop()
      loop.store?.close()
      loop.store = null
      storage.closed()
    },
    async logout() {
      const s = loop.session
      if (!s || !loop.online) {
        // Still signing in, on the QR or unreachable: forget the remembered session and show a QR.
        if (loop.abandonAttempt()) await options.secrets.clear(loop.storeAccount ?? undefined).catch(() => {})
        return
      }
      s.endedBy = 'logout'
      s.abort.abort()
      await options.secrets.clear(loop.storeAccount ?? undefined).catch(() => {})
    },
    get state() {
      return lifecycle.state
    },
    get connection() {
      return lifecycle.retry
    },
    retryNow: () => waker.wake(),
    get storage() {
      return storage.status
    },
    get self() {
      return loop.self
    },
    async contacts(opts = {}) {
      if (opts.refresh || clock.now() - directory.loadedAt > contactRefreshMs) await loop.refreshContacts()
      return {
        buddies: [...directory.buddies.values()].map((b) => ({
          uin: b.uin,
          nick: b.nick,
          markname: b.markname,
          category: b.categoryName,
          online: b.status !== 'offline',
          status: b.status,
          key: b.key,
          vipLevel: b.vipLevel
        })),
        groups: [...directory.groups.values()].map((g) => ({ gid: g.gid, code: g.code, name: g.name, markname: g.markname, key: g.key })),
        discussions: [...directory.discussions.values()].map((d) => ({ did: d.did, name: d.name, key: d.key })),
        recent: directory.recent.map((r) => {
          const c = directory.conversationKey(r.kind, r.uin)
          return { kind: r.kind, id: r.uin, key: c.known ? c.key : null }
        }),
        loadedAt: directory.loadedAt
      }
    },
    async members(kind, id, opts = {}) {
      keyOf(kind, id)
      const members = await directory.members(kind, id, opts.refresh ?? false)
      if (!members) throw new EngineCommandError(`unknown ${kind} ${id}`)
      return members.map((m) => toMemberDto(kind, m))
    },
    send(input) {
      const segments = toSegments(input)
      const conversationKey = keyOf(input.kind, input.to)
      const sessionId = directory.sessionId
      if (!sessionId) throw new EngineCommandError('not signed in yet')
      const sender = directory.selfSender()
      const entries = runner.enqueue({
        kind: input.kind,
        conversationKey,
        targetId: input.to,
        sessionId,
        segments,
        ref: input.ref ?? null,
        sender: { key: sender.key, name: sender.name },
        font: typeof options.sendFont === 'function' ? options.sendFont() : (options.sendFont ?? DEFAULT_FONT)
      })
      return entries.map(toOutboxDto)
    },
    retry(outboxId) {
      requireStore()
      return toOutboxDto(runner.retry(outboxId))
    },
    outbox() {
      return requireStore().outbox.pending().map(toOutboxDto)
    },
    outboxByRef(ref) {
      const e = requireStore().outbox.findByRef(ref)
      return e ? toOutboxDto(e) : null
    },
    history(kind, id, query = {}) {
      const key = directory.conversationKey(kind, id).key
      const page = requireStore().history.page(key, { limit: query.limit, before: query.before ?? null, after: query.after ?? null })
      return { messages: page.messages.map((m) => toDto(m, id)), next: page.next }
    },
    around(kind, id, messageId, limit) {
      const key = directory.conversationKey(kind, id).key
      try {
        const page = requireStore().history.around(key, messageId, { limit })
        return { messages: page.messages.map((m) => toDto(m, id)), anchor: page.anchor, older: page.older, newer: page.newer }
      } catch (e) {
        if (e instanceof StoreError && e.code === 'not-found') throw new EngineCommandError(`no message ${messageId} with ${kind} ${id}`)
        throw e
      }
    },
    exportConversation(kind, id, format, path) {
      if (!isAbsolute(path)) throw new EngineCommandError(`export path must be absolute: ${path}`)
      // The same key history() reads, so a conversation not (yet) in the contacts still exports.
      const key = directory.conversationKey(kind, id).key
      try {
        requireStore().history.exportConversationToFile(key, format, path)
      } catch (e) {
        if (e instanceof StoreError) {
          if (e.code === 'not-found') throw new EngineCommandError(`no stored history with ${kind} ${id}`)
          // A refused target (a profile file, a symlink): the caller's path, said as it is.
          if (e.code === 'bad-input') throw new EngineCommandError(e.message)
          throw e
        }
        // A missing folder or a read-only target is the caller's path, not a broken store.
        if (e instanceof Error && 'code' in e && typeof e.code === 'string') throw new EngineCommandError(`cannot write ${path}: ${e.code}`)
        throw e
      }
      return { path, format }
    },
    search(text, scope, query = {}) {
      const conversation = scope ? directory.conversationKey(scope.kind, scope.id).key : undefined
      const page = requireStore().history.search({ text, conversation, limit: query.limit, before: query.before ?? null })
      return {
        messages: page.messages.map((m) => toDto(m, scope ? scope.id : currentId(m.kind, m.conversation))),
        next: page.next
      }
    },
    unread() {
      return requireStore()
        .history.listConversations()
        .filter((c) => c.unread > 0)
        .map((c) => ({ conversationKey: c.key, kind: c.kind, id: directory.idOfKey(c.kind, c.key), count: c.unread }))
    },
    markRead(kind, id) {
      requireStore().history.markRead(keyOf(kind, id))
    },
    async setStatus(status) {
      const s = loop.session
      if (!s || !loop.online) throw new EngineCommandError('not signed in')
      await client.changeStatus(status === 'invisible' ? 'hidden' : status, AbortSignal.any([stopper.signal, s.abort.signal]))
      // Members lists show the account with the status it has now (directory.members).
      directory.selfStatus = status === 'invisible' ? 'hidden' : status
    },
    conversationPrefs: () => prefs.list(),
    setConversationPrefs(input) {
      const dto = prefs.set(input)
      emitter.emit('prefs', dto)
      return dto
    },
    conversations: () => conversationSummaries(requireStore().history, directory),
    async profile(kind, id) {
      keyOf(kind, id)
      return profiles.profile(kind, id, sessionSignal())
    },
    signatures: (uins) => profiles.signatures(uins, sessionSignal()),
    lookupQQ: (uin) => qqLookup.lookup(uin, sessionSignal())
  }
  return engine
}
