/**
 * Bridges the session engine to the shell: builds the engine from the settings, and folds its
 * events into the SessionSnapshot the renderer shows (state, reason, QR as a data URL, self).
 * Plain Node (no electron import): the shell injects the secret store and the change callback.
 */
import { join } from 'node:path'
import type { EmitEvent, SessionSnapshot } from '../shared/ipc'
import type { SessionState } from '../shared/domain'
import { acquireProfileLock, createEngine, type Engine, type ProfileLock, type SecretStore, type StateEvent } from './engine'
import { createProtocolClient, ServerUrlError } from './protocol'
import { ensurePrivateDir, openAccountStore } from './store'
import type { SessionService } from './ipc/app-handlers'
import type { MessengerService } from './ipc/messenger-handlers'
import type { SettingsStore } from './shell/settings-store'
import type { Settings } from '../shared/settings'
import { SESSION_REASONS } from '../shared/errors'
import { rememberedAccountFile } from './settings/remembered-account'
import { createRememberedTracker, gatedSecrets, serverUrlFor } from './session-settings'
import { createMessageBatcher, orderedEmit } from './ipc/message-batches'

export interface ShellSessionDeps {
  settings: Pick<SettingsStore, 'get'>
  userDataDir: string
  secrets: SecretStore
  /** Pushes to the renderer: session:changed and the engine's messenger events. */
  emit: EmitEvent
  /** Overrides the server from settings (the built-in demo server). */
  serverUrl?(): string | null
  log?(message: string): void
  /** Each engine built (the desktop layer follows its messages, reads and state). */
  onEngine?(engine: Engine): void
  /** Overrides SIGN_IN_REACH_MS (tests of a server that never answers). */
  signInReachMs?: number
}

export interface ShellSession extends SessionService, MessengerService {
  /** Stops the engine (app quit): waits for a send in flight, closes the store. */
  stop(): Promise<void>
  /** Drops the running engine so the next start uses the current server settings. */
  reset(): Promise<void>
  /**
   * Settings changed: rememberSession off forgets the saved session now; a new server applies at
   * the next sign-in (at once when nobody is signed in, else after signing out).
   */
  settingsChanged(next: Settings): void
}

/** States in which a QR is on screen. */
const QR_STATES: ReadonlySet<SessionState> = new Set(['waiting', 'scanned', 'expired'])

/** Lifecycle reasons the user is told about (see login.reason.* in the i18n messages). */
const TOLD_REASONS: ReadonlySet<string> = new Set(SESSION_REASONS)

/**
 * A sign-in that has not shown its first QR by then stops and says why (the person is promised an
 * answer within 10 s; got's own retries of a refused connection take about 3 s of this).
 */
export const SIGN_IN_REACH_MS = 8_000

export function createShellSession(deps: ShellSessionDeps): ShellSession {
  // Messages go to the renderer in batches (message-batches.ts); every other push first flushes them.
  const messages = createMessageBatcher({ emit: deps.emit })
  const emit = orderedEmit(deps.emit, messages)
  let engine: Engine | null = null
  let snapshot: SessionSnapshot = { state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false }
  const secrets = gatedSecrets(deps.secrets, () => deps.settings.get())
  const remembered = createRememberedTracker(rememberedAccountFile(join(deps.userDataDir, 'accounts')), deps.secrets, () => deps.settings.get())
  snapshot.remembered = remembered.current()
  // A hint whose encrypted session is gone (deleted, keyring changed) must not offer one-click sign-in.
  void remembered.verify().then((ok) => {
    if (!ok && snapshot.remembered) update({ remembered: null })
  })
  /** The server the running engine was built for, and whether a change waits for the next sign-in. */
  let builtFor: string | null = null
  let serverChangePending = false

  const update = (patch: Partial<SessionSnapshot>): void => {
    snapshot = { ...snapshot, ...patch }
    if (!QR_STATES.has(snapshot.state)) snapshot.qrDataUrl = null
    emit('session:changed', snapshot)
  }

  const onState = (event: StateEvent): void => {
    // A told reason (kicked, expired, logout) stays visible while the new QR is up, so the user
    // knows why they are asked to scan again; going online clears it.
    const told = TOLD_REASONS.has(event.reason) ? event.reason : null
    const forgotten = remembered.stateReason(event.reason)
    // Unreachable before any session was online in this run: the account the store remembers is
    // shown (read-only messenger) while the engine retries.
    const self = event.state === 'unreachable' && !snapshot.self && engine?.self ? { uin: engine.self.uin, nick: engine.self.nick } : null
    update({
      state: event.state,
      reason: event.state === 'online' ? null : (told ?? snapshot.reason),
      connection: event.retry,
      ...(self ? { self } : {}),
      ...(forgotten ? { remembered: null } : {})
    })
  }

  let profileLock: ProfileLock | null = null

  function build(): Engine {
    const override = deps.serverUrl?.() ?? null
    const serverUrl = serverUrlFor(deps.settings.get(), override)
    // A custom server without a usable address (one unreadable on disk reads as ''): say so, never fall back to SmartQQ's hosts.
    if (serverUrl === null && deps.settings.get().serverMode === 'custom') throw new ServerUrlError('missing')
    builtFor = serverUrl
    serverChangePending = false
    snapshot = { ...snapshot, demo: override !== null }
    const profile = join(deps.userDataDir, 'accounts')
    // Held for the process: a headless client on this folder would fight over the session and history.
    ensurePrivateDir(profile)
    profileLock ??= acquireProfileLock(profile)
    const created = createEngine({
      client: createProtocolClient({ serverUrl: serverUrl ?? undefined }),
      secrets,
      openStore: (account) => openAccountStore(profile, String(account), { log: deps.log }),
      sendIntervalMs: () => deps.settings.get().sendIntervalMs,
      sendFont: () => deps.settings.get().myFont,
      log: deps.log,
      signInReachMs: deps.signInReachMs ?? SIGN_IN_REACH_MS
    })
    created.on('state', onState)
    created.on('unreachable', ({ reason, httpStatus }) => update({ unreachable: { reason, httpStatus, official: serverUrl === null } }))
    created.on('qr', ({ png }) => update({ qrDataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` }))
    created.on('ready', ({ self }) => {
      remembered.signedIn(self)
      update({ self: { uin: self.uin, nick: self.nick }, remembered: remembered.current() })
    })
    created.on('message', (message) => messages.push(message))
    created.on('outbox', (entry) => emit('outbox:changed', entry))
    created.on('contacts', (change) => emit('contacts:changed', change))
    created.on('presence', (presence) => emit('presence:changed', presence))
    created.on('sender-resolved', (resolved) => emit('sender:resolved', resolved))
    created.on('gap', (gap) => emit('history:gap', gap))
    created.on('prefs', (prefs) => emit('prefs:changed', prefs))
    created.on('storage', (status) => {
      // Kept in the snapshot too, so a window opened (or reloaded) later still shows the problem.
      update({ storage: status.ok && status.reason === null ? null : status })
      emit('storage:changed', status)
    })
    deps.onEngine?.(created)
    return created
  }

  async function reset(): Promise<void> {
    const old = engine
    engine = null
    await old?.stop()
    update({ state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false, unreachable: null })
  }

  return {
    snapshot: () => snapshot,
    engine: () => engine,
    async start() {
      engine ??= build()
      // A sign-in that stopped (server unreachable) starts again: Retry. A running one is left alone.
      if (snapshot.unreachable) update({ unreachable: null })
      engine.start()
      return snapshot
    },
    async logout() {
      if (engine) await engine.logout()
      else if (remembered.current()) {
        // "Use another account" before any engine ran: forget the remembered one.
        await remembered.forget()
        update({ remembered: null })
      }
      if (serverChangePending) await reset()
      return snapshot
    },
    async stop() {
      await engine?.stop()
      messages.flush()
      profileLock?.release()
      profileLock = null
    },
    retryNow: () => engine?.retryNow() ?? false,
    reset,
    settingsChanged(next) {
      if (!next.rememberSession && remembered.current()) {
        void remembered.forget()
        update({ remembered: null })
      }
      if (!engine || serverUrlFor(next, deps.serverUrl?.() ?? null) === builtFor) {
        serverChangePending = false
        return
      }
      const signedIn = engine.state === 'online' || engine.state === 'reconnecting'
      if (signedIn) serverChangePending = true
      else void reset()
    }
  }
}
