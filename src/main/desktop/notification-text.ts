/**
 * What a notification may carry to the operating system. Title and body come from other people
 * (nicks, group names, message text), so they are cleaned before they leave the app: no control
 * characters (NUL cuts a C string in some notification servers), no bidi overrides or isolates (they
 * would reorder the text around them), no lone surrogates, lengths bounded and cut on grapheme
 * boundaries (never inside a surrogate pair, an emoji sequence or a combining mark). Linux
 * notification servers render a subset of HTML in the body (the freedesktop spec's body-markup), so
 * there the body is escaped; the title (summary) is plain text everywhere, and so are Windows and
 * macOS bodies.
 */

/** Longest title in graphemes: a nick or group name, a 100,000-character one included. */
export const MAX_TITLE_GRAPHEMES = 64
/** Longest line of message text in graphemes; the OS would cut it anyway, less tidily. */
export const MAX_LINE_GRAPHEMES = 140
/** Longest sender name inside a group notification's line. */
export const MAX_NAME_GRAPHEMES = 32

/** Bidi embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
/** Line and paragraph separators and whitespace controls: they become one space. */
const SPACES = /[\s\u2028\u2029]+/g
/** Every other control character (C0, DEL, C1), NUL included. */
const CONTROLS = /\p{Cc}/gu

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** One line of plain text: well-formed UTF-16, no controls or bidi formatting, spaces collapsed. */
export function cleanLine(text: string): string {
  return text.toWellFormed().replace(BIDI, '').replace(SPACES, ' ').replace(CONTROLS, '').trim()
}

/** At most `max` graphemes; a longer text keeps max - 1 of them and an ellipsis. */
export function cutGraphemes(text: string, max: number): string {
  // Code units bound graphemes from above: short texts need no segmenting.
  if (text.length <= max) return text
  const kept: string[] = []
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('')}…`
    kept.push(segment)
  }
  return kept.join('')
}

/** `text` with the five characters markup gives meaning to written as entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A title as any platform may show it. */
export function notificationTitle(raw: string, fallback: string): string {
  return cutGraphemes(cleanLine(raw), MAX_TITLE_GRAPHEMES) || fallback
}

/** Body lines (each already cleaned and bounded) joined, escaped where the server renders markup. */
export function notificationBody(lines: readonly string[], platform: string): string {
  const body = lines.join('\n')
  return platform === 'linux' ? escapeMarkup(body) : body
}
