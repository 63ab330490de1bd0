/**
 * Per-conversation preferences (pin, mute, draft) between the store (stable keys) and callers (the
 * current session's ids). Kept out of engine.ts so the facade only wires it.
 */
import type { ConversationKind } from '../../shared/domain'
import type { ConversationPrefsDto } from '../../shared/messenger'
import type { HistoryStore, StoredPrefs } from '../store/types'
import { EngineCommandError } from './types'

export interface PrefsInput {
  kind: ConversationKind
  id: number
  pinned?: boolean
  muted?: boolean
  /** Null or blank clears the draft. */
  draft?: string | null
}

/** What the prefs need from the directory: stable key <-> current id. */
export interface PrefsDirectory {
  conversationKey(kind: ConversationKind, id: number): { key: string; known: boolean }
  idOfKey(kind: ConversationKind, key: string): number | null
}

const KINDS: readonly ConversationKind[] = ['buddy', 'group', 'discuss']

/** The kind a stable conversation key belongs to (keys start with it, see identity.ts), or null. */
export function kindOfKey(key: string): ConversationKind | null {
  const prefix = key.slice(0, key.indexOf(':'))
  return (KINDS as readonly string[]).includes(prefix) ? (prefix as ConversationKind) : null
}

export class ConversationPrefs {
  constructor(
    private readonly directory: PrefsDirectory,
    private readonly history: () => HistoryStore
  ) {}

  list(): ConversationPrefsDto[] {
    const out: ConversationPrefsDto[] = []
    for (const p of this.history().conversationPrefs()) {
      const dto = this.toDto(p)
      if (dto) out.push(dto)
    }
    return out
  }

  set(input: PrefsInput): ConversationPrefsDto {
    const c = this.directory.conversationKey(input.kind, input.id)
    if (!c.known) throw new EngineCommandError(`unknown ${input.kind} ${input.id} (not in the current contacts)`)
    if (input.pinned === undefined && input.muted === undefined && input.draft === undefined)
      throw new EngineCommandError('nothing to change: give pinned, muted or draft')
    const patch: { pinned?: boolean; muted?: boolean; draft?: string | null } = {}
    if (input.pinned !== undefined) patch.pinned = input.pinned
    if (input.muted !== undefined) patch.muted = input.muted
    if (input.draft !== undefined) patch.draft = input.draft
    const stored = this.history().setConversationPrefs(c.key, patch)
    return { ...stored, kind: input.kind, id: input.id }
  }

  private toDto(p: StoredPrefs): ConversationPrefsDto | null {
    // A row under a key of no known kind was not written by this app; it is skipped rather than guessed at.
    const kind = kindOfKey(p.key)
    if (!kind) return null
    return { ...p, kind, id: this.directory.idOfKey(kind, p.key) }
  }
}
