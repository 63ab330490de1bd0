/**
 * Which windows exist: the main window plus at most one window per popped-out conversation.
 * Electron-free: it decides (open, focus, close, nothing) and a host applies the decision, so the
 * rules are tested without Electron. The shell's host makes BrowserWindows; the e2e bridge records.
 */
import type { ConversationKind } from '../../shared/domain'
import type { EmitEvent, PoppedOutDto } from '../../shared/ipc'
import type { ContactsDto } from '../../shared/messenger'

/**
 * Pop-out windows open at once, at most. Each is a whole renderer (tens of MB); a renderer asking for
 * more (a bug, or a compromised page looping) is refused instead of exhausting memory.
 */
export const MAX_POP_OUTS = 8

/** Why a pop-out was refused; the IPC layer classifies it as a refused command. */
export class PopOutRefusedError extends Error {
  override name = 'PopOutRefusedError'
  constructor(readonly why: 'unknown-conversation' | 'window-limit') {
    super(why === 'window-limit' ? `at most ${MAX_POP_OUTS} conversation windows can be open` : 'no such conversation in the current contacts')
  }
}

/** Whether the conversation exists in this session's contacts (only those get a window). */
export function isKnownConversation(contacts: Pick<ContactsDto, 'buddies' | 'groups' | 'discussions'>, target: ConversationTarget): boolean {
  return stableKeyOf(contacts, target) !== null
}

/** The conversation's stable key in these contacts, or null when it is not there. */
export function stableKeyOf(contacts: Pick<ContactsDto, 'buddies' | 'groups' | 'discussions'>, target: ConversationTarget): string | null {
  if (target.kind === 'buddy') return contacts.buddies.find((b) => b.uin === target.id)?.key ?? null
  if (target.kind === 'group') return contacts.groups.find((g) => g.gid === target.id)?.key ?? null
  return contacts.discussions.find((d) => d.did === target.id)?.key ?? null
}

/** The current id of the conversation with this stable key, or null when it is not in these contacts. */
export function currentIdOf(contacts: Pick<ContactsDto, 'buddies' | 'groups' | 'discussions'>, kind: ConversationKind, key: string): number | null {
  if (kind === 'buddy') return contacts.buddies.find((b) => b.key === key)?.uin ?? null
  if (kind === 'group') return contacts.groups.find((g) => g.key === key)?.gid ?? null
  return contacts.discussions.find((d) => d.key === key)?.did ?? null
}

export type WindowKind = 'main' | 'conversation' | 'settings'

export interface ConversationTarget {
  kind: ConversationKind
  id: number
}

/** A popped-out conversation with its stable key, so it can follow a new session's ids. */
interface OpenWindow extends ConversationTarget {
  key: string | null
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
  /**
   * True when a new window was opened, false when the existing one was focused. Throws
   * PopOutRefusedError when MAX_POP_OUTS windows are already open. `stableKey` lets the window
   * follow its conversation into a renewed session (followIds).
   */
  popOut(target: ConversationTarget, stableKey?: string | null): boolean
  /** Closes the conversation's window and shows it in the main window; false when it had none. */
  dock(target: ConversationTarget): boolean
  /** The host reports a pop-out window the user closed (or that crashed). */
  closed(key: string): void
  list(): PoppedOutDto[]
  has(target: ConversationTarget): boolean
  /**
   * A renewed session (after expiry or a kick) gave every conversation new ids: each window follows
   * its conversation by stable key (the window itself stays as it is).
   */
  followIds(idOf: (kind: ConversationKind, key: string) => number | null): void
}

/** `onClosed`: a pop-out window is gone (closed, docked), so whatever main kept for it can go too. */
export function createWindowRegistry(host: WindowHost, emit: EmitEvent, onClosed: (key: string) => void = () => {}): WindowRegistry {
  /** Window name (from the ids it was opened with; never renamed) -> the conversation it shows now. */
  const open = new Map<string, OpenWindow>()
  const windowOf = (target: ConversationTarget): string | null => {
    for (const [name, t] of open) if (t.kind === target.kind && t.id === target.id) return name
    return null
  }
  const changed = (): void =>
    emit(
      'window:changed',
      [...open.values()].map((t) => ({ kind: t.kind, id: t.id }))
    )
  return {
    popOut(target, stableKey: string | null = null) {
      const existing = windowOf(target)
      if (existing !== null) {
        host.focus(existing)
        return false
      }
      const key = conversationWindowKey(target)
      if (open.size >= MAX_POP_OUTS) throw new PopOutRefusedError('window-limit')
      open.set(key, { kind: target.kind, id: target.id, key: stableKey })
      host.openConversation(key, target)
      changed()
      return true
    },
    dock(target) {
      const key = windowOf(target)
      if (key === null || !open.delete(key)) return false
      host.close(key)
      host.showInMain(target)
      changed()
      onClosed(key)
      return true
    },
    closed(key) {
      if (open.delete(key)) changed()
      onClosed(key)
    },
    list: () => [...open.values()].map((t) => ({ kind: t.kind, id: t.id })),
    has: (target) => windowOf(target) !== null,
    followIds(idOf) {
      let moved = false
      for (const t of open.values()) {
        const id = t.key === null ? null : idOf(t.kind, t.key)
        if (id !== null && id !== t.id) {
          t.id = id
          moved = true
        }
      }
      if (moved) changed()
    }
  }
}
