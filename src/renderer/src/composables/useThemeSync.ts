import { watch } from 'vue'
import { storeToRefs } from 'pinia'
import { useSettingsStore } from '../stores/settings'

/** Keeps <html data-theme> (which selects the CSS variable palette) on the effective theme. */
export function useThemeSync(): void {
  const { effectiveTheme } = storeToRefs(useSettingsStore())
  watch(
    effectiveTheme,
    (theme) => {
      document.documentElement.dataset['theme'] = theme
    },
    { immediate: true }
  )
}
