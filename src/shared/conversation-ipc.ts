/**
 * Payload schemas of the conversation channels that carry more than ids: sending text or segments
 * (faces), and the page around a message (a search jump). Kept here so ipc.ts stays a list of channels.
 */
import * as v from 'valibot'
import { isKnownFace } from './faces'
import { MAX_MESSAGE_CHARS } from './messenger'

/** Faces a person can put in one message at most (QQ's own limit was about 50). */
export const MAX_FACES_PER_MESSAGE = 50
/** Messages on each side of the anchor at most. */
export const MAX_AROUND = 100

const conversationKind = v.picklist(['buddy', 'group', 'discuss'])
const sessionId = v.pipe(v.number(), v.safeInteger(), v.minValue(1))

/** What the renderer sends: text, or segments with faces by id (main adds the face's name). */
export const sendSegmentSchema = v.variant('type', [
  v.strictObject({ type: v.literal('text'), text: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)) }),
  v.strictObject({
    type: v.literal('face'),
    id: v.pipe(v.number(), v.safeInteger(), v.check(isKnownFace, 'not a face of the classic table'))
  })
])
export type SendSegment = v.InferOutput<typeof sendSegmentSchema>

export const sendMessageSchema = v.pipe(
  v.strictObject({
    kind: conversationKind,
    to: sessionId,
    text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_MESSAGE_CHARS))),
    segments: v.optional(
      v.pipe(
        v.array(sendSegmentSchema),
        v.minLength(1),
        v.check((s) => s.filter((x) => x.type === 'face').length <= MAX_FACES_PER_MESSAGE, 'too many faces'),
        v.check((s) => s.reduce((n, x) => n + (x.type === 'text' ? x.text.length : 0), 0) <= MAX_MESSAGE_CHARS, 'text too long')
      )
    ),
    ref: v.optional(v.pipe(v.string(), v.maxLength(64)))
  }),
  v.check((s) => (s.text === undefined) !== (s.segments === undefined), 'give text or segments')
)

export const historyAroundSchema = v.strictObject({
  kind: conversationKind,
  id: sessionId,
  /** The message id (a search hit's `id`). */
  message: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_AROUND)))
})
