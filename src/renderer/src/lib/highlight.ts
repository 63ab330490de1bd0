/**
 * Splits text into plain and matching parts for a search query (case-insensitive, every occurrence),
 * so matches are rendered as <mark> elements around text nodes, never as HTML.
 */
export interface MarkPart {
  text: string
  mark: boolean
}

export function splitMatches(text: string, query: string | null | undefined): MarkPart[] {
  const needle = (query ?? '').trim().toLowerCase()
  if (needle === '' || text === '') return text === '' ? [] : [{ text, mark: false }]
  const haystack = text.toLowerCase()
  // Lower-casing can change lengths (e.g. 'İ'); then positions would not line up: show no marks.
  if (haystack.length !== text.length) return [{ text, mark: false }]
  const parts: MarkPart[] = []
  let from = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), mark: false })
    parts.push({ text: text.slice(at, at + needle.length), mark: true })
    from = at + needle.length
  }
  if (from < text.length) parts.push({ text: text.slice(from), mark: false })
  return parts
}
