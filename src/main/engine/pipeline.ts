/**
 * The incoming message pipeline, one poll batch at a time, in arrival order:
 *
 *   decoded events -> drop duplicates -> drop echoes of our own sends -> resolve names
 *   -> persist (one transaction per batch) -> emit
 *
 * Duplicates: the server can deliver an event twice. Within a session a re-delivery has the same
 * session tuple (kind, ids, msg_id, time, content) and is dropped by it, so a sender resolved in between
 * (which changes the stable id) cannot split it; across sessions/restarts the store drops the stable id.
 * Echoes: SmartQQ echoes our own group/discussion sends back (send_uin = self). Those matching a recent
 * outbox send are dropped; the rest were sent from another device and are emitted with self: true.
 * Persist before emit: anything a subscriber saw is in the store (unless the store itself failed, which is
 * logged; the message is still shown rather than lost from view).
 */
import { segmentsToText, type ConversationKind } from '../../shared/domain'
import type { IncomingMessage, PollEvent } from '../protocol/types'
import type { HistoryStore, NewMessage } from '../store/types'
import type { Directory, SenderInfo } from './directory'
import { contentKey, eventIdOfContent } from './identity'
import { mentionsAny } from '../../shared/mentions'
import type { MessageDto, PresenceEvent } from './types'

/** Implemented by the outbox runner. */
export interface EchoMatcher {
  /** True (and forgets the send) when `text` matches a recent send of ours to that conversation. */
  consumeEcho(kind: ConversationKind, conversationId: number, text: string): boolean
}

export interface PipelineDeps {
  directory: Directory
  history(): HistoryStore | null
  /** Stores a batch; the ids already stored before (not stored again), or null when it could not be stored (see StorageHealth). */
  persist(rows: readonly NewMessage[]): ReadonlySet<string> | null
  echoes: EchoMatcher
  emitMessage(message: MessageDto): void
  emitPresence(event: PresenceEvent): void
  log(message: string): void
}

export interface BatchResult {
  /** Set when the batch carried a kick_message. */
  kicked: string | null
}

/**
 * Session tuples are remembered for re-delivery detection in two generations of this size (a few minutes
 * of heavy traffic): when the newer one is full the older one is dropped. Evicting one oldest entry per
 * message instead walks the Map's deleted slots from the front, quadratic once the limit is reached.
 */
const SEEN_GENERATION = 25_000

/** What a person reads, normalised for comparing an echo with what we sent. */
export function echoText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

export class Pipeline {
  private seen = new Set<string>()
  private seenBefore = new Set<string>()
  private readonly titles = new Map<string, string>()

  constructor(private readonly deps: PipelineDeps) {}

  handle(events: readonly PollEvent[]): BatchResult {
    const lookups = new BatchLookups(this.deps.directory)
    let kicked: string | null = null
    const rows: NewMessage[] = []
    const dtos: MessageDto[] = []
    const batchIds = new Set<string>()
    for (const ev of events) {
      if (ev.type === 'message' || ev.type === 'sess-message') {
        const built = this.build(ev.type === 'message' ? ev.message : { ...ev.message, kind: 'buddy' }, lookups)
        if (!built || batchIds.has(built.row.id)) continue
        batchIds.add(built.row.id)
        rows.push(built.row)
        dtos.push(built.dto)
      } else if (ev.type === 'status') {
        if (this.deps.directory.setStatus(ev.uin, ev.status)) this.deps.emitPresence({ uin: ev.uin, status: ev.status })
      } else if (ev.type === 'kick') {
        kicked = ev.reason
      } else if (ev.type === 'invalid') {
        // Once per bad element, by index and field path: never its value (it may hold someone's words).
        const type = ev.pollType !== null ? ` (${JSON.stringify(ev.pollType.slice(0, 40))})` : ''
        this.deps.log(`poll element ${ev.index}${type} dropped: ${ev.reason}`)
      } else {
        this.deps.log(`ignored poll event ${JSON.stringify(ev.pollType.slice(0, 40))}`)
      }
    }
    if (rows.length > 0) this.persistAndEmit(rows, dtos)
    return { kicked }
  }

  private persistAndEmit(rows: NewMessage[], dtos: MessageDto[]): void {
    const store = this.deps.history()
    let duplicates: ReadonlySet<string> | null = null
    if (store) {
      try {
        this.upsertTitles(store, dtos)
      } catch (e) {
        this.deps.log(`saving conversation titles failed: ${String(e)}`)
      }
      // null when the store refused them: shown anyway, kept and retried (storage-health.ts).
      duplicates = this.deps.persist(rows)
    }
    // A batch the store refused is shown marked unsaved as it arrives, as history and search mark it.
    const refused = store !== null && duplicates === null
    for (const dto of dtos) if (!duplicates || !duplicates.has(dto.id)) this.deps.emitMessage(refused ? { ...dto, unsaved: true } : dto)
  }

  private upsertTitles(store: HistoryStore, dtos: MessageDto[]): void {
    const changed = new Map<string, { key: string; kind: ConversationKind; title: string }>()
    for (const d of dtos) {
      const title = d.kind === 'buddy' ? (d.self ? d.to.name : d.from.name) : d.to.name
      if (this.titles.get(d.conversationKey) === title) continue
      changed.set(d.conversationKey, { key: d.conversationKey, kind: d.kind, title })
    }
    if (changed.size === 0) return
    store.upsertConversations([...changed.values()])
    for (const c of changed.values()) this.titles.set(c.key, c.title)
  }

  private remember(tuple: string): void {
    if (this.seen.size >= SEEN_GENERATION) {
      this.seenBefore = this.seen
      this.seen = new Set()
    }
    this.seen.add(tuple)
  }

  private build(m: IncomingMessage, lookups: BatchLookups): { row: NewMessage; dto: MessageDto } | null {
    const { directory } = this.deps
    const self = directory.self
    const content = contentKey(m.segments)
    // Identity uses the server's own time even when it was impossible (and `time` is the receive time), so the
    // same element delivered again in another second is still the same event.
    const idTime = m.serverTime ?? m.time
    // The content itself, not a hash of it: a JS hash of every message cost more than SHA-256, and a second
    // SHA-256 as much as storing the message. The string is already made (it goes into the event id).
    const tuple = `${m.kind}:${m.fromUin}:${m.senderUin}:${m.toUin}:${m.msgId}:${idTime}:${content}`
    if (this.seen.has(tuple) || this.seenBefore.has(tuple)) return null

    if (m.timeAdjusted) this.deps.log(`a ${m.kind} message came with an impossible time; stored at the time it was received`)
    const fromSelf = self !== null && m.senderUin === self.uin
    // Our own buddy message from another device arrives with from = self; the peer is to_uin.
    const conversationId = m.kind === 'buddy' && fromSelf ? m.toUin : m.fromUin
    const text = segmentsToText(m.segments)
    if (fromSelf && this.deps.echoes.consumeEcho(m.kind, conversationId, echoText(text))) {
      this.remember(tuple)
      return null
    }
    const conv = lookups.conversation(m.kind, conversationId)
    const sender = lookups.sender(m.kind, conversationId, m.senderUin)
    if (!conv.known || !sender.known) directory.resolveLater(m.kind, conversationId, m.senderUin)
    const id = eventIdOfContent(conv.key, sender.key, m.msgId, idTime, content)
    this.remember(tuple)

    const dto: MessageDto = {
      id,
      kind: m.kind,
      conversationKey: conv.key,
      conversationId,
      from: { uin: m.senderUin, name: sender.name },
      to: m.kind !== 'buddy' || fromSelf ? { uin: conversationId, name: conv.name } : { uin: self?.uin ?? m.toUin, name: self?.nick ?? '' },
      text,
      segments: m.segments,
      time: m.time,
      self: fromSelf,
      state: null,
      font: m.font
    }
    if (!fromSelf && m.kind !== 'buddy' && mentionsAny(text, directory.selfNames(m.kind, conversationId))) dto.mentionsMe = true
    const row: NewMessage = {
      id,
      conversation: conv.key,
      kind: m.kind,
      sender: sender.key,
      senderName: sender.name,
      self: fromSelf,
      time: m.time,
      segments: m.segments,
      text,
      font: m.font
    }
    return { row, dto }
  }
}

/**
 * Directory lookups memoised for one batch. A 20,000-message burst asks for the same few hundred
 * conversations and senders over and over, and each lookup builds its key strings afresh; the directory
 * cannot change while a batch is handled (handle() runs synchronously; lookups it starts answer later).
 */
class BatchLookups {
  // Keyed by kind, then by number: no key strings built per message.
  private readonly conversations = new Map<ConversationKind, Map<number, { key: string; known: boolean; name: string }>>()
  private readonly senders = new Map<ConversationKind, Map<number, Map<number, SenderInfo>>>()

  constructor(private readonly directory: Directory) {}

  conversation(kind: ConversationKind, id: number): { key: string; known: boolean; name: string } {
    let byId = this.conversations.get(kind)
    if (!byId) this.conversations.set(kind, (byId = new Map()))
    let c = byId.get(id)
    if (!c) {
      const { key, known } = this.directory.conversationKey(kind, id)
      byId.set(id, (c = { key, known, name: this.directory.conversationName(kind, id) }))
    }
    return c
  }

  sender(kind: ConversationKind, conversationId: number, uin: number): SenderInfo {
    let byConversation = this.senders.get(kind)
    if (!byConversation) this.senders.set(kind, (byConversation = new Map()))
    let byUin = byConversation.get(conversationId)
    if (!byUin) byConversation.set(conversationId, (byUin = new Map()))
    let s = byUin.get(uin)
    if (!s) byUin.set(uin, (s = this.directory.sender(kind, conversationId, uin)))
    return s
  }
}
