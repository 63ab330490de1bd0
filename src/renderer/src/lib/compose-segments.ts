/**
 * The composer holds plain text; a face picked from the picker is written into it as its name in
 * brackets ([微笑]), as classic QQ and WebQQ did. On send, bracketed names of the shared face table
 * become face segments; anything else (e.g. "[not a face]") stays text.
 */
import { faceIdByName } from '../../../shared/faces'
import type { SendSegment } from '../../../shared/conversation-ipc'

const BRACKETED = /\[([^[\]\n]{1,8})\]/g

/** The text's segments, or null when it holds no face (then it is sent as plain text). */
export function composeSegments(text: string): SendSegment[] | null {
  const segments: SendSegment[] = []
  let last = 0
  let faces = 0
  for (const match of text.matchAll(BRACKETED)) {
    const id = faceIdByName(match[1]!)
    if (id === undefined) continue
    if (match.index > last) segments.push({ type: 'text', text: text.slice(last, match.index) })
    segments.push({ type: 'face', id })
    faces++
    last = match.index + match[0].length
  }
  if (faces === 0) return null
  if (last < text.length) segments.push({ type: 'text', text: text.slice(last) })
  return segments
}

/** How a face is written into the composer. */
export function faceToken(name: string): string {
  return `[${name}]`
}
