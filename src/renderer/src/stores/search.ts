import { defineStore } from 'pinia'
import { ref } from 'vue'
import { MAX_SEARCH_CHARS, type MessageDto } from '../../../shared/messenger'
import type { ConversationRef } from '../lib/conversation-ref'

/** Results per search page ("load more" fetches the next). */
export const SEARCH_PAGE = 50

/** Where to search: every conversation, or one. */
export type SearchScope = { kind: 'all' } | { kind: 'conversation'; ref: ConversationRef }
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
  const scope = ref<SearchScope>({ kind: 'all' })
  /** Cursor of the next page of results, null when every hit is listed. */
  const next = ref<string | null>(null)

  function request(q: string, before: string | null) {
    const s = scope.value
    return api.searchHistory({ query: q, limit: SEARCH_PAGE, before, ...(s.kind === 'conversation' ? s.ref : {}) })
  }

  async function run(text: string, where: SearchScope = scope.value): Promise<void> {
    const q = text.trim().slice(0, MAX_SEARCH_CHARS)
    query.value = text
    scope.value = where
    if (q === '') return clear()
    busy.value = true
    error.value = null
    try {
      const page = unwrap(await request(q, null))
      results.value = page.messages
      next.value = page.next
      searched.value = q
    } catch (e) {
      error.value = errorKey(e)
    } finally {
      busy.value = false
    }
  }

  /** Appends the next page of results (same query and scope). */
  async function loadMore(): Promise<void> {
    const q = searched.value
    if (q === null || next.value === null || busy.value) return
    busy.value = true
    try {
      const page = unwrap(await request(q, next.value))
      results.value = [...results.value, ...page.messages]
      next.value = page.next
    } catch (e) {
      error.value = errorKey(e)
    } finally {
      busy.value = false
    }
  }

  /** Hides the results but keeps the query (after jumping to a hit, the box still says what was found). */
  function close(): void {
    results.value = []
    searched.value = null
    next.value = null
    error.value = null
  }

  function clear(): void {
    query.value = ''
    close()
  }

  return { query, results, searched, busy, error, scope, next, run, loadMore, close, clear }
})
