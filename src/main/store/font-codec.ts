/**
 * Compact storage of a message's font (the `font` column of messages, schema v8):
 *   NULL                 the message came without a font (or from before fonts were stored)
 *   '10,5,c0392b,楷体'   size, style bits (1 bold, 2 italic, 4 underline), colour, then the name (it may hold commas)
 * About 15 bytes a message instead of the ~70 of the wire JSON. A font is decoration: a damaged column
 * reads back as "no font", never as a damaged message.
 */
import * as v from 'valibot'
import { messageFontSchema, type MessageFont } from '../../shared/fonts'

export function encodeFont(font: MessageFont | null | undefined): string | null {
  if (!font) return null
  const bits = (font.bold ? 1 : 0) | (font.italic ? 2 : 0) | (font.underline ? 4 : 0)
  return `${font.size},${bits},${font.color},${font.name}`
}

export function decodeFont(stored: string | null): MessageFont | null {
  if (stored === null) return null
  const m = /^(\d{1,2}),([0-7]),([0-9a-f]{6}),(.+)$/s.exec(stored)
  if (!m) return null
  const bits = Number(m[2])
  const font = { name: m[4]!, size: Number(m[1]), bold: (bits & 1) !== 0, italic: (bits & 2) !== 0, underline: (bits & 4) !== 0, color: m[3]! }
  return v.is(messageFontSchema, font) ? font : null
}
