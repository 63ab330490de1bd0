/**
 * Which windows exist: the main window plus at most one window per popped-out conversation.
 * Electron-free: it decides (open, focus, close, nothing) and a host applies the decision, so the
 * rules are tested without Electron. The shell's host makes BrowserWindows; the e2e bridge records.
 */
import type { ConversationKind } from '../../shared/domain'
import type { EmitEvent, PoppedOutDto } from '../../shared/ipc'

export type WindowKind = 'main' | 'conversation' | 'settings'

export interface ConversationTarget {
  kind: ConversationKind
  id: number
}

/** The stable name of a conversation's own window. */
export function conversationWindowKey(target: ConversationTarget): string {
  return `conversation:${target.kind}:${target.id}`
}

/** The renderer page query naming the conversation a pop-out window shows (read by the renderer). */
export function conversationQuery(target: ConversationTarget): string {
  return `?conversation=${target.kind}:${target.id}`
}

/** What the host must do with real windows. */
export interface WindowHost {
  openConversation(key: string, target: ConversationTarget): void
  focus(key: string): void
  close(key: string): void
  /** Brings the main window forward and asks it to show this conversation in its pane. */
  showInMain(target: ConversationTarget): void
}

export interface WindowRegistry {
  /** True when a new window was opened, false when the existing one was focused. */
  popOut(target: ConversationTarget): boolean
  /** Closes the conversation's window and shows it in the main window; false when it had none. */
  dock(target: ConversationTarget): boolean
  /** The host reports a pop-out window the user closed (or that crashed). */
  closed(key: string): void
  list(): PoppedOutDto[]
  has(target: ConversationTarget): boolean
}

export function createWindowRegistry(host: WindowHost, emit: EmitEvent): WindowRegistry {
  const open = new Map<string, ConversationTarget>()
  const changed = (): void =>
    emit(
      'window:changed',
      [...open.values()].map((t) => ({ kind: t.kind, id: t.id }))
    )
  return {
    popOut(target) {
      const key = conversationWindowKey(target)
      if (open.has(key)) {
        host.focus(key)
        return false
      }
      open.set(key, { kind: target.kind, id: target.id })
      host.openConversation(key, target)
      changed()
      return true
    },
    dock(target) {
      const key = conversationWindowKey(target)
      if (!open.delete(key)) return false
      host.close(key)
      host.showInMain(target)
      changed()
      return true
    },
    closed(key) {
      if (open.delete(key)) changed()
    },
    list: () => [...open.values()].map((t) => ({ kind: t.kind, id: t.id })),
    has: (target) => open.has(conversationWindowKey(target))
  }
}
