import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Text another part of the conversation asks the composer to insert (a quote from the message menu). */
export interface ComposerInsert {
  /** refKey of the conversation whose composer takes it. */
  key: string
  text: string
  /** Distinguishes two equal inserts in a row. */
  nonce: number
}

/**
 * The one way into a composer from outside it: the message menu's Quote puts text here and the
 * composer of that conversation inserts it at its caret and takes the focus.
 */
export const useComposerStore = defineStore('composer', () => {
  const pending = ref<ComposerInsert | null>(null)
  let nonce = 0
  function insert(key: string, text: string): void {
    pending.value = { key, text, nonce: ++nonce }
  }
  function take(key: string): string | null {
    const p = pending.value
    if (!p || p.key !== key) return null
    pending.value = null
    return p.text
  }
  return { pending, insert, take }
})
