/**
 * The engine's lifecycle loop: get a session (remembered first, else the QR), load it, run its poll
 * loop, and when it ends decide what the next one is. It owns the account's open store and the
 * current session.
 *
 * A server that cannot be reached is never a verdict: while signing in or loading a session the state
 * is `unreachable` (cause + next attempt), the remembered session and its file are kept, the last
 * contacts are restored from the store (read-only; sends queue), and the attempt is repeated with a
 * backoff capped so that the client is back within 20 s of the server answering. Only the server's
 * verdicts (100000/100001/103-class refusals, a kick, tokens the client cannot use) end a session.
 */
import { randomUUID } from 'node:crypto'
import type { ProtocolClient, SessionCredentials } from '../protocol/types'
import type { AccountStore } from '../store/types'
import { isAbort, type Clock } from './clock'
import { isUnreachable, TroubleStreak, type RetryWaker } from './connection'
import type { Directory } from './directory'
import { CONTACTS_SNAPSHOT, restoreSnapshot, snapshotOf } from './directory-snapshot'
import type { Emitter } from './emitter'
import type { EngineOptions } from './engine-api'
import type { GapRecorder } from './gap-recorder'
import type { Lifecycle } from './lifecycle'
import { ServerUnreachableError, qrLogin, resumeRemembered, type LoginFlowDeps } from './login-flow'
import type { OutboxRunner } from './outbox-runner'
import type { Pipeline } from './pipeline'
import { runPollLoop, type PollExit } from './poll-loop'
import { prefetchSenders, SENDER_PREFETCH_MAX_WAIT_MS } from './sender-prefetch'
import type { StorageHealth } from './storage-health'
import type { EngineEvents, SelfDto } from './types'

export interface Session {
  id: string
  credentials: SessionCredentials
  abort: AbortController
  /** Why the session was ended from outside (logout / stop), if it was. */
  endedBy: 'logout' | 'stop' | null
}

export interface SessionLoopDeps {
  options: EngineOptions
  client: ProtocolClient
  clock: Clock
  log(message: string): void
  emitter: Emitter<EngineEvents>
  lifecycle: Lifecycle
  directory: Directory
  runner: OutboxRunner
  gaps: GapRecorder
  storage: StorageHealth
  pipeline: Pipeline
  waker: RetryWaker
  backoffMaxMs: number
  contactRefreshMs: number
  stopper: AbortController
}

export class SessionLoop {
  store: AccountStore | null = null
  storeAccount: number | null = null
  session: Session | null = null
  online = false
  self: SelfDto | null = null
  /** A send was refused with 100000/100001 (the outbox runner saw the session die). */
  sessionDeadBySend: number | null = null
  private refreshing: Promise<void> | null = null
  /** The attempt before a session is online (resume, QR, load): aborted by a logout meanwhile. */
  private attempt: AbortController | null = null
  private loggingOut = false
  private readonly loginDeps: LoginFlowDeps

  constructor(private readonly deps: SessionLoopDeps) {
    this.loginDeps = {
      client: deps.client,
      clock: deps.clock,
      lifecycle: deps.lifecycle,
      qrPollIntervalMs: deps.options.qrPollIntervalMs ?? 1000,
      backoffMaxMs: deps.backoffMaxMs,
      waker: deps.waker,
      emitQr: (png) => deps.emitter.emit('qr', { png }),
      log: deps.log,
      signInReachMs: deps.options.signInReachMs ?? null
    }
  }

  useStore(account: number): void {
    if (this.storeAccount === account && this.store) return
    this.store?.close()
    this.store = null
    this.storeAccount = null
    // Never throws: an unusable file means an in-memory store and a `storage` event saying why.
    this.store = this.deps.storage.open(account, this.deps.options.openStore)
    this.storeAccount = account
    if (this.store.report.interruptedSends.length > 0)
      this.deps.log(`${this.store.report.interruptedSends.length} send(s) were interrupted by a crash and are marked unconfirmed`)
  }

  /** Nothing loaded in this process yet: the last contacts of this account from its store (read-only until online). */
  private restoreContacts(): void {
    if (!this.store || this.deps.directory.sessionId !== null) return
    try {
      const self = restoreSnapshot(this.deps.directory, this.store.snapshots.load(CONTACTS_SNAPSHOT))
      if (!self) return
      this.self = { uin: self.uin, qq: self.qq, nick: self.nick }
      this.deps.emitter.emit('contacts', { reason: 'refresh' })
    } catch (e) {
      this.deps.log(`restoring the last contacts failed: ${String(e)}`)
    }
  }

  saveContacts(): void {
    const self = this.deps.directory.self
    if (!this.store || !self) return
    try {
      const snapshot = snapshotOf(this.deps.directory, self)
      if (snapshot) this.store.snapshots.save(CONTACTS_SNAPSHOT, snapshot)
    } catch (e) {
      this.deps.log(`saving the contact list failed: ${String(e)}`)
    }
  }

  private async saveSession(): Promise<void> {
    try {
      const saved = await this.deps.client.exportSession()
      // Under the account number, like load() and clear(): SmartQQ's self uin is the QQ number, a compatible server's may not be.
      if (saved) await this.deps.options.secrets.save(this.storeAccount ?? saved.credentials.uin, saved)
    } catch (e) {
      this.deps.log(`saving the remembered session failed: ${String(e)}`)
    }
  }

  refreshContacts(): Promise<void> {
    const s = this.session
    if (!s || !this.online) return Promise.resolve()
    this.refreshing ??= this.deps.directory
      .load(this.deps.clock.now(), s.id, s.abort.signal)
      .then(() => this.saveContacts())
      .catch((e: unknown) => {
        if (!isAbort(e)) this.deps.log(`contact refresh failed: ${String(e)}`)
      })
      .finally(() => {
        this.refreshing = null
      })
    return this.refreshing
  }

  private async refreshTimer(signal: AbortSignal): Promise<void> {
    for (;;) {
      await this.deps.clock.sleep(this.deps.contactRefreshMs, signal)
      void this.refreshContacts()
    }
  }

  /** Everything between "login2 succeeded" and "online with contacts loaded". */
  private async enterSession(credentials: SessionCredentials, remembered: boolean, attempt: AbortSignal): Promise<Session> {
    const { client, directory, clock, log, lifecycle, emitter, runner } = this.deps
    const s: Session = { id: randomUUID(), credentials, abort: new AbortController(), endedBy: null }
    const signal = AbortSignal.any([this.deps.stopper.signal, s.abort.signal, attempt])
    const info = await client.getSelfInfo(signal).catch((e: unknown) => {
      if (!isUnreachable(e)) throw e
      log(`get_self_info2 failed (${String(e)}); using the uin as the name`)
      return null
    })
    const qq = info?.account ?? credentials.uin
    this.useStore(qq)
    const nick = info?.nick ?? (this.self?.qq === qq ? this.self.nick : String(qq))
    directory.setSelf({ uin: credentials.uin, qq, nick })
    await directory.load(clock.now(), s.id, signal)
    this.self = { uin: credentials.uin, qq, nick }
    this.saveContacts()
    await this.saveSession()
    this.session = s
    this.online = true
    this.sessionDeadBySend = null
    lifecycle.to('online', remembered ? 'remembered' : 'online')
    this.deps.gaps.online()
    emitter.emit('ready', {
      self: this.self,
      buddies: directory.buddies.size,
      groups: directory.groups.size,
      discussions: directory.discussions.size,
      remembered
    })
    const live = AbortSignal.any([this.deps.stopper.signal, s.abort.signal])
    void directory
      .lookupQQNumbers(live)
      .then(() => this.saveContacts())
      .catch((e: unknown) => {
        if (!isAbort(e)) log(`uin -> QQ lookups stopped: ${String(e)}`)
      })
      // Queued sends stored under a QQ key were waiting for these lookups to name their recipient.
      .finally(() => runner.wake())
    void this.refreshTimer(live).catch(() => {})
    runner.start()
    return s
  }

  /**
   * Loads a session, repeating while the server cannot be reached (`unreachable`, cause and next
   * attempt); null when the server refused it (the state says why).
   */
  private async loadSession(credentials: SessionCredentials, remembered: boolean, attempt: AbortSignal): Promise<Session | null> {
    const streak = new TroubleStreak(this.deps.clock, this.deps.backoffMaxMs)
    for (;;) {
      try {
        return await this.enterSession(credentials, remembered, attempt)
      } catch (e) {
        if (this.deps.stopper.signal.aborted || attempt.aborted) throw e
        if (!isUnreachable(e)) {
          this.deps.log(`loading the session failed: ${String(e)}`)
          this.deps.lifecycle.to('signed-out', 'login-failed', e instanceof Error ? e.message : String(e))
          return null
        }
        const { delay, trouble } = streak.failed(e)
        this.deps.log(`loading the session failed (${String(e)}); retrying in ${Math.round(delay)} ms`)
        this.restoreContacts()
        this.deps.lifecycle.retrying('unreachable', 'network', e instanceof Error ? e.message : String(e), trouble)
        await this.deps.waker.sleep(delay, AbortSignal.any([this.deps.stopper.signal, attempt]))
      }
    }
  }

  private runSession(s: Session): Promise<PollExit> {
    const { client, clock, directory, pipeline, gaps, lifecycle, runner, log, options } = this.deps
    const signal = AbortSignal.any([this.deps.stopper.signal, s.abort.signal])
    return runPollLoop(
      {
        client,
        clock,
        minIntervalMs: options.pollMinIntervalMs ?? 1000,
        maxBackoffMs: this.deps.backoffMaxMs,
        waker: this.deps.waker,
        prepareBatch: (events) => prefetchSenders(directory, events, clock, SENDER_PREFETCH_MAX_WAIT_MS, signal),
        handleBatch: (events) => pipeline.handle(events),
        troubled: (reason, detail, retry) => {
          gaps.troubled(reason)
          if (retry) lifecycle.retrying('reconnecting', reason, detail, retry)
          else lifecycle.to('reconnecting', reason, detail)
        },
        brokenAnswer: (detail) => gaps.brokenAnswer(detail),
        healthy: () => {
          gaps.healthy()
          lifecycle.to('online', 'online')
          // Sends wait while the connection is in trouble; they go out now, in order.
          runner.start()
        },
        credentialsChanged: () => void this.saveSession(),
        log
      },
      signal
    )
  }

  /** Ends what is going on before a session is online (a logout while unreachable or on the QR). */
  abandonAttempt(): boolean {
    if (!this.attempt || this.online) return false
    this.loggingOut = true
    this.attempt.abort()
    return true
  }

  /** The lifecycle loop: get a session, run it, and when it ends get the next one. */
  async run(): Promise<void> {
    const { options, lifecycle, gaps, runner, client, log, stopper } = this.deps
    const forget = (): Promise<void> => options.secrets.clear(this.storeAccount ?? undefined).catch(() => {})
    let tryRemembered = true
    while (!stopper.signal.aborted) {
      const attempt = new AbortController()
      this.attempt = attempt
      const signal = AbortSignal.any([stopper.signal, attempt.signal])
      let s: Session | null
      try {
        let credentials: SessionCredentials | null = null
        let remembered = false
        if (tryRemembered) {
          const saved = await options.secrets.load(this.storeAccount ?? undefined).catch((e: unknown) => {
            log(`reading the remembered session failed: ${String(e)}`)
            return null
          })
          if (saved) {
            const savedUnder = this.storeAccount ?? undefined
            this.useStore(saved.credentials.uin)
            // Should the server not answer, the account is shown from what its store remembers (the
            // lists are replaced by the server's as soon as the session loads).
            this.restoreContacts()
            const resumed = await resumeRemembered(this.loginDeps, saved, signal)
            credentials = typeof resumed === 'object' ? resumed : null
            remembered = credentials !== null
            // The file it was read from (by account, or the last one when none was open yet).
            if (resumed === 'refused') await options.secrets.clear(savedUnder).catch(() => {})
          }
        }
        credentials ??= await qrLogin(this.loginDeps, signal)
        s = await this.loadSession(credentials, remembered, attempt.signal)
      } catch (e) {
        if (stopper.signal.aborted) return
        if (e instanceof ServerUnreachableError) {
          // The sign-in stops here and says why; start() begins a new one (Retry).
          this.attempt = null
          this.deps.emitter.emit('unreachable', e.unreachable)
          return
        }
        if (!attempt.signal.aborted || !this.loggingOut) throw e
        // A logout before the session was online: forget it and show a QR.
        this.loggingOut = false
        this.self = null
        await forget()
        await client.reset()
        lifecycle.to('signed-out', 'logout')
        tryRemembered = false
        continue
      }
      this.attempt = null
      if (!s) {
        if (stopper.signal.aborted) return
        tryRemembered = false
        await client.reset()
        continue
      }
      const exit = await this.runSession(s)
      this.online = false
      await runner.stop()
      if (stopper.signal.aborted) return
      if (s.endedBy === 'logout') {
        lifecycle.to('signed-out', 'logout')
        tryRemembered = false
      } else if (this.sessionDeadBySend !== null || exit.kind === 'session-dead') {
        gaps.sessionLost()
        lifecycle.to('signed-out', 'expired', `retcode ${exit.kind === 'session-dead' ? exit.retcode : this.sessionDeadBySend}`)
        await forget()
        tryRemembered = false
      } else if (exit.kind === 'stuck') {
        // Waiting cannot help (1000001 for ever, an unusable token): end it, say why, forget it, show a QR.
        log(`the session cannot make progress: ${exit.reason}`)
        gaps.sessionLost()
        lifecycle.to('signed-out', 'expired', exit.reason)
        await forget()
        tryRemembered = false
      } else if (exit.kind === 'kicked') {
        gaps.sessionLost()
        lifecycle.to('signed-out', 'kicked', exit.reason)
        await forget()
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
}
