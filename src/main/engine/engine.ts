/**
 * The engine facade: `createEngine(options)` ties the lifecycle, login flow, directory, pipeline, poll
 * loop and outbox together and exposes typed commands plus `on(event, cb)` subscriptions.
 * It imports no electron: the shell injects the protocol client, the secret store and how to open an
 * account's store; the headless CLI injects plain-Node versions of the same.
 */
import { randomUUID } from 'node:crypto'
import { isAbsolute } from 'node:path'
import type { ConversationKind, Segment, SessionState } from '../../shared/domain'
import { mentionsAny } from '../../shared/mentions'
import type { ProtocolClient, SessionCredentials } from '../protocol/types'
import { StoreError } from '../store/errors'
import type { AccountStore, StoredMessage } from '../store/types'
import { isAbort, systemClock, type Clock } from './clock'
import { conversationSummaries } from './conversation-list'
import { ConversationPrefs, type PrefsInput } from './conversation-prefs'
import { Directory } from './directory'
import { Backoff } from './backoff'
import { Emitter } from './emitter'
import { GapRecorder } from './gap-recorder'
import { Lifecycle } from './lifecycle'
import { isTransient, qrLogin, resumeRemembered, type LoginFlowDeps } from './login-flow'
import { OutboxRunner, toOutboxDto } from './outbox-runner'
import { Pipeline } from './pipeline'
import { Profiles, toMemberDto } from './profiles'
import { runPollLoop, type PollExit } from './poll-loop'
import { prefetchSenders, SENDER_PREFETCH_MAX_WAIT_MS } from './sender-prefetch'
import { STORAGE_RETRY_MS, StorageHealth } from './storage-health'
import type { SecretStore } from './ports'
import {
  EngineCommandError,
  type AroundPage,
  type ContactsDto,
  type ConversationPrefsDto,
  type ConversationSummaryDto,
  type EngineEvents,
  type ExportFormat,
  type ExportResult,
  type HistoryPage,
  type MemberDto,
  type MessageDto,
  type OutboxDto,
  type ProfileDto,
  type SelfDto,
  type SendInput,
  type StorageStatusDto,
  type UnreadDto
} from './types'

/** Failed loads of a (remembered) session in a row before the engine asks for a QR instead. */
const MAX_REMEMBERED_LOAD_FAILURES = 3

export interface EngineOptions {
  client: ProtocolClient
  secrets: SecretStore
  /** Opens (creating if needed) the history/outbox store of one account (QQ number). */
  openStore(account: number): AccountStore
  clock?: Clock
  /** Minimum time between two sends. Default 1000 ms. */
  sendIntervalMs?: number | (() => number)
  /** Contacts are reloaded this often (and on demand). Default 10 minutes. */
  contactRefreshMs?: number
  /** Time between two QR state checks. Default 1000 ms. */
  qrPollIntervalMs?: number
  /** A poll that brings no news is not repeated sooner than this after the previous one started. Default 1000 ms. */
  pollMinIntervalMs?: number
  /** Ceiling of the network backoff. Default 30 s. */
  backoffMaxMs?: number
  /** Polls failing at least this long leave a "messages may be missing here" mark. Default 60 s. */
  outageGapMs?: number
  /** Human log lines (stderr headless, the app log in Electron). */
  log?(message: string): void
  /** While the store refuses writes, unsaved messages are retried this often. Default 5 s. */
  storageRetryMs?: number
}

export interface HistoryQuery {
  limit?: number
  before?: string | null
  /** Newer than this cursor instead (paging forward from a search jump). */
  after?: string | null
}

export interface Engine {
  on<K extends keyof EngineEvents>(event: K, cb: (payload: EngineEvents[K]) => void): () => void
  /** Starts the lifecycle: remembered session if any, else the QR. Resolves once running (not once online). */
  start(): void
  /** Stops polling; waits for a send in flight; closes the store. Queued sends stay for the next start. */
  stop(): Promise<void>
  /** Ends the session on purpose (forgets the remembered one) and shows a new QR. */
  logout(): Promise<void>
  readonly state: SessionState
  /** Whether messages are being saved (the last `storage` event). */
  readonly storage: StorageStatusDto
  readonly self: SelfDto | null
  /** The directory; reloaded from the server first when older than the refresh interval or with `refresh`. */
  contacts(options?: { refresh?: boolean }): Promise<ContactsDto>
  members(kind: 'group' | 'discuss', id: number, options?: { refresh?: boolean }): Promise<MemberDto[]>
  /** Queues a message (split if long); it goes out now or after the next login. */
  send(input: SendInput): OutboxDto[]
  retry(outboxId: number): OutboxDto
  /** Entries not yet sent (queued, sending, unconfirmed, failed). */
  outbox(): OutboxDto[]
  /** The newest outbox entry with this ref (any state), or null. */
  outboxByRef(ref: string): OutboxDto | null
  history(kind: ConversationKind, id: number, query?: HistoryQuery): HistoryPage
  /** Removes a stored message from this computer only (the other side and other devices keep it). */
  deleteMessage(kind: ConversationKind, id: number, messageId: string): void
  /** The stored message `messageId` with up to `limit` older and `limit` newer ones (a search jump). */
  around(kind: ConversationKind, id: number, messageId: string, limit?: number): AroundPage
  /** Writes the whole stored history of a conversation to `path` (absolute; file mode 0600). */
  exportConversation(kind: ConversationKind, id: number, format: ExportFormat, path: string): ExportResult
  search(text: string, scope?: { kind: ConversationKind; id: number } | null, query?: HistoryQuery): HistoryPage
  unread(): UnreadDto[]
  markRead(kind: ConversationKind, id: number): void
  /** Our own presence (change_status2); 'invisible' is SmartQQ's 'hidden'. Needs an online session. */
  setStatus(status: 'online' | 'away' | 'busy' | 'invisible'): Promise<void>
  /** Every conversation with a pin, mute or draft (`id` null when not in the current contacts). */
  conversationPrefs(): ConversationPrefsDto[]
  /** Changes a conversation's pin, mute or draft (persisted) and emits `prefs`. */
  setConversationPrefs(input: PrefsInput): ConversationPrefsDto
  /** Stored conversations, newest activity first, with their last message and unread count. */
  conversations(): ConversationSummaryDto[]
  /** A profile card: buddy (get_friend_info2 + signature), group (announcement, owner, members) or discussion. */
  profile(kind: ConversationKind, id: number): Promise<ProfileDto>
  /** Signatures of up to 60 buddies (cached; fetched a few at a time); failed ones are left out. */
  signatures(uins: number[]): Promise<Record<number, string>>
}

interface Session {
  id: string
  credentials: SessionCredentials
  abort: AbortController
  /** Why the session was ended from outside (logout / stop), if it was. */
  endedBy: 'logout' | 'stop' | null
}

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? systemClock
  const log = options.log ?? (() => {})
  const client = options.client
  const contactRefreshMs = options.contactRefreshMs ?? 600_000
  const backoffMaxMs = options.backoffMaxMs ?? 30_000
  const emitter = new Emitter<EngineEvents>((e) => log(`event listener threw: ${String(e)}`))
  const lifecycle = new Lifecycle(clock, (e) => emitter.emit('state', e))

  let store: AccountStore | null = null
  let storeAccount: number | null = null
  let session: Session | null = null
  let online = false
  let self: SelfDto | null = null
  let running: Promise<void> | null = null
  const stopper = new AbortController()
  let refreshing: Promise<void> | null = null

  const directory = new Directory(client, {
    rekey(from, to) {
      try {
        store?.history.rekeyConversation(from, to)
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
    outbox: () => store?.outbox ?? null,
    sessionId: () => (online && session ? session.id : null),
    emit: (dto) => emitter.emit('outbox', dto),
    sessionDead: (retcode) => {
      log(`a send was refused with ${retcode}: the session is over`)
      sessionDeadBySend = retcode
      session?.abort.abort()
    },
    log
  })
  let sessionDeadBySend: number | null = null

  const gaps = new GapRecorder({
    clock,
    history: () => store?.history ?? null,
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
    history: () => store?.history ?? null,
    persist: (rows) => storage.persist(rows),
    echoes: runner,
    emitMessage: (m) => emitter.emit('message', m),
    emitPresence: (p) => emitter.emit('presence', p),
    log
  })

  const loginDeps: LoginFlowDeps = {
    client,
    clock,
    lifecycle,
    qrPollIntervalMs: options.qrPollIntervalMs ?? 1000,
    backoffMaxMs,
    emitQr: (png) => emitter.emit('qr', { png }),
    log
  }

  function useStore(account: number): void {
    if (storeAccount === account && store) return
    store?.close()
    store = null
    storeAccount = null
    // Never throws: an unusable file means an in-memory store and a `storage` event saying why.
    store = storage.open(account, options.openStore)
    storeAccount = account
    if (store.report.interruptedSends.length > 0)
      log(`${store.report.interruptedSends.length} send(s) were interrupted by a crash and are marked unconfirmed`)
  }

  async function saveSession(): Promise<void> {
    try {
      const saved = await client.exportSession()
      // Under the account number, like load() and clear(): SmartQQ's self uin is the QQ number, a compatible server's may not be.
      if (saved) await options.secrets.save(storeAccount ?? saved.credentials.uin, saved)
    } catch (e) {
      log(`saving the remembered session failed: ${String(e)}`)
    }
  }

  function refreshContacts(): Promise<void> {
    const s = session
    if (!s || !online) return Promise.resolve()
    refreshing ??= directory
      .load(clock.now(), s.id, s.abort.signal)
      .catch((e: unknown) => {
        if (!isAbort(e)) log(`contact refresh failed: ${String(e)}`)
      })
      .finally(() => {
        refreshing = null
      })
    return refreshing
  }

  async function refreshTimer(signal: AbortSignal): Promise<void> {
    for (;;) {
      await clock.sleep(contactRefreshMs, signal)
      void refreshContacts()
    }
  }

  /** Everything between "login2 succeeded" and "online with contacts loaded". */
  async function enterSession(credentials: SessionCredentials, remembered: boolean): Promise<Session> {
    const s: Session = { id: randomUUID(), credentials, abort: new AbortController(), endedBy: null }
    const signal = AbortSignal.any([stopper.signal, s.abort.signal])
    const info = await client.getSelfInfo(signal).catch((e: unknown) => {
      if (!isTransient(e)) throw e
      log(`get_self_info2 failed (${String(e)}); using the uin as the name`)
      return null
    })
    const qq = info?.account ?? credentials.uin
    useStore(qq)
    directory.setSelf({ uin: credentials.uin, qq, nick: info?.nick ?? String(qq) })
    await directory.load(clock.now(), s.id, signal)
    self = { uin: credentials.uin, qq, nick: info?.nick ?? String(qq) }
    await saveSession()
    session = s
    online = true
    sessionDeadBySend = null
    lifecycle.to('online', remembered ? 'remembered' : 'online')
    gaps.online()
    emitter.emit('ready', {
      self,
      buddies: directory.buddies.size,
      groups: directory.groups.size,
      discussions: directory.discussions.size,
      remembered
    })
    void directory
      .lookupQQNumbers(signal)
      .catch((e: unknown) => {
        if (!isAbort(e)) log(`uin -> QQ lookups stopped: ${String(e)}`)
      })
      // Queued sends stored under a QQ key were waiting for these lookups to name their recipient.
      .finally(() => runner.wake())
    void refreshTimer(signal).catch(() => {})
    runner.start()
    return s
  }

  async function runSession(s: Session): Promise<PollExit> {
    const signal = AbortSignal.any([stopper.signal, s.abort.signal])
    return runPollLoop(
      {
        client,
        clock,
        minIntervalMs: options.pollMinIntervalMs ?? 1000,
        maxBackoffMs: backoffMaxMs,
        prepareBatch: (events) => prefetchSenders(directory, events, clock, SENDER_PREFETCH_MAX_WAIT_MS, signal),
        handleBatch: (events) => pipeline.handle(events),
        troubled: (reason, detail) => {
          gaps.troubled(reason)
          lifecycle.to('reconnecting', reason, detail)
        },
        healthy: () => {
          gaps.healthy()
          lifecycle.to('online', 'online')
        },
        credentialsChanged: () => void saveSession(),
        log
      },
      signal
    )
  }

  /** The lifecycle loop: get a session, run it, and when it ends get the next one. */
  async function lifecycleLoop(): Promise<void> {
    let tryRemembered = true
    // Loading a session that keeps failing (contacts answer 502 for ever...) must neither spin nor
    // stay on the remembered session for ever: back off between tries, then ask for a QR.
    const loadBackoff = new Backoff(clock, { maxMs: backoffMaxMs })
    while (!stopper.signal.aborted) {
      const signal = stopper.signal
      let credentials: SessionCredentials | null = null
      let remembered = false
      if (tryRemembered) {
        const saved = await options.secrets.load(storeAccount ?? undefined).catch((e: unknown) => {
          log(`reading the remembered session failed: ${String(e)}`)
          return null
        })
        if (saved) {
          const savedUnder = storeAccount ?? undefined
          useStore(saved.credentials.uin)
          const resumed = await resumeRemembered(loginDeps, saved, signal)
          credentials = typeof resumed === 'object' ? resumed : null
          remembered = credentials !== null
          // The file it was read from (by account, or the last one when none was open yet).
          if (resumed === 'refused') await options.secrets.clear(savedUnder).catch(() => {})
        }
      }
      credentials ??= await qrLogin(loginDeps, signal)
      let s: Session
      try {
        s = await enterSession(credentials, remembered)
      } catch (e) {
        if (stopper.signal.aborted) return
        log(`loading the session failed: ${String(e)}`)
        lifecycle.to('signed-out', 'login-failed', e instanceof Error ? e.message : String(e))
        tryRemembered = isTransient(e) && loadBackoff.consecutiveFailures < MAX_REMEMBERED_LOAD_FAILURES
        await clock.sleep(loadBackoff.next(), stopper.signal).catch(() => {})
        continue
      }
      loadBackoff.reset()
      const exit = await runSession(s)
      online = false
      await runner.stop()
      if (stopper.signal.aborted) return
      const endedBy = s.endedBy
      if (endedBy === 'logout') {
        lifecycle.to('signed-out', 'logout')
        tryRemembered = false
      } else if (sessionDeadBySend !== null || exit.kind === 'session-dead') {
        gaps.sessionLost()
        lifecycle.to('signed-out', 'expired', `retcode ${exit.kind === 'session-dead' ? exit.retcode : sessionDeadBySend}`)
        await options.secrets.clear(storeAccount ?? undefined).catch(() => {})
        tryRemembered = false
      } else if (exit.kind === 'stuck') {
        // Waiting cannot help (1000001 for ever, an unusable token): end it, say why, forget it, show a QR.
        log(`the session cannot make progress: ${exit.reason}`)
        gaps.sessionLost()
        lifecycle.to('signed-out', 'expired', exit.reason)
        await options.secrets.clear(storeAccount ?? undefined).catch(() => {})
        tryRemembered = false
      } else if (exit.kind === 'kicked') {
        gaps.sessionLost()
        lifecycle.to('signed-out', 'kicked', exit.reason)
        await options.secrets.clear(storeAccount ?? undefined).catch(() => {})
        tryRemembered = false
      } else {
        // The 103 ladder ran out: log in again, the remembered session first (it may still work).
        gaps.sessionLost()
        lifecycle.to('signed-out', 'expired', 'poll 103 after relink')
        tryRemembered = true
      }
      await client.reset()
    }
  }

  // ---- mapping stored rows to DTOs with the current session's ids ----

  function currentId(kind: ConversationKind, key: string): number {
    return directory.idOfKey(kind, key) ?? 0
  }

  function toDto(m: StoredMessage, conversationId: number): MessageDto {
    const conversationName = conversationId ? directory.conversationName(m.kind, conversationId) : m.senderName
    const selfParty = { uin: self?.uin ?? 0, name: self?.nick ?? '' }
    const senderUin = m.self ? selfParty.uin : m.kind === 'buddy' ? conversationId : directory.uinOfSender(m.kind, conversationId, m.sender)
    return {
      id: m.id,
      kind: m.kind,
      conversationKey: m.conversation,
      conversationId,
      from: m.self ? selfParty : { uin: senderUin ?? 0, name: m.senderName },
      to: m.kind === 'buddy' && !m.self ? selfParty : { uin: conversationId, name: conversationName },
      text: m.text,
      segments: m.segments,
      time: m.time,
      self: m.self,
      state: m.state,
      ...(m.gapBefore ? { gapBefore: m.gapBefore } : {}),
      ...(!m.self && m.kind !== 'buddy' && mentionsAny(m.text, directory.selfNames(m.kind, conversationId)) ? { mentionsMe: true } : {})
    }
  }

  function requireStore(): AccountStore {
    if (!store) throw new EngineCommandError('no account yet: sign in once first')
    return store
  }

  const prefs = new ConversationPrefs(directory, () => requireStore().history)
  const profiles = new Profiles(client, directory, clock, log)
  const sessionSignal = (): AbortSignal | undefined => (session ? AbortSignal.any([stopper.signal, session.abort.signal]) : undefined)

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
      running ??= lifecycleLoop().catch((e: unknown) => {
        if (!stopper.signal.aborted && !isAbort(e)) log(`engine stopped unexpectedly: ${String(e)}`)
      })
    },
    async stop() {
      if (session) session.endedBy = 'stop'
      stopper.abort()
      await running
      online = false
      await runner.stop()
      store?.close()
      store = null
      storage.closed()
    },
    async logout() {
      const s = session
      if (!s || !online) return
      s.endedBy = 'logout'
      s.abort.abort()
      await options.secrets.clear(storeAccount ?? undefined).catch(() => {})
    },
    get state() {
      return lifecycle.state
    },
    get storage() {
      return storage.status
    },
    get self() {
      return self
    },
    async contacts(opts = {}) {
      if (opts.refresh || clock.now() - directory.loadedAt > contactRefreshMs) await refreshContacts()
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
        sender: { key: sender.key, name: sender.name }
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
    deleteMessage(kind, id, messageId) {
      const key = directory.conversationKey(kind, id).key
      try {
        requireStore().history.deleteMessage(key, messageId)
      } catch (e) {
        if (e instanceof StoreError && e.code === 'not-found') throw new EngineCommandError(`no message ${messageId} with ${kind} ${id}`)
        if (e instanceof StoreError && e.code === 'bad-input') throw new EngineCommandError(`message ${messageId} is still being sent`)
        throw e
      }
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
      const s = session
      if (!s || !online) throw new EngineCommandError('not signed in')
      await client.changeStatus(status === 'invisible' ? 'hidden' : status, AbortSignal.any([stopper.signal, s.abort.signal]))
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
    signatures: (uins) => profiles.signatures(uins, sessionSignal())
  }
  return engine
}
