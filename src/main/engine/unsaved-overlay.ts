/**
 * Messages the history refused to store (a full disk) stay readable this session: history pages and
 * searches show them among the stored ones, marked `unsaved`, until storage-health.ts gets them onto
 * disk. Before, a conversation reopened (or searched) while the disk was full hid everything received
 * meanwhile, although the README promised "history and search of this session" keep working.
 *
 * An unsaved message sits at keyset position (time, UNSAVED_SEQ + its index): after every stored
 * message of the same second, so paging across both kinds is one consistent order, and a cursor taken
 * from an unsaved message still pages the store correctly ((time, seq) < (t, huge) is "up to t").
 */
import { segmentsToText } from '../../shared/domain'
import { decodeCursor, encodeCursor } from '../store/cursor'
import type { AccountStore, HistoryStore, MessagePage, NewMessage, PageQuery, SearchQuery, StoredMessage } from '../store/types'
import type { SpareOutbox } from './spare-outbox'

/** Beyond any real seq (a rowid) while staying an exact integer. */
const UNSAVED_SEQ = 2 ** 40
/** Sends kept in the spare outbox sit below unsaved received messages of the same second. */
const SPARE_SEQ = 2 ** 39
const DEFAULT_LIMIT = 50

function toStored(m: NewMessage, index: number): StoredMessage {
  return {
    id: m.id,
    conversation: m.conversation,
    kind: m.kind,
    sender: m.sender,
    senderName: m.senderName,
    self: m.self,
    time: m.time,
    segments: [...m.segments],
    text: m.text ?? segmentsToText(m.segments),
    outboxId: m.outboxId ?? null,
    ref: m.ref ?? null,
    state: m.state ?? null,
    font: m.font ?? null,
    cursor: encodeCursor({ time: m.time, seq: UNSAVED_SEQ + index }),
    unsaved: true
  }
}

/** The spare outbox's messages of a conversation, marked unsaved, at positions after the stored ones. */
function spareMessages(spare: SpareOutbox, conversation: string): StoredMessage[] {
  return spare.messages(conversation).map((m, i) => ({ ...m, unsaved: true, cursor: encodeCursor({ time: m.time, seq: SPARE_SEQ + i }) }))
}

const position = (m: StoredMessage): { time: number; seq: number } => decodeCursor(m.cursor)
const newerFirst = (a: StoredMessage, b: StoredMessage): number => {
  const pa = position(a)
  const pb = position(b)
  return pb.time - pa.time || pb.seq - pa.seq
}

/** Stored and unsaved messages in one keyset page: the newest `limit` of both, `next` when more are left. */
function merge(stored: MessagePage, unsaved: StoredMessage[], limit: number): MessagePage {
  if (unsaved.length === 0) return stored
  const all = [...stored.messages, ...unsaved].sort(newerFirst)
  const messages = all.slice(0, limit)
  const more = stored.next !== null || all.length > limit
  return { messages, next: more && messages.length > 0 ? messages[messages.length - 1]!.cursor : null }
}

/**
 * `store` whose history also shows `unsaved()` (oldest first, as they wait to be stored) and the sends
 * `spare` holds, and whose outbox is `spare` (it falls back to memory when the disk refuses a send).
 */
export function withUnsaved(store: AccountStore, unsaved: () => readonly NewMessage[], spare?: SpareOutbox): AccountStore {
  const history = store.history
  const pending = (keep: (m: StoredMessage) => boolean, conversation?: string): StoredMessage[] => {
    const list = unsaved()
    const sent = spare && conversation !== undefined ? spareMessages(spare, conversation) : []
    if (list.length === 0 && sent.length === 0) return []
    return [...list.map(toStored), ...sent].filter(keep)
  }
  const overlay: Partial<HistoryStore> = {
    page(conversation: string, query: PageQuery = {}): MessagePage {
      const page = history.page(conversation, query)
      // Newer-than pages (after a jump) stay the store's own: unsaved ones are the newest anyway.
      if (query.after) return page
      const before = query.before ? decodeCursor(query.before) : null
      const mine = pending(
        (m) =>
          m.conversation === conversation &&
          (before === null ||
            (() => {
              const p = position(m)
              return p.time < before.time || (p.time === before.time && p.seq < before.seq)
            })()),
        conversation
      )
      return merge(page, mine, query.limit ?? DEFAULT_LIMIT)
    },
    search(query: SearchQuery): MessagePage {
      const page = history.search(query)
      // Unsaved hits lead the first page (they are the newest); later pages are the store's.
      if (query.before || query.text.trim() === '') return page
      const needle = query.text.toLowerCase()
      const hits = pending(
        (m) => (query.conversation === undefined || m.conversation === query.conversation) && m.text.toLowerCase().includes(needle)
      ).reverse()
      if (hits.length === 0) return page
      const limit = query.limit ?? DEFAULT_LIMIT
      const messages = [...hits, ...page.messages].slice(0, limit)
      return { messages, next: page.next ?? (hits.length + page.messages.length > limit ? messages[messages.length - 1]!.cursor : null) }
    }
  }
  const wrapped = new Proxy(history, {
    get(target, prop, receiver) {
      if (prop === 'page' || prop === 'search') return overlay[prop]
      const value: unknown = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value)
    }
  })
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'history') return wrapped
      if (prop === 'outbox' && spare) return spare
      const value: unknown = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}
