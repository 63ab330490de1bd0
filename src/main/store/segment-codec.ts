/**
 * Compact storage of Segment[] next to the message text.
 *
 * `text` (what a person reads) is stored anyway for search, and it already spells every segment
 * (faces as `[name]`, images as `[图片]`), so the segments column only records the STRUCTURE:
 *   NULL            one text segment equal to the whole text (the common case: costs 0 bytes)
 *   ''              no segments at all
 *   't12,f14,i'     a text segment of 12 UTF-16 units, face 14 with its table name, an image
 *   'f300:2'        a face whose name (2 units, read from the text) is not the table's name for that id
 * Decoding checks every step against the text, so a damaged column is detected, never mis-rendered.
 */
import * as v from 'valibot'
import { segmentsToText, type Segment } from '../../shared/domain'
import { faceName } from '../../shared/faces'
import { StoreError } from './errors'

const IMAGE_TEXT = segmentsToText([{ type: 'image' }])

const EncodedSchema = v.pipe(v.string(), v.regex(/^(?:(?:t\d+|f\d+(?::\d+)?|i)(?:,(?:t\d+|f\d+(?::\d+)?|i))*)?$/))

export function encodeSegments(segments: readonly Segment[]): string | null {
  if (segments.length === 1 && segments[0]!.type === 'text') return null
  return segments
    .map((s) => {
      if (s.type === 'text') return `t${s.text.length}`
      if (s.type === 'image') return 'i'
      return s.name === faceName(s.id) ? `f${s.id}` : `f${s.id}:${s.name.length}`
    })
    .join(',')
}

/** Rebuilds the segments of a stored row; throws StoreError('corrupt-row') if column and text disagree. */
export function decodeSegments(encoded: string | null, text: string): Segment[] {
  if (encoded === null) return [{ type: 'text', text }]
  const parsed = v.safeParse(EncodedSchema, encoded)
  if (!parsed.success) throw corrupt(`segments column is not in the stored form: ${JSON.stringify(encoded.slice(0, 40))}`)
  if (parsed.output === '') {
    if (text !== '') throw corrupt('no segments but non-empty text')
    return []
  }
  const out: Segment[] = []
  let pos = 0
  const take = (len: number): string => {
    if (pos + len > text.length) throw corrupt('segments run past the end of the text')
    const piece = text.slice(pos, pos + len)
    pos += len
    return piece
  }
  for (const token of parsed.output.split(',')) {
    if (token === 'i') {
      if (take(IMAGE_TEXT.length) !== IMAGE_TEXT) throw corrupt('image marker missing from text')
      out.push({ type: 'image' })
    } else if (token[0] === 't') {
      out.push({ type: 'text', text: take(Number(token.slice(1))) })
    } else {
      const [idPart, lenPart] = token.slice(1).split(':')
      const id = Number(idPart)
      const nameLen = lenPart === undefined ? faceName(id).length : Number(lenPart)
      const spelled = take(nameLen + 2)
      if (spelled[0] !== '[' || spelled[spelled.length - 1] !== ']') throw corrupt(`face ${id} is not spelled in the text`)
      out.push({ type: 'face', id, name: spelled.slice(1, -1) })
    }
  }
  if (pos !== text.length) throw corrupt('text longer than its segments')
  return out
}

function corrupt(message: string): StoreError {
  return new StoreError('corrupt-row', message)
}
