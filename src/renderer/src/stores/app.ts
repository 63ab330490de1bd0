import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'

/** Facts about the running app (version, platform, how secrets are kept). */
export const useAppStore = defineStore('app', () => {
  const api = useApi()
  const info = ref<AppInfo | null>(null)

  async function load(): Promise<AppInfo> {
    info.value = unwrap(await api.appInfo())
    return info.value
  }

  return { info, load }
})
