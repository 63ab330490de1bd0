/**
 * What a link SHOWS, so that it cannot say one thing and open another: bidi controls (which reorder
 * the text around them, "moc.evil" read as "live.com") are dropped from the shown text, and a host
 * whose letters mix scripts (a Cyrillic "а" in "аpple.com") or is written wholly in look-alikes of
 * Latin letters is shown in the punycode form that is actually opened (xn--pple-43d.com), as
 * browsers do. The href is never changed here; it is what the URL parser made of the text.
 */

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
/** The host as written: after the scheme (and any user info), up to the port, path, query or fragment. */
const WRITTEN_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^/?#@]*@)?([^/?#:]+)/i
const LABEL_SEPARATORS = /[.\u3002\uFF0E\uFF61]/

/** Scripts a host label may use; letters of any other script count as one 'Other' script. */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u]
]
/** Combinations that are one writing system: Japanese and Korean mix scripts, and with Latin (Chrome's rule). */
const ALLOWED_MIXES: ReadonlyArray<ReadonlySet<string>> = [new Set(['Latin', 'Han', 'Hiragana', 'Katakana']), new Set(['Latin', 'Han', 'Hangul'])]
/** Cyrillic, Greek and Armenian letters that look like Latin ones (a label made only of them is a decoy). */
const LATIN_LOOKALIKES = new Set([...'аеорсухіјѕԁԛԝһӏԌрвкмнт', ...'αοριυνκτχβεζηικμ', ...'օսոհց'])

function scriptOf(ch: string): string | null {
  if (!/\p{L}/u.test(ch)) return null // digits, hyphens, marks: no script of their own
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name
  return 'Other'
}

/** True when a host label is written to look like something it is not. */
export function isDeceptiveLabel(label: string): boolean {
  const scripts = new Set<string>()
  for (const ch of label) {
    const s = scriptOf(ch)
    if (s) scripts.add(s)
  }
  if (scripts.size > 1) return !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)))
  const only = [...scripts][0]
  if (only === 'Cyrillic' || only === 'Greek' || only === 'Armenian') {
    return [...label].every((ch) => !/\p{L}/u.test(ch) || LATIN_LOOKALIKES.has(ch.toLowerCase()))
  }
  return false
}

/** The text to show for a link written as `raw` that opens `href`. */
export function linkDisplayText(raw: string, href: string): string {
  const text = raw.replace(BIDI, '')
  const written = WRITTEN_HOST.exec(text)?.[1]
  if (!written || /^[\x21-\x7e]*$/.test(written)) return text
  if (!written.split(LABEL_SEPARATORS).some(isDeceptiveLabel)) return text
  let opened: string
  try {
    opened = new URL(href).hostname
  } catch {
    return text
  }
  return text.replace(written, opened)
}
