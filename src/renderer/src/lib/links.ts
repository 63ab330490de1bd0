/**
 * Finds web and mail links in message text, so they are shown as links and opened through main's safe
 * opener (never navigated to). A careful tokenizer instead of a library: it only has to know http(s)://,
 * mailto: and a bare www., and to leave trailing punctuation (English or Chinese) and unbalanced closing
 * brackets out of the link, as people write "see https://a.b/c." or "（见 www.qq.com）".
 */
import { linkDisplayText } from './link-display'

export interface TextPart {
  /** What is shown: for a link, bidi controls dropped and a deceptive host in its punycode form (link-display.ts). */
  text: string
  /** The URL to open, null for plain text. */
  href: string | null
}

const CANDIDATE = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"'`“”‘’，。！？；：、（）【】《》「」『』\u3000]+/gi
const TRAILING = /[.,;:!?'"“”‘’…»）)\]}>]+$/
const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' }

/**
 * False only when the text cannot hold a link, so it can be shown as plain text without splitLinks (a
 * message row is mounted per frame in a fast scroll). True may still find no link.
 */
export function mayHaveLinks(text: string): boolean {
  return LINK_START.test(text)
}

const LINK_START = /(?:https?:\/\/|mailto:|www\.)/i

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index
    const raw = trimLink(match[0])
    const href = toHref(raw)
    if (!href) continue
    if (start > last) parts.push({ text: text.slice(last, start), href: null })
    parts.push({ text: linkDisplayText(raw, href), href })
    last = start + raw.length
  }
  if (last < text.length) parts.push({ text: text.slice(last), href: null })
  return parts
}

/** Drops trailing punctuation, but keeps a closing bracket that closes one opened inside the link. */
function trimLink(raw: string): string {
  let s = raw
  for (;;) {
    const tail = TRAILING.exec(s)
    if (!tail) return s
    let cut = tail[0].length
    // "https://en.wikipedia.org/wiki/Foo_(bar)" keeps its ")".
    const first = tail[0][0]!
    const open = PAIRS[first]
    if (open && count(s.slice(0, s.length - cut), open) > count(s.slice(0, s.length - cut), first)) {
      cut -= 1
      if (cut === 0) return s
    }
    const next = s.slice(0, s.length - cut)
    if (next === s) return s
    s = next
  }
}

function count(s: string, c: string): number {
  let n = 0
  for (const ch of s) if (ch === c) n++
  return n
}

/** The URL to open for a candidate, or null when it is not a usable link (e.g. "http://" alone). */
function toHref(raw: string): string | null {
  const withScheme = /^www\./i.test(raw) ? `https://${raw}` : raw
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return null
  return url.href
}
