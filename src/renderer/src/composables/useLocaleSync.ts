import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { storeToRefs } from 'pinia'
import { useSettingsStore } from '../stores/settings'

/** Keeps vue-i18n's locale and the document language in step with the stored setting. */
export function useLocaleSync(): void {
  const { locale } = useI18n()
  const { settings } = storeToRefs(useSettingsStore())
  watch(
    () => settings.value.locale,
    (next) => {
      locale.value = next
      document.documentElement.lang = next
    },
    { immediate: true }
  )
}
