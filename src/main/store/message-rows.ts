/**
 * How stored rows become domain objects, shared by history.ts (paging, search, export) and
 * navigation.ts (around, newer pages): the one message SELECT, the row → StoredMessage and row →
 * ConversationInfo mappings, and the limits every page query clamps to. It lives apart so both readers
 * import it without importing each other.
 */
import type * as v from 'valibot'
import { encodeCursor } from './cursor'
import { StoreError } from './errors'
import { ConversationRowSchema, MessageRowSchema, parseRow } from './schemas'
import { decodeFont } from './font-codec'
import { decodeSegments } from './segment-codec'
import { decodeNullable, decodeText } from './text-codec'
import type { ConversationInfo, StoredMessage } from './types'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500

export const MESSAGE_SELECT = `SELECT m.seq, m.id, c.key, c.kind, s.key AS sender_key, s.name AS sender_name,
  m.self, m.time, m.segs, m.text, m.outbox_id, m.ref, m.state, m.font
  FROM messages m JOIN conversations c ON c.id = m.conv JOIN senders s ON s.id = m.sender`

export type ConversationRow = v.InferOutput<typeof ConversationRowSchema>

export function toMessage(raw: unknown): StoredMessage {
  const row = parseRow(MessageRowSchema, raw, 'message row')
  const message: StoredMessage = {
    id: row.id,
    conversation: row.key,
    kind: row.kind,
    sender: row.sender_key,
    senderName: decodeText(row.sender_name),
    self: row.self === 1,
    time: row.time,
    segments: [],
    text: decodeText(row.text),
    outboxId: row.outbox_id,
    ref: row.ref,
    state: row.state,
    font: decodeFont(row.font),
    cursor: encodeCursor({ time: row.time, seq: row.seq })
  }
  try {
    message.segments = decodeSegments(row.segs, message.text)
  } catch (err) {
    // Keep the message readable from its text; the damage is reported, not hidden.
    if (!(err instanceof StoreError)) throw err
    message.segments = [{ type: 'text', text: message.text }]
    message.damage = new StoreError('corrupt-row', `message ${row.id}: ${err.message}`, { cause: err })
  }
  return message
}

export function parseConversationRow(raw: unknown): ConversationRow {
  return parseRow(ConversationRowSchema, raw, 'conversation row')
}

export function toConversationInfo(row: ConversationRow): ConversationInfo {
  return {
    key: row.key,
    kind: row.kind,
    title: decodeText(row.title),
    lastTime: row.last_time,
    lastPreview: decodeNullable(row.last_preview),
    lastSenderName: decodeNullable(row.last_sender_name),
    unread: row.unread,
    lastRead: row.read_time !== null && row.read_seq !== null ? encodeCursor({ time: row.read_time, seq: row.read_seq }) : null
  }
}

/** A page size: `fallback` when absent, at most MAX_LIMIT; anything but a positive integer is bad input. */
export function clampLimit(limit: number | undefined, fallback = DEFAULT_LIMIT): number {
  if (limit === undefined) return fallback
  if (!Number.isInteger(limit) || limit < 1) throw new StoreError('bad-input', `limit must be a positive integer, got ${limit}`)
  return Math.min(limit, MAX_LIMIT)
}
