/**
 * Contact filtering the way Chinese users type: the characters themselves, the full pinyin
 * (`zhangsan`, `zhang`) or the initials (`zs`) all find 张三. pinyin-pro's own `match` costs ~40 µs
 * per name, too slow for 5,000 buddies on every keystroke, so each name's pinyin is computed once
 * and the filter is then plain substring tests.
 *
 * pinyin-pro (its dictionary) is most of the renderer's JavaScript, and nothing on the first screen
 * needs it, so it is a chunk of its own, loaded when first needed: by the idle warm-up once the contacts
 * are there (usually long before the first keystroke), or by the first filter. Until it is there a name
 * matches by its characters only, and `pinyinReady` (reactive) flips when it arrives, so every computed
 * filter that asked runs again and the pinyin matches appear by themselves.
 */
import { ref } from 'vue'

type PinyinFunction = (typeof import('pinyin-pro'))['pinyin']

interface Spelling {
  lower: string
  full: string
  initials: string
}

const spellings = new Map<string, Spelling>()
let pinyin: PinyinFunction | null = null
let loading: Promise<void> | null = null

/** True once pinyin-pro is loaded (read by matchesName, so filters depend on it). */
export const pinyinReady = ref(false)

/** Loads pinyin-pro once; later calls share the same promise (a failed load is tried again next time). */
export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then(
    (module) => {
      pinyin = module.pinyin
      pinyinReady.value = true
    },
    (e: unknown) => {
      loading = null
      throw e
    }
  )
  return loading
}

function spell(name: string): Spelling | null {
  let s = spellings.get(name)
  if (!s) {
    if (!pinyin) return null
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

/**
 * True when `name` matches an already normalized, non-empty query. Before pinyin-pro is loaded only the
 * characters are compared (and the load starts); reading `pinyinReady` makes a computed filter run again
 * once it is there.
 */
export function matchesName(name: string, query: string): boolean {
  if (!pinyinReady.value) {
    void loadPinyin().catch(() => {})
    return name.toLowerCase().includes(query)
  }
  const s = spell(name)!
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
  // The dictionary first (its own chunk, whose set-up takes ~100 ms: not before the list's first frame),
  // then the names, a slice per idle period.
  idle(() =>
    loadPinyin().then(
      () => idle(step),
      () => {}
    )
  )
  return () => {
    stopped = true
  }
}

/** Whether a name's spelling is already known (for tests). */
export function isSpelled(name: string): boolean {
  return spellings.has(name)
}
