import { defineStore } from 'pinia'
import { ref } from 'vue'
import { MAX_SEARCH_CHARS, type MessageDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'

/** Global search over the stored history (newest hits first). */
export const useSearchStore = defineStore('search', () => {
  const api = useApi()
  const query = ref('')
  const results = ref<MessageDto[]>([])
  const searched = ref<string | null>(null)
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run(text: string): Promise<void> {
    const q = text.trim().slice(0, MAX_SEARCH_CHARS)
    query.value = text
    if (q === '') return clear()
    busy.value = true
    error.value = null
    try {
      results.value = unwrap(await api.searchHistory({ query: q, limit: 100 })).messages
      searched.value = q
    } catch (e) {
      error.value = errorKey(e)
    } finally {
      busy.value = false
    }
  }

  function clear(): void {
    query.value = ''
    results.value = []
    searched.value = null
    error.value = null
  }

  return { query, results, searched, busy, error, run, clear }
})
