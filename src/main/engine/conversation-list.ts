/**
 * The stored conversations as the recent list shows them: newest activity first, each with its
 * current id when it is in this session's contacts.
 */
import type { ConversationKind } from '../../shared/domain'
import type { ConversationSummaryDto } from '../../shared/messenger'
import type { HistoryStore } from '../store/types'

export interface ConversationDirectory {
  buddies: ReadonlyMap<number, { key: string }>
  groups: ReadonlyMap<number, { key: string }>
  discussions: ReadonlyMap<number, { key: string }>
}

export function conversationSummaries(history: HistoryStore, directory: ConversationDirectory): ConversationSummaryDto[] {
  // One reverse index per call instead of a scan of 5,000 buddies per conversation.
  const ids = new Map<string, number>()
  const index = (kind: ConversationKind, map: ReadonlyMap<number, { key: string }>): void => {
    for (const [id, e] of map) ids.set(`${kind}\u0000${e.key}`, id)
  }
  index('buddy', directory.buddies)
  index('group', directory.groups)
  index('discuss', directory.discussions)
  return history.listConversations().map((c) => ({
    key: c.key,
    kind: c.kind,
    id: ids.get(`${c.kind}\u0000${c.key}`) ?? null,
    title: c.title,
    lastTime: c.lastTime,
    lastPreview: c.lastPreview,
    lastSender: c.lastSenderName,
    unread: c.unread
  }))
}
