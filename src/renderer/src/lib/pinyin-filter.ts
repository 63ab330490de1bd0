/**
 * Contact filtering the way Chinese users type: the characters themselves, the full pinyin
 * (`zhangsan`, `zhang`) or the initials (`zs`) all find 张三. pinyin-pro's own `match` costs ~40 µs
 * per name, too slow for 5,000 buddies on every keystroke, so each name's pinyin is computed once
 * and the filter is then plain substring tests.
 */
import { pinyin } from 'pinyin-pro'

interface Spelling {
  lower: string
  full: string
  initials: string
}

const spellings = new Map<string, Spelling>()

function spell(name: string): Spelling {
  let s = spellings.get(name)
  if (!s) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((p) =>
      p.toLowerCase()
    )
    s = {
      lower: name.toLowerCase(),
      full: syllables.join('').replace(/\s+/g, ''),
      initials: syllables.map((p) => p.trim().charAt(0)).join('')
    }
    spellings.set(name, s)
  }
  return s
}

/** The query as it is compared: trimmed, lower case, inner spaces dropped for pinyin. */
export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase()
}

/** True when `name` matches an already normalized, non-empty query. */
export function matchesName(name: string, query: string): boolean {
  const s = spell(name)
  if (s.lower.includes(query)) return true
  if (!/^[a-z' ]+$/.test(query)) return false
  const letters = query.replace(/[' ]/g, '')
  return s.full.includes(letters) || s.initials.includes(letters)
}
