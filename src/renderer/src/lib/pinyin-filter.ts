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
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase())
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

/** Names spelled per idle slice: small enough to keep a frame free, large enough to finish soon. */
const WARM_SLICE = 250

/**
 * Computes the spellings of `names` in idle time, a slice at a time, so the first keystroke in a filter
 * over 5,000 buddies does not spend ~0.4 s in pinyin-pro. Returns a function that stops the warm-up.
 */
export function warmSpellings(names: Iterable<string>): () => void {
  const queue = [...names]
  let stopped = false
  const idle: (cb: () => void) => void =
    typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(() => cb(), { timeout: 500 }) : (cb) => setTimeout(cb, 16)
  const step = (): void => {
    if (stopped) return
    for (const name of queue.splice(0, WARM_SLICE)) spell(name)
    if (queue.length > 0) idle(step)
  }
  idle(step)
  return () => {
    stopped = true
  }
}

/** Whether a name's spelling is already known (for tests). */
export function isSpelled(name: string): boolean {
  return spellings.has(name)
}
