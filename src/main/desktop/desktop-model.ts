/**
 * The desktop state in one place, free of Electron: unread counts, muted conversations, which
 * conversation is on screen in which window, the settings that matter here and the session. It
 * turns engine events into notification actions and attention decisions, and derives the tray and
 * badge views. Every input is local, so no decision ever waits on the network.
 */
import type { ConversationKind } from '../../shared/domain'
import type { MessageDto } from '../../shared/messenger'
import type { Settings } from '../../shared/settings'
import { attentionFor } from './attention-model'
import { desktopTexts } from './desktop-texts'
import { NotificationModel, type NotificationAction } from './notification-model'
import { badgeView, trayView, type BadgeView, type TrayState, type TrayView } from './tray-model'

export type DesktopSettings = Pick<
  Settings,
  'locale' | 'notifications' | 'notificationSound' | 'notificationPreview' | 'doNotDisturb' | 'onlineStatus'
>

/** What one renderer window shows: its open conversation and whether the window has the focus. */
/** View entries kept at most: the main window, every pop-out, and room for pages being reloaded. */
export const MAX_VIEWS = 32

export interface ViewReport {
  /** A random id per renderer page (a pop-out window is its own view). */
  view: string
  /** The open conversation: stable key and this session's kind + id (either identifies it). */
  conversation: ShownConversation | null
  focused: boolean
}

export interface ShownConversation {
  kind: ConversationKind
  id: number
  key: string
}

export interface MessageOutcome {
  actions: NotificationAction[]
  flash: boolean
  sound: boolean
}

export class DesktopModel {
  private settings: DesktopSettings
  private signedIn = false
  private reconnecting = false
  private unreachable = false
  /** Conversation key -> unread messages from others. */
  private readonly unread = new Map<string, number>()
  private readonly muted = new Set<string>()
  private readonly views = new Map<string, { conversation: ShownConversation | null; focused: boolean }>()
  private readonly notifications = new NotificationModel()

  /** `platform` is process.platform (notification bodies are escaped on Linux). */
  constructor(
    settings: DesktopSettings,
    private readonly platform: string = process.platform
  ) {
    this.settings = { ...settings }
  }

  setSettings(settings: DesktopSettings): void {
    this.settings = { ...settings }
  }

  get status(): DesktopSettings['onlineStatus'] {
    return this.settings.onlineStatus
  }

  get doNotDisturb(): boolean {
    return this.settings.doNotDisturb
  }

  /** The engine lost the connection for a while (it stays signed in and retries). */
  setReconnecting(on: boolean): void {
    this.reconnecting = on
  }

  /** The server cannot be reached; the engine retries with the account kept. */
  setUnreachable(on: boolean): void {
    this.unreachable = on
  }

  setSignedIn(on: boolean): NotificationAction[] {
    this.signedIn = on
    this.reconnecting = false
    this.unreachable = false
    if (on) return []
    this.unread.clear()
    return this.notifications.clear()
  }

  /** The store's unread counts (after a login or a read); read conversations lose their notification. */
  syncUnread(counts: ReadonlyArray<{ conversationKey: string; count: number }>): NotificationAction[] {
    const next = new Map(counts.filter((c) => c.count > 0).map((c) => [c.conversationKey, c.count] as const))
    const actions: NotificationAction[] = []
    for (const key of this.notifications.live()) {
      if (next.has(key)) continue
      const close = this.notifications.onRead(key)
      if (close) actions.push(close)
    }
    this.unread.clear()
    for (const [key, count] of next) this.unread.set(key, count)
    return actions
  }

  /** Muting a conversation also takes its notification away. */
  setMuted(key: string, muted: boolean): NotificationAction[] {
    if (!muted) {
      this.muted.delete(key)
      return []
    }
    this.muted.add(key)
    const close = this.notifications.onRead(key)
    return close ? [close] : []
  }

  syncMuted(keys: Iterable<string>): NotificationAction[] {
    const next = new Set(keys)
    for (const key of [...this.muted]) if (!next.has(key)) this.muted.delete(key)
    return [...next].flatMap((key) => this.setMuted(key, true))
  }

  isMuted(key: string): boolean {
    return this.muted.has(key)
  }

  /** A window reports what it shows; a conversation brought on screen in a focused window is being read. */
  reportView(report: ViewReport): NotificationAction[] {
    // Only one window has the keyboard focus: a window that gains it means the others lost it,
    // even if their blur report was lost (a window closed while focused never sends one).
    if (report.focused) for (const v of this.views.values()) v.focused = false
    // Re-inserted, so the Map's order is "least recently reported first" for the bound below.
    this.views.delete(report.view)
    // A page that shows nothing and has no focus (it left: closed, reloaded, signed out) needs no entry.
    if (report.conversation !== null || report.focused) this.views.set(report.view, { conversation: report.conversation, focused: report.focused })
    // Pages are few (bounded pop-outs + the main window); a renderer inventing view ids must not
    // grow this map for ever, so the least recently reported entries go first.
    for (const view of this.views.keys()) {
      if (this.views.size <= MAX_VIEWS) break
      this.views.delete(view)
    }
    if (!report.focused || report.conversation === null) return []
    const close = this.notifications.onRead(report.conversation.key)
    return close ? [close] : []
  }

  /** How many pages main keeps an entry for (tests watch it stay bounded). */
  get viewCount(): number {
    return this.views.size
  }

  removeView(view: string): void {
    this.views.delete(view)
  }

  /** Shown in a focused window (matched by stable key, or by this session's kind + id). */
  isOnScreen(m: Pick<MessageDto, 'conversationKey' | 'kind' | 'conversationId'>): boolean {
    for (const { focused, conversation: c } of this.views.values()) {
      if (!focused || !c) continue
      if (c.key === m.conversationKey || (c.kind === m.kind && c.id === m.conversationId)) return true
    }
    return false
  }

  /** The person clicked or closed a notification. */
  notificationDismissed(key: string): void {
    this.notifications.onDismissed(key)
  }

  liveNotifications(): string[] {
    return this.notifications.live()
  }

  onMessage(m: MessageDto, appFocused: boolean): MessageOutcome {
    const key = m.conversationKey
    const muted = this.muted.has(key)
    const onScreen = this.isOnScreen(m)
    // On screen in a focused window the renderer marks it read at once: counting it would flicker.
    if (!m.self && !onScreen) this.unread.set(key, (this.unread.get(key) ?? 0) + 1)
    const s = this.settings
    const action = this.notifications.onMessage(m, {
      enabled: s.notifications,
      preview: s.notificationPreview,
      doNotDisturb: s.doNotDisturb,
      muted,
      onScreen,
      texts: desktopTexts(s.locale),
      platform: this.platform
    })
    const attention = attentionFor(m, {
      appFocused,
      doNotDisturb: s.doNotDisturb,
      muted,
      onScreen,
      sound: s.notificationSound
    })
    return { actions: action ? [action] : [], ...attention }
  }

  /** Unread messages outside muted conversations (what the tray and the badge count). */
  totalUnread(): number {
    let total = 0
    for (const [key, count] of this.unread) if (!this.muted.has(key)) total += count
    return total
  }

  unreadOf(key: string): number {
    return this.unread.get(key) ?? 0
  }

  trayState(): TrayState {
    return {
      signedIn: this.signedIn,
      reconnecting: this.reconnecting,
      unreachable: this.unreachable,
      unread: this.totalUnread(),
      status: this.settings.onlineStatus,
      doNotDisturb: this.settings.doNotDisturb,
      texts: desktopTexts(this.settings.locale)
    }
  }

  tray(platform: string, darkTaskbar: boolean): TrayView {
    return trayView(this.trayState(), platform, darkTaskbar)
  }

  badge(): BadgeView {
    return badgeView(this.trayState())
  }
}
