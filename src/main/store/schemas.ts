/** valibot schemas for what crosses the store's boundary: caller input and rows read back from disk. */
import * as v from 'valibot'
import { StoreError } from './errors'
import { isMessageFont, messageFontSchema } from '../../shared/fonts'

export const KindSchema = v.picklist(['buddy', 'group', 'discuss'])
export const DeliveryStateSchema = v.picklist(['queued', 'sending', 'sent', 'unconfirmed', 'failed'])

export const SegmentSchema = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  v.object({ type: v.literal('face'), id: v.pipe(v.number(), v.integer(), v.minValue(0)), name: v.string() }),
  v.object({ type: v.literal('image') })
])
export const SegmentsSchema = v.array(SegmentSchema)

/** Longest stored key (ids, conversation keys); the engine keeps unbounded names out of keys. */
const KEY_MAX = 512
/** Keys are compared and read back whole only without NUL (node:sqlite reads TEXT as C strings; see text-codec.ts). */
const Key = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(KEY_MAX),
  v.check((k) => !k.includes('\u0000'), 'a key must not contain NUL')
)

export const NewMessageSchema = v.object({
  id: Key,
  conversation: Key,
  kind: KindSchema,
  sender: v.string(),
  senderName: v.string(),
  self: v.boolean(),
  time: v.pipe(v.number(), v.integer(), v.minValue(0)),
  segments: SegmentsSchema,
  text: v.optional(v.string()),
  outboxId: v.nullish(v.pipe(v.number(), v.integer())),
  ref: v.nullish(v.string()),
  state: v.nullish(DeliveryStateSchema),
  font: v.nullish(messageFontSchema)
})

export const ConversationKeySchema = Key

const KINDS = new Set<unknown>(KindSchema.options)
const STATES = new Set<unknown>(DeliveryStateSchema.options)
const isKey = (x: unknown): boolean => typeof x === 'string' && x.length >= 1 && x.length <= KEY_MAX && !x.includes('\u0000')
const isCount = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0

/**
 * The common case of NewMessageSchema checked by hand, without building an output object per message
 * (valibot's parse was a fifth of appendBatch's time on a poll burst). It accepts only what the schema
 * accepts; whatever it refuses goes through the schema, which then says exactly what is wrong.
 */
export function isWellFormedNewMessage(m: unknown): boolean {
  if (typeof m !== 'object' || m === null) return false
  const r = m as Record<string, unknown>
  if (!isKey(r.id) || !isKey(r.conversation) || !KINDS.has(r.kind)) return false
  if (typeof r.sender !== 'string' || typeof r.senderName !== 'string' || typeof r.self !== 'boolean') return false
  if (!isCount(r.time) || !Array.isArray(r.segments)) return false
  if (r.text !== undefined && typeof r.text !== 'string') return false
  if (r.outboxId != null && !Number.isInteger(r.outboxId)) return false
  if (r.ref != null && typeof r.ref !== 'string') return false
  if (r.state != null && !STATES.has(r.state)) return false
  if (r.font != null && !isMessageFont(r.font)) return false
  for (const seg of r.segments as unknown[]) {
    if (typeof seg !== 'object' || seg === null) return false
    const s = seg as Record<string, unknown>
    if (s.type === 'text') {
      if (typeof s.text !== 'string') return false
    } else if (s.type === 'face') {
      if (!isCount(s.id) || typeof s.name !== 'string') return false
    } else if (s.type !== 'image') return false
  }
  return true
}

/** One row of the message SELECT in message-rows.ts. */
export const MessageRowSchema = v.object({
  seq: v.number(),
  id: v.string(),
  key: v.string(),
  kind: KindSchema,
  sender_key: v.string(),
  sender_name: v.string(),
  self: v.picklist([0, 1]),
  time: v.number(),
  segs: v.nullable(v.string()),
  text: v.string(),
  outbox_id: v.nullable(v.number()),
  ref: v.nullable(v.string()),
  state: v.nullable(DeliveryStateSchema),
  font: v.nullable(v.string())
})

export const ConversationRowSchema = v.object({
  id: v.number(),
  key: v.string(),
  kind: KindSchema,
  title: v.string(),
  last_time: v.nullable(v.number()),
  last_seq: v.nullable(v.number()),
  last_preview: v.nullable(v.string()),
  last_sender_name: v.nullable(v.string()),
  unread: v.number(),
  read_time: v.nullable(v.number()),
  read_seq: v.nullable(v.number())
})

/** Parses a row read back from disk; a mismatch means the file was damaged or edited by hand. */
export function parseRow<S extends v.GenericSchema>(schema: S, row: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, row)
  if (!result.success) {
    throw new StoreError('corrupt-row', `${what}: ${v.summarize(result.issues)}`)
  }
  return result.output
}
