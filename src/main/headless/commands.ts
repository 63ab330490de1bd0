/**
 * The headless stdin contract: one JSON object per line, validated with valibot. A line that does not
 * parse or validate becomes a CommandError (answered with {"type":"error"}); the process lives on.
 */
import * as v from 'valibot'
import type { Segment } from '../../shared/domain'
import { faceName } from '../../shared/faces'
import { describeIssue } from './command-errors'

const Kind = v.picklist(['buddy', 'group', 'discuss'])
const Id = v.pipe(v.number(), v.integer(), v.minValue(0))
const Limit = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)))
const Before = v.optional(v.nullable(v.string()))

const SegmentIn = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  v.object({ type: v.literal('face'), id: v.pipe(v.number(), v.integer(), v.minValue(0)), name: v.optional(v.string()) }),
  // The same segment shape everywhere (README, simulator push); SmartQQ itself cannot send pictures,
  // so the engine answers an image with a clear error instead of the schema calling it malformed.
  v.object({ type: v.literal('image') })
])

/** A conversation's stable key (`buddy:…`, `group:…`, `discuss:…`): unlike ids, it survives a new login. */
const Key = v.pipe(v.string(), v.regex(/^(buddy|group|discuss):./, 'a conversation key starts with buddy:, group: or discuss:'))
/** Where a command points: `kind` + `id` (this session's id) or the stable `key` (kind optional then). */
const Target = { kind: v.optional(Kind), id: v.optional(Id), key: v.optional(Key) } as const
const targetGiven = (c: { kind?: string; id?: number; key?: string }): boolean => c.key !== undefined || (c.kind !== undefined && c.id !== undefined)
const NO_TARGET = 'give "key", or "kind" and "id"'

const SendBase = { cmd: v.literal('send'), ref: v.string(), kind: v.optional(Kind), to: v.optional(Id), key: v.optional(Key) } as const
/** Every command may carry a `ref` (your own string); every answer to it carries the same one (send requires it). */
const Ref = { ref: v.optional(v.string()) } as const

export const CommandSchema = v.variant('cmd', [
  v.object({ cmd: v.literal('contacts'), ...Ref, refresh: v.optional(v.boolean()) }),
  v.pipe(
    v.object({ cmd: v.literal('members'), ...Ref, ...Target, kind: v.optional(v.picklist(['group', 'discuss'])), refresh: v.optional(v.boolean()) }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.pipe(
    v.object({ ...SendBase, text: v.optional(v.pipe(v.string(), v.minLength(1))), segments: v.optional(v.pipe(v.array(SegmentIn), v.minLength(1))) }),
    v.check((c) => (c.text === undefined) !== (c.segments === undefined), 'give either "text" or "segments"'),
    v.check((c) => c.key !== undefined || (c.kind !== undefined && c.to !== undefined), 'give "key", or "kind" and "to"')
  ),
  v.pipe(
    v.object({ cmd: v.literal('history'), ...Ref, ...Target, limit: Limit, before: Before, after: Before }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.pipe(
    v.object({ cmd: v.literal('around'), ...Ref, ...Target, message: v.pipe(v.string(), v.minLength(1)), limit: Limit }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.pipe(
    v.object({ cmd: v.literal('profile'), ...Ref, ...Target }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.object({ cmd: v.literal('search'), ...Ref, query: v.pipe(v.string(), v.minLength(1)), ...Target, limit: Limit, before: Before }),
  v.pipe(
    v.object({ cmd: v.literal('read'), ...Ref, ...Target }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.pipe(
    v.object({ cmd: v.literal('export'), ...Ref, ...Target, format: v.picklist(['txt', 'json']), path: v.pipe(v.string(), v.minLength(1)) }),
    v.check((c) => targetGiven(c), NO_TARGET)
  ),
  v.object({ cmd: v.literal('unread'), ...Ref }),
  v.object({ cmd: v.literal('outbox'), ...Ref }),
  v.object({ cmd: v.literal('retry'), ...Ref, id: Id }),
  v.object({ cmd: v.literal('logout'), ...Ref }),
  v.object({ cmd: v.literal('quit'), ...Ref })
])

export type Command = v.InferOutput<typeof CommandSchema>

export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    message: string,
    readonly ref: string | null
  ) {
    super(message)
  }
}

/** Parses one stdin line into a command. */
export function parseCommand(line: string): Command {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch {
    throw new CommandError('not JSON: expected one JSON object per line', null)
  }
  const r = v.safeParse(CommandSchema, raw)
  if (!r.success) {
    const ref = typeof raw === 'object' && raw !== null && typeof (raw as { ref?: unknown }).ref === 'string' ? (raw as { ref: string }).ref : null
    throw new CommandError(`invalid command: ${describeIssue(r.issues[0], raw)}`, ref)
  }
  return r.output
}

/** Input segments with face names filled in from the face table. */
export function toSegments(input: ReadonlyArray<v.InferOutput<typeof SegmentIn>>): Segment[] {
  return input.map((s) =>
    s.type === 'text'
      ? { type: 'text', text: s.text }
      : s.type === 'image'
        ? { type: 'image' }
        : { type: 'face', id: s.id, name: s.name ?? faceName(s.id) }
  )
}
