/**
 * The quick switcher's candidates: every conversation (recent ones first, in the recent list's
 * order, then friends, groups and discussions), filtered by name or pinyin initials/syllables.
 */
import type { ContactsDto } from '../../../shared/messenger'
import { buddyName, groupName, refKey, type ConversationRef } from './conversation-ref'
import { matchesName } from './pinyin-filter'

export interface SwitchCandidate {
  ref: ConversationRef
  key: string
  name: string
}

export const MAX_CANDIDATES = 50

export function switchCandidates(contacts: ContactsDto | null, query: string): SwitchCandidate[] {
  if (!contacts) return []
  const byKey = new Map<string, SwitchCandidate>()
  const add = (ref: ConversationRef, name: string) => {
    const key = refKey(ref)
    if (!byKey.has(key)) byKey.set(key, { ref, key, name })
  }
  const names = new Map<string, string>()
  for (const b of contacts.buddies) names.set(refKey({ kind: 'buddy', id: b.uin }), buddyName(b))
  for (const g of contacts.groups) names.set(refKey({ kind: 'group', id: g.gid }), groupName(g))
  for (const d of contacts.discussions) names.set(refKey({ kind: 'discuss', id: d.did }), d.name)
  for (const r of contacts.recent) {
    const name = names.get(refKey(r))
    if (name !== undefined) add({ kind: r.kind, id: r.id }, name)
  }
  for (const b of contacts.buddies) add({ kind: 'buddy', id: b.uin }, buddyName(b))
  for (const g of contacts.groups) add({ kind: 'group', id: g.gid }, groupName(g))
  for (const d of contacts.discussions) add({ kind: 'discuss', id: d.did }, d.name)
  const trimmed = query.trim()
  const all = [...byKey.values()]
  return (trimmed === '' ? all : all.filter((c) => matchesName(c.name, trimmed))).slice(0, MAX_CANDIDATES)
}

/** The conversation `step` places after (1) or before (-1) `current` in `order`, wrapping around. */
export function neighbour(order: readonly ConversationRef[], current: ConversationRef | null, step: 1 | -1): ConversationRef | null {
  if (order.length === 0) return null
  const at = current ? order.findIndex((r) => r.kind === current.kind && r.id === current.id) : -1
  if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!
  return order[(at + step + order.length) % order.length]!
}
