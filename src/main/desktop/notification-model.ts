/**
 * Which desktop notifications should be on screen: at most one per conversation, replaced as more
 * messages arrive ("3 new messages"), closed once the conversation is read. Decides only; the shell
 * adapter (src/main/shell/notifications.ts) shows them. Everything here is local state, so a
 * decision never waits on the network.
 */
import type { ConversationKind, Segment } from '../../shared/domain'
import type { MessageDto } from '../../shared/messenger'
import type { DesktopTexts } from './desktop-texts'
import { MAX_LINE_GRAPHEMES, MAX_NAME_GRAPHEMES, cleanLine, cutGraphemes, notificationBody, notificationTitle } from './notification-text'

/** What one notification says and which conversation a click opens. */
export interface NotificationContent {
  /** The conversation's stable key (one notification per key). */
  key: string
  kind: ConversationKind
  /** Current-session id of the conversation (buddy uin, gid, did). */
  id: number
  title: string
  body: string
}

export type NotificationAction = { type: 'show'; notification: NotificationContent } | { type: 'close'; key: string }

/** Why a message may not notify, decided by the caller from settings, prefs and windows. */
export interface NotifyContext {
  /** Settings: notifications on. */
  enabled: boolean
  /** Settings: show the message text (off = a privacy text only). */
  preview: boolean
  doNotDisturb: boolean
  /** The conversation is muted. */
  muted: boolean
  /** The conversation is on screen in a focused window: the person is reading it already. */
  onScreen: boolean
  texts: DesktopTexts
  /** process.platform: Linux bodies are escaped (notification-text.ts). */
  platform: string
}

interface Pending {
  count: number
  shown: boolean
}

/** The conversation's display name: a buddy is the sender, a group or discussion is the target. */
export function conversationTitle(m: MessageDto): string {
  return m.kind === 'buddy' ? m.from.name : m.to.name
}

/** One line of message text as a notification shows it (faces by name, pictures as a word), cleaned. */
export function previewText(segments: readonly Segment[], texts: DesktopTexts): string {
  let text = ''
  for (const s of segments) text += s.type === 'text' ? s.text : s.type === 'face' ? `[${s.name}]` : texts.picture
  return cleanLine(text)
}

export class NotificationModel {
  /** Conversation key -> messages from others since it was last read (shown or not). */
  private readonly pending = new Map<string, Pending>()

  /** A new message; the action to apply, or null when nothing on screen changes. */
  onMessage(m: MessageDto, ctx: NotifyContext): NotificationAction | null {
    // Our own words from another device never notify (and the person is evidently there).
    if (m.self) return null
    const entry = this.pending.get(m.conversationKey) ?? { count: 0, shown: false }
    entry.count++
    this.pending.set(m.conversationKey, entry)
    if (!ctx.enabled || ctx.doNotDisturb || ctx.muted || ctx.onScreen) return null
    entry.shown = true
    return { type: 'show', notification: this.content(m, entry.count, ctx) }
  }

  /** The conversation was read (or came on screen): its notification goes away. */
  onRead(key: string): NotificationAction | null {
    const entry = this.pending.get(key)
    this.pending.delete(key)
    return entry?.shown ? { type: 'close', key } : null
  }

  /** The person clicked or dismissed it: it is gone, the count goes on until the conversation is read. */
  onDismissed(key: string): void {
    const entry = this.pending.get(key)
    if (entry) entry.shown = false
  }

  /** Keys whose notification is on screen. */
  live(): string[] {
    return [...this.pending].filter(([, e]) => e.shown).map(([key]) => key)
  }

  /** Signed out: every notification goes. */
  clear(): NotificationAction[] {
    const closes = this.live().map((key): NotificationAction => ({ type: 'close', key }))
    this.pending.clear()
    return closes
  }

  private content(m: MessageDto, count: number, ctx: NotifyContext): NotificationContent {
    const { texts } = ctx
    const base = {
      key: m.conversationKey,
      kind: m.kind,
      id: m.conversationId,
      // A nick of nothing but bidi marks or controls still needs a title.
      title: notificationTitle(conversationTitle(m), texts.appName)
    }
    if (!ctx.preview) return { ...base, body: count === 1 ? texts.newMessage : texts.newMessages(count) }
    const text = previewText(m.segments, texts)
    // In a group the reader needs to know who spoke; in a buddy chat the title says it.
    const line = m.kind === 'buddy' ? text : `${cutGraphemes(cleanLine(m.from.name), MAX_NAME_GRAPHEMES)}: ${text}`
    const lines = [cutGraphemes(line, MAX_LINE_GRAPHEMES)]
    if (count > 1) lines.unshift(texts.newMessages(count))
    return { ...base, body: notificationBody(lines, ctx.platform) }
  }
}
