/**
 * Keyset position of a message: (time, seq). seq (the row id) breaks ties between messages of the same
 * second, so a cursor is unique and paging never skips or repeats rows. Opaque to callers.
 */
import * as v from 'valibot'
import { StoreError } from './errors'

export interface Position {
  time: number
  seq: number
}

/** Sorts after every real message: the start of a newest-first listing. */
export const NEWEST: Position = { time: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER }

const CursorSchema = v.pipe(v.string(), v.regex(/^-?[0-9a-z]{1,11}\.[0-9a-z]{1,11}$/))

export function encodeCursor(p: Position): string {
  return `${p.time.toString(36)}.${p.seq.toString(36)}`
}

export function decodeCursor(cursor: string | null | undefined): Position {
  if (cursor === null || cursor === undefined) return NEWEST
  const parsed = v.safeParse(CursorSchema, cursor)
  if (!parsed.success) throw new StoreError('bad-cursor', `not a history cursor: ${JSON.stringify(String(cursor).slice(0, 40))}`)
  const [time, seq] = parsed.output.split('.').map((part) => parseInt(part, 36)) as [number, number]
  return { time, seq }
}
