import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_SETTINGS, type Locale, type Settings } from '../../../shared/settings'
import { unwrap, useApi } from '../composables/useApi'

export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })

  async function load(): Promise<Settings> {
    settings.value = unwrap(await api.getSettings())
    return settings.value
  }

  async function setLocale(locale: Locale): Promise<void> {
    settings.value = unwrap(await api.updateSettings({ locale }))
  }

  return { settings, load, setLocale }
})
