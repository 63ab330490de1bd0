/**
 * pinyin-pro is a chunk of its own, loaded when first needed. A filter typed before it arrives matches by
 * characters at once and by pinyin as soon as the dictionary is there, without another keystroke.
 */
import { computed, ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'

type Filter = typeof import('../../src/renderer/src/lib/pinyin-filter')

/** A copy of the module that has not loaded pinyin-pro yet (the suite's setup loaded the shared one). */
async function freshFilter(): Promise<Filter> {
  vi.resetModules()
  return import('../../src/renderer/src/lib/pinyin-filter')
}

describe('pinyin filter, loaded on first use', () => {
  it('the first pinyin query finds 张三 once the dictionary arrives; a computed filter updates by itself', async () => {
    const f = await freshFilter()
    expect(f.pinyinReady.value).toBe(false)
    const names = ['张三', '李四', 'zsh 用户']
    const query = ref('zs')
    const hits = computed(() => names.filter((n) => f.matchesName(n, f.normalizeQuery(query.value))))
    // Before: characters only (and the load has started).
    expect(hits.value).toEqual(['zsh 用户'])
    await vi.waitFor(() => expect(f.pinyinReady.value).toBe(true), { timeout: 10_000 })
    expect(hits.value).toEqual(['张三', 'zsh 用户'])
    query.value = 'lisi'
    expect(hits.value).toEqual(['李四'])
  })

  it('characters match before the dictionary is there', async () => {
    const f = await freshFilter()
    expect(f.matchesName('张三', f.normalizeQuery('张'))).toBe(true)
    expect(f.matchesName('李四', f.normalizeQuery('张'))).toBe(false)
  })

  it('the warm-up loads the dictionary first, then spells the names in idle time', async () => {
    const f = await freshFilter()
    f.warmSpellings(['欧阳锋'])
    expect(f.isSpelled('欧阳锋')).toBe(false)
    await vi.waitFor(() => expect(f.isSpelled('欧阳锋')).toBe(true), { timeout: 10_000 })
    expect(f.pinyinReady.value).toBe(true)
    expect(f.matchesName('欧阳锋', 'oyf')).toBe(true)
  })

  it('loadPinyin is loaded once: later calls share the same promise', async () => {
    const f = await freshFilter()
    expect(f.loadPinyin()).toBe(f.loadPinyin())
    await f.loadPinyin()
    expect(f.pinyinReady.value).toBe(true)
  })
})
