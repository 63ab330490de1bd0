/**
 * Feeds the desktop model from the engine, the settings and the renderer's view reports, and
 * applies what it decides through a DesktopShellPort (the Electron adapters in src/main/shell/, a
 * recording fake in tests, nothing at all in headless use). Electron-free.
 *
 * Tray and badge renders are coalesced to one per tick, and a burst of messages in one
 * conversation shows one notification (the last count), so a 20,000-message catch-up does not
 * flood the OS.
 */
import type { ConversationKind, SessionState } from '../../shared/domain'
import type { EmitEvent } from '../../shared/ipc'
import type { ConversationPrefsDto, MessageDto, UnreadDto } from '../../shared/messenger'
import type { OnlineStatusSetting, Settings, SettingsPatch } from '../../shared/settings'
import { DesktopModel, type ViewReport } from './desktop-model'
import type { NotificationAction, NotificationContent } from './notification-model'
import type { BadgeView, TrayView } from './tray-model'

/** What the desktop layer needs from the session engine. */
export interface DesktopEngine {
  on(event: 'message', cb: (m: MessageDto) => void): () => void
  on(event: 'state', cb: (e: { state: SessionState }) => void): () => void
  on(event: 'ready', cb: () => void): () => void
  on(event: 'prefs', cb: (prefs: ConversationPrefsDto) => void): () => void
  readonly state: SessionState
  unread(): UnreadDto[]
  /** Pins, mutes and drafts kept in the account's store. */
  conversationPrefs(): ConversationPrefsDto[]
  /** Our own presence (change_status2). */
  setStatus(status: OnlineStatusSetting): Promise<void>
}

/** The platform side: the Electron adapters apply these. */
export interface DesktopShellPort {
  render(view: { tray: TrayView; badge: BadgeView }): void
  notify(action: NotificationAction): void
  /** Flash the taskbar button / bounce the dock icon. */
  requestAttention(): void
  isAppFocused(): boolean
  /** The taskbar/menu bar is dark (picks the tray image variant). */
  isDarkTaskbar(): boolean
}

export interface DesktopControllerDeps {
  settings: { get(): Settings; update(patch: SettingsPatch): Settings }
  emit: EmitEvent
  platform: string
  /** Runs `fn` soon, once per tick of queued work (default: setTimeout 0). */
  schedule?(fn: () => void): void
  log?(message: string): void
}

export interface ConversationTarget {
  kind: ConversationKind
  id: number
  key: string
}

export interface DesktopController {
  /** The Electron adapters (or a test fake); renders the current state at once. */
  attachShell(shell: DesktopShellPort): void
  /** Each engine the session builds (a new one per server change). */
  attachEngine(engine: DesktopEngine): void
  /** Settings may have changed (any source: renderer, tray). */
  settingsChanged(): void
  reportView(report: ViewReport): void
  removeView(view: string): void
  /** A conversation was marked read: re-read the store's unread counts. */
  conversationRead(): void
  prefsChanged(prefs: ConversationPrefsDto): void
  syncPrefs(prefs: readonly ConversationPrefsDto[]): void
  /** Persists the status and tells the server (without waiting for it). */
  setStatus(status: OnlineStatusSetting): Settings
  setDoNotDisturb(on: boolean): Settings
  /** A notification was clicked: it is gone, and this is the conversation to open. */
  notificationClicked(key: string): ConversationTarget | null
  notificationClosed(key: string): void
  view(): { tray: TrayView; badge: BadgeView }
  liveNotifications(): string[]
  /** Apply pending renders and notifications now (tests, shutdown). */
  flush(): void
}

function desktopSettings(s: Settings): ConstructorParameters<typeof DesktopModel>[0] {
  return {
    locale: s.locale,
    notifications: s.notifications,
    notificationSound: s.notificationSound,
    notificationPreview: s.notificationPreview,
    doNotDisturb: s.doNotDisturb,
    onlineStatus: s.onlineStatus
  }
}

export function createDesktopController(deps: DesktopControllerDeps): DesktopController {
  const log = deps.log ?? (() => {})
  const schedule = deps.schedule ?? ((fn) => void setTimeout(fn, 0))
  const model = new DesktopModel(desktopSettings(deps.settings.get()), deps.platform)
  let shell: DesktopShellPort | null = null
  let engine: DesktopEngine | null = null
  let detach: Array<() => void> = []
  /** key -> the last decided action not yet applied (a burst collapses to its last state). */
  const pendingNotifications = new Map<string, NotificationAction>()
  /** What each shown notification opens (a click needs kind + id of this session). */
  const targets = new Map<string, ConversationTarget>()
  let renderQueued = false
  let flushQueued = false
  let lastRender = ''

  function flush(): void {
    flushQueued = false
    const actions = [...pendingNotifications.values()]
    pendingNotifications.clear()
    for (const action of actions) shell?.notify(action)
    if (renderQueued) {
      renderQueued = false
      if (!shell) return
      const view = current()
      // The same view twice is not re-applied (a Tray rebuilds its menu on every set).
      const fingerprint = JSON.stringify(view)
      if (fingerprint === lastRender) return
      lastRender = fingerprint
      shell.render(view)
    }
  }

  function queue(): void {
    if (flushQueued) return
    flushQueued = true
    schedule(flush)
  }

  function apply(actions: readonly NotificationAction[]): void {
    for (const action of actions) {
      const key = action.type === 'show' ? action.notification.key : action.key
      if (action.type === 'show') targets.set(key, target(action.notification))
      else targets.delete(key)
      pendingNotifications.set(key, action)
    }
    renderQueued = true
    queue()
  }

  function target(n: NotificationContent): ConversationTarget {
    return { kind: n.kind, id: n.id, key: n.key }
  }

  function current(): { tray: TrayView; badge: BadgeView } {
    return {
      tray: model.tray(deps.platform, shell?.isDarkTaskbar() ?? false),
      badge: model.badge()
    }
  }

  function resyncUnread(): void {
    const e = engine
    if (!e || (e.state !== 'online' && e.state !== 'reconnecting')) return
    try {
      apply(model.syncUnread(e.unread()))
    } catch (error) {
      log(`reading unread counts failed: ${String(error)}`)
    }
  }

  function syncMutes(e: DesktopEngine): void {
    try {
      apply(model.syncMuted(e.conversationPrefs().flatMap((p) => (p.muted ? [p.key] : []))))
    } catch (error) {
      log(`reading muted conversations failed: ${String(error)}`)
    }
  }

  function sendStatus(status: OnlineStatusSetting): void {
    const e = engine
    if (!e || e.state !== 'online') return
    e.setStatus(status).catch((error: unknown) => log(`changing the status to ${status} failed: ${String(error)}`))
  }

  function onMessage(m: MessageDto): void {
    const outcome = model.onMessage(m, shell?.isAppFocused() ?? false)
    apply(outcome.actions)
    if (outcome.flash) shell?.requestAttention()
    if (outcome.sound) deps.emit('notify:sound', { conversationKey: m.conversationKey })
  }

  return {
    attachShell(next) {
      shell = next
      lastRender = ''
      renderQueued = true
      flush()
    },
    attachEngine(next) {
      for (const off of detach) off()
      engine = next
      detach = [
        next.on('message', onMessage),
        next.on('prefs', (prefs) => apply(model.setMuted(prefs.key, prefs.muted))),
        next.on('ready', () => {
          apply(model.setSignedIn(true))
          syncMutes(next)
          resyncUnread()
          // Sign in with the chosen presence: login2 always starts "online".
          if (model.status !== 'online') sendStatus(model.status)
        }),
        next.on('state', ({ state }) => {
          if (state === 'online' || state === 'reconnecting') {
            model.setReconnecting(state === 'reconnecting')
            model.setUnreachable(false)
            apply([])
            return
          }
          // Not a sign-out: the account and its unread counts stay while the engine retries.
          if (state === 'unreachable') {
            model.setUnreachable(true)
            apply([])
            return
          }
          apply(model.setSignedIn(false))
        })
      ]
    },
    settingsChanged() {
      model.setSettings(desktopSettings(deps.settings.get()))
      apply([])
    },
    reportView(report) {
      apply(model.reportView(report))
    },
    removeView(view) {
      model.removeView(view)
    },
    conversationRead: resyncUnread,
    prefsChanged(prefs) {
      apply(model.setMuted(prefs.key, prefs.muted))
    },
    syncPrefs(prefs) {
      apply(model.syncMuted(prefs.filter((p) => p.muted).map((p) => p.key)))
    },
    setStatus(status) {
      const settings = deps.settings.update({ onlineStatus: status })
      model.setSettings(desktopSettings(settings))
      apply([])
      sendStatus(status)
      return settings
    },
    setDoNotDisturb(on) {
      const settings = deps.settings.update({ doNotDisturb: on })
      model.setSettings(desktopSettings(settings))
      apply([])
      return settings
    },
    notificationClicked(key) {
      const found = targets.get(key) ?? null
      targets.delete(key)
      model.notificationDismissed(key)
      return found
    },
    notificationClosed(key) {
      targets.delete(key)
      model.notificationDismissed(key)
    },
    view: current,
    liveNotifications: () => model.liveNotifications(),
    flush
  }
}
