/**
 * The composer's @-mention suggestions: what is being typed after an `@` at the caret, and which members
 * match it (group card or nick, pinyin and initials through lib/pinyin-filter). Pure, so the composer
 * only wires it to the textarea and reka-ui's combobox.
 */
import type { MemberDto } from '../../../shared/messenger'
import { mentionToken } from '../../../shared/mentions'
import { matchesName, normalizeQuery } from './pinyin-filter'

/** Suggestions shown at most (more would cover the conversation). */
export const MAX_MENTION_SUGGESTIONS = 8
/** Longer runs after an `@` are words, not a name being typed. */
const MAX_QUERY_CHARS = 24

export interface MentionQuery {
  /** Index of the `@` in the text. */
  at: number
  /** What was typed after it, up to the caret. */
  query: string
}

/** The mention being typed at `caret`, or null (no `@` before it, white space since, an e-mail address). */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret)
  const at = before.lastIndexOf('@')
  if (at < 0) return null
  const query = before.slice(at + 1)
  if (/\s/.test(query) || query.length > MAX_QUERY_CHARS) return null
  // `a@b`: an address, not a mention.
  if (at > 0 && /[\w.+-]/.test(before[at - 1]!)) return null
  return { at, query }
}

/** The name a mention of this member inserts: the group card, else the nick. */
export const mentionName = (m: MemberDto): string => (m.card && m.card.trim() !== '' ? m.card : m.nick)

/** Members matching `query` (all of them for an empty one), cards before nicks, myself left out. */
export function mentionCandidates(members: readonly MemberDto[], query: string, selfUin: number | null): MemberDto[] {
  const q = normalizeQuery(query)
  const others = members.filter((m) => m.uin !== selfUin)
  if (q === '') return others.slice(0, MAX_MENTION_SUGGESTIONS)
  const byCard: MemberDto[] = []
  const byNick: MemberDto[] = []
  for (const m of others) {
    if (m.card && matchesName(m.card, q)) byCard.push(m)
    else if (matchesName(m.nick, q)) byNick.push(m)
    if (byCard.length >= MAX_MENTION_SUGGESTIONS) break
  }
  return [...byCard, ...byNick].slice(0, MAX_MENTION_SUGGESTIONS)
}

/** The text with the typed mention replaced by `@name ` and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const token = mentionToken(name)
  return { text: text.slice(0, mention.at) + token + text.slice(caret), caret: mention.at + token.length }
}
