/**
 * pinyin-pro is loaded on first use (its own chunk; lib/pinyin-filter.ts). In the app the idle warm-up
 * loads it as soon as the contacts are there; the renderer tests start from that state, except
 * pinyin-lazy.test.ts, which checks the first-use path on a fresh copy of the module.
 */
import { loadPinyin } from '../../src/renderer/src/lib/pinyin-filter'

await loadPinyin()
