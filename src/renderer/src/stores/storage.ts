import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { StorageStatusDto } from '../../../shared/messenger'
import { useApi } from '../composables/useApi'

/**
 * Whether the chat history is being saved, as main reports it (storage:changed; the session snapshot
 * carries the last problem for windows opened later). A problem stays shown while it lasts; a damaged
 * file that was moved aside (saving works again) is shown until dismissed.
 */
export const useStorageStore = defineStore('storage', () => {
  const api = useApi()
  const status = ref<StorageStatusDto | null>(null)
  const dismissed = ref(false)
  let unsubscribe: (() => void) | null = null

  /** What to show, or null when there is nothing to say. */
  const notice = computed<StorageStatusDto | null>(() => {
    const s = status.value
    if (!s || s.reason === null) return null
    if (s.ok && dismissed.value) return null
    return s
  })

  function apply(next: StorageStatusDto | null): void {
    status.value = next
    dismissed.value = false
  }

  /** Subscribes once; `initial` (the session snapshot's) is used when nothing newer arrived yet. */
  function init(initial: StorageStatusDto | null = null): void {
    unsubscribe ??= api.onStorageChanged(apply)
    if (status.value === null && initial) apply(initial)
  }

  function dismiss(): void {
    dismissed.value = true
  }

  function dispose(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  return { status, notice, init, dismiss, dispose }
})
