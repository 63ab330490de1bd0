import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import { MAX_SEARCH_CHARS, type HistoryPage } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { refKey, type ConversationRef } from '../lib/conversation-ref'
import { errorKey } from '../lib/error-text'
import { useConversationsStore } from './conversations'

/** Hits read per request (the channel's page limit). */
export const FIND_PAGE = 200
/** Hits counted at most ("2000+" beyond): a find that common is refined, not stepped through. */
export const FIND_MAX_HITS = 2000

/**
 * Find in the open conversation (Ctrl/Cmd+F): every hit in its stored history, newest first, searched
 * through the store; the list highlights the matches and shows the current hit, paging its
 * neighbours in (history:around) when it is not loaded.
 */
export const useFindStore = defineStore('find', () => {
  const api = useApi()
  const conversations = useConversationsStore()
  /** The conversation the find bar is open in, or null when closed. */
  const target = ref<ConversationRef | null>(null)
  const query = ref('')
  /** The query the hits are for (trimmed), null before the first search. */
  const searched = ref<string | null>(null)
  /** Message ids of the hits, newest first. */
  const hits = ref<string[]>([])
  /** More hits than FIND_MAX_HITS exist. */
  const capped = ref(false)
  /** Index into hits of the current one (0: the newest), -1 when there is none. */
  const current = ref(-1)
  const busy = ref(false)
  const error = ref<string | null>(null)
  /** Answers to an older query arriving late are dropped. */
  let generation = 0

  const isOpenIn = (ref: ConversationRef): boolean => target.value !== null && refKey(target.value) === refKey(ref)
  /** What the list of `key` highlights: the searched words while the bar is open there. */
  const highlightIn = (key: string): string | null => (target.value && refKey(target.value) === key && searched.value ? searched.value : null)
  const currentId = computed(() => hits.value[current.value] ?? null)

  function open(ref: ConversationRef): void {
    if (!isOpenIn(ref)) reset()
    target.value = ref
  }

  function reset(): void {
    generation++
    query.value = ''
    searched.value = null
    hits.value = []
    capped.value = false
    current.value = -1
    busy.value = false
    error.value = null
  }

  function close(): void {
    const ref = target.value
    reset()
    target.value = null
    if (ref && conversations.jump?.key === refKey(ref)) conversations.jump = null
  }

  /** Searches the whole stored conversation and shows the newest hit. */
  async function run(text: string): Promise<void> {
    const ref = target.value
    const q = text.trim().slice(0, MAX_SEARCH_CHARS)
    query.value = text
    if (!ref) return
    const mine = ++generation
    if (q === '') {
      searched.value = null
      hits.value = []
      current.value = -1
      return
    }
    busy.value = true
    error.value = null
    try {
      const found: string[] = []
      let before: string | null = null
      do {
        const page: HistoryPage = unwrap(await api.searchHistory({ query: q, ...ref, limit: FIND_PAGE, before }))
        if (mine !== generation) return
        for (const m of page.messages) found.push(m.id)
        before = page.next
      } while (before !== null && found.length < FIND_MAX_HITS)
      capped.value = before !== null
      hits.value = found.slice(0, FIND_MAX_HITS)
      searched.value = q
      current.value = -1
      await go(0)
    } catch (e) {
      if (mine === generation) error.value = errorKey(e)
    } finally {
      if (mine === generation) busy.value = false
    }
  }

  /** Older (`1`, Enter, F3) or newer (`-1`, Shift+Enter) hit, wrapping around. */
  async function step(by: 1 | -1): Promise<void> {
    if (hits.value.length === 0) return
    await go((current.value + by + hits.value.length) % hits.value.length)
  }

  async function go(index: number): Promise<void> {
    const ref = target.value
    const id = hits.value[index]
    if (!ref || id === undefined) return
    current.value = index
    const key = refKey(ref)
    const loaded = toRaw(conversations.threads.get(key)?.messages ?? []).some((m) => m.id === id)
    // A hit already in the list is scrolled to; an older one is paged in with its neighbours.
    if (loaded) conversations.jump = { key, messageId: id, query: searched.value }
    else await conversations.jumpTo(ref, id, searched.value)
  }

  return { target, query, searched, hits, capped, current, currentId, busy, error, isOpenIn, highlightIn, open, close, run, step }
})
