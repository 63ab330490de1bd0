import { defineStore } from 'pinia'
import { ref } from 'vue'
import { unwrap, useApi } from '../composables/useApi'

/** Rows that scroll past within this window are asked for in one request. */
export const SIGNATURE_WAIT_MS = 120
/** The most uins main takes in one contacts:signature call. */
export const SIGNATURE_BATCH = 60

/**
 * Buddy signatures, asked for only for the rows on screen, gathered into batched requests (main caches
 * and rate-limits the server calls), and never asked twice unless the request failed.
 */
export const useSignaturesStore = defineStore('signatures', () => {
  const api = useApi()
  /** uin -> signature ('' = none). */
  const byUin = ref<Record<number, string>>({})
  const asked = new Set<number>()
  const queue = new Set<number>()
  let timer: ReturnType<typeof setTimeout> | null = null

  function want(uins: Iterable<number>): void {
    for (const uin of uins) {
      if (asked.has(uin)) continue
      asked.add(uin)
      queue.add(uin)
    }
    if (queue.size > 0 && timer === null) timer = setTimeout(() => void flush(), SIGNATURE_WAIT_MS)
  }

  async function flush(): Promise<void> {
    timer = null
    const batch = [...queue].slice(0, SIGNATURE_BATCH)
    batch.forEach((u) => queue.delete(u))
    if (batch.length === 0) return
    try {
      const got = unwrap(await api.getSignatures({ uins: batch }))
      byUin.value = { ...byUin.value, ...got }
      // Left out by main (its fetch failed): may be asked again when the row shows up again.
      for (const u of batch) if (!(u in got)) asked.delete(u)
    } catch {
      for (const u of batch) asked.delete(u)
    }
    if (queue.size > 0 && timer === null) timer = setTimeout(() => void flush(), SIGNATURE_WAIT_MS)
  }

  const signatureOf = (uin: number): string | null => byUin.value[uin] || null

  function dispose(): void {
    if (timer) clearTimeout(timer)
    timer = null
    queue.clear()
    asked.clear()
    byUin.value = {}
  }

  return { byUin, want, flush, signatureOf, dispose }
})
