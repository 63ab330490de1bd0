/**
 * Per-conversation preferences (pinned, muted, draft), keyed by the stable conversation key. A row lives
 * only while something differs from the defaults, so the table stays as small as what the user chose.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import * as v from 'valibot'
import { guarded } from './db'
import { StoreError } from './errors'
import { ConversationKeySchema, parseRow } from './schemas'
import type { PrefsPatch, StoredPrefs } from './types'
import { decodeNullable, encodeText } from './text-codec'

/** The longest draft kept (the compose box's limit). */
export const MAX_DRAFT_CHARS = 4000

const PrefsRowSchema = v.object({
  key: v.string(),
  pinned: v.picklist([0, 1]),
  muted: v.picklist([0, 1]),
  draft: v.nullable(v.string()),
  draft_time: v.nullable(v.number())
})

const PatchSchema = v.strictObject({
  pinned: v.optional(v.boolean()),
  muted: v.optional(v.boolean()),
  draft: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS))))
})

type Transactor = <T>(fn: () => T) => T

export class ConversationPrefsTable {
  private readonly q: Record<string, StatementSync>

  constructor(
    db: DatabaseSync,
    private readonly tx: Transactor,
    /** Epoch ms; drafts are stamped in unix seconds like message times, so the two compare. */
    private readonly now: () => number
  ) {
    const p = (sql: string): StatementSync => db.prepare(sql)
    this.q = {
      all: p('SELECT key, pinned, muted, draft, draft_time FROM conversation_prefs ORDER BY key'),
      one: p('SELECT key, pinned, muted, draft, draft_time FROM conversation_prefs WHERE key = ?'),
      upsert: p(`INSERT INTO conversation_prefs (key, pinned, muted, draft, draft_time) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET pinned = excluded.pinned, muted = excluded.muted, draft = excluded.draft,
        draft_time = excluded.draft_time`),
      remove: p('DELETE FROM conversation_prefs WHERE key = ?')
    }
  }

  list(): StoredPrefs[] {
    return guarded('conversationPrefs', () => this.q.all!.all().map(toPrefs))
  }

  get(key: string): StoredPrefs {
    const row = guarded('conversationPrefs', () => this.q.one!.get(key))
    return row ? toPrefs(row) : defaults(key)
  }

  /** Applies `patch` (an empty or whitespace-only draft clears it) and returns the resulting prefs. */
  set(key: string, patch: PrefsPatch): StoredPrefs {
    if (!v.safeParse(ConversationKeySchema, key).success) throw new StoreError('bad-input', `bad conversation key ${JSON.stringify(key)}`)
    const parsed = v.safeParse(PatchSchema, patch)
    if (!parsed.success) throw new StoreError('bad-input', `conversation prefs: ${v.summarize(parsed.issues)}`)
    return guarded('setConversationPrefs', () =>
      this.tx(() => {
        const next = { ...this.get(key) }
        if (patch.pinned !== undefined) next.pinned = patch.pinned
        if (patch.muted !== undefined) next.muted = patch.muted
        if (patch.draft !== undefined) {
          const text = patch.draft !== null && patch.draft.trim() !== '' ? patch.draft : null
          // Unchanged text keeps its time, so re-saving the same draft does not move the conversation up.
          if (text !== next.draft) next.draftTime = text === null ? null : Math.floor(this.now() / 1000)
          next.draft = text
        }
        if (!next.pinned && !next.muted && next.draft === null) this.q.remove!.run(key)
        else this.q.upsert!.run(key, next.pinned ? 1 : 0, next.muted ? 1 : 0, encodeNullable(next.draft), next.draftTime)
        return next
      })
    )
  }

  /**
   * Moves prefs to a conversation's new key (inside the caller's transaction). When both keys have prefs
   * (two histories merged), a pin or mute on either side is kept, and the newer draft. False when `oldKey`
   * had no prefs.
   */
  rekey(oldKey: string, newKey: string): boolean {
    const fromRow = this.q.one!.get(oldKey)
    if (!fromRow) return false
    const from = toPrefs(fromRow)
    const intoRow = this.q.one!.get(newKey)
    const into = intoRow ? toPrefs(intoRow) : defaults(newKey)
    const draftFrom = (from.draftTime ?? -1) > (into.draftTime ?? -1) ? from : into
    this.q.upsert!.run(
      newKey,
      from.pinned || into.pinned ? 1 : 0,
      from.muted || into.muted ? 1 : 0,
      encodeNullable(draftFrom.draft),
      draftFrom.draftTime
    )
    this.q.remove!.run(oldKey)
    return true
  }
}

function encodeNullable(text: string | null): string | null {
  return text === null ? null : encodeText(text)
}

function defaults(key: string): StoredPrefs {
  return { key, pinned: false, muted: false, draft: null, draftTime: null }
}

function toPrefs(raw: unknown): StoredPrefs {
  const row = parseRow(PrefsRowSchema, raw, 'conversation prefs row')
  return { key: row.key, pinned: row.pinned === 1, muted: row.muted === 1, draft: decodeNullable(row.draft), draftTime: row.draft_time }
}
