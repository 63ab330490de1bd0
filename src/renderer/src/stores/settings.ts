import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEFAULT_SETTINGS, type EffectiveTheme, type Locale, type Settings, type SettingsPatch } from '../../../shared/settings'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'

/**
 * The user's settings as main stores them, kept live by settings:changed (another window, the
 * tray) and theme:changed (the OS preference while the theme follows the system).
 */
export const useSettingsStore = defineStore('settings', () => {
  const api = useApi()
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  /** The theme in effect; main resolves 'system' through the OS preference. */
  const systemTheme = ref<EffectiveTheme>('light')
  /** i18n key of the last refused change, or null. */
  const error = ref<string | null>(null)
  let unsubscribers: Array<() => void> = []

  const effectiveTheme = computed<EffectiveTheme>(() => (settings.value.theme === 'system' ? systemTheme.value : settings.value.theme))

  async function load(): Promise<Settings> {
    if (unsubscribers.length === 0) {
      unsubscribers = [
        api.onSettingsChanged((next) => (settings.value = next)),
        api.onThemeChanged(({ effective }) => {
          // While following the system, main's answer IS the system theme.
          if (settings.value.theme === 'system') systemTheme.value = effective
        })
      ]
    }
    settings.value = unwrap(await api.getSettings())
    try {
      const { effective } = unwrap(await api.getTheme())
      if (settings.value.theme === 'system') systemTheme.value = effective
    } catch {
      // The theme then stays light until main pushes theme:changed.
    }
    return settings.value
  }

  /** Persists a change; false (and `error` set) when main refused it. */
  async function update(patch: SettingsPatch): Promise<boolean> {
    try {
      const wasSystem = settings.value.theme === 'system'
      settings.value = unwrap(await api.updateSettings(patch))
      error.value = null
      if (!wasSystem && settings.value.theme === 'system') {
        const { effective } = unwrap(await api.getTheme())
        systemTheme.value = effective
      }
      return true
    } catch (e) {
      error.value = errorKey(e)
      return false
    }
  }

  async function setLocale(locale: Locale): Promise<void> {
    await update({ locale })
  }

  function dispose(): void {
    unsubscribers.forEach((off) => off())
    unsubscribers = []
  }

  return { settings, effectiveTheme, error, load, update, setLocale, dispose }
})
