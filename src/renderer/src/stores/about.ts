import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AboutDto } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'

export type CopyState = 'idle' | 'copied' | 'failed'

/** The About dialog's facts (loaded once: they do not change while the app runs) and "copy diagnostics". */
export const useAboutStore = defineStore('about', () => {
  const api = useApi()
  const about = ref<AboutDto | null>(null)
  /** i18n key of why loading failed, or null. */
  const error = ref<string | null>(null)
  const copy = ref<CopyState>('idle')

  async function load(): Promise<void> {
    if (about.value) return
    try {
      about.value = unwrap(await api.getAbout())
      error.value = null
    } catch {
      error.value = 'about.loadFailed'
    }
  }

  /** Main writes the report (it knows the OS and the runtime); the page puts it on the clipboard. */
  async function copyDiagnostics(): Promise<void> {
    try {
      const report = unwrap(await api.getDiagnostics())
      await navigator.clipboard.writeText(report)
      copy.value = 'copied'
    } catch {
      copy.value = 'failed'
    }
  }

  async function openHome(): Promise<void> {
    const home = about.value?.app.homepage
    // Best effort: main refuses anything that is not a web address, and there is nothing to add then.
    if (home) await api.openExternal({ url: home }).catch(() => undefined)
  }

  return { about, error, copy, load, copyDiagnostics, openHome }
})
