import { computed, effectScope, nextTick, ref, watch, type ComputedRef, type Ref } from 'vue'
import type { MessageDto } from '../../../shared/messenger'
import { messageFontStyle } from '../lib/message-font'
import { useSettingsStore } from '../stores/settings'

/**
 * The colours of the two bubbles in the theme in effect, read from the CSS variables (the palette lives
 * in assets/base.css only): a sender's colour is corrected against the bubble it is drawn on.
 */
const bubbles = ref({ other: '', self: '' })
let scope: ReturnType<typeof effectScope> | null = null

function readBubbles(): void {
  const css = getComputedStyle(document.documentElement)
  bubbles.value = { other: css.getPropertyValue('--bubble-other').trim(), self: css.getPropertyValue('--bubble-self').trim() }
}

/** The two bubble colours of the theme in effect, kept current. */
export function useBubbleColors(): Readonly<Ref<{ other: string; self: string }>> {
  const settings = useSettingsStore()
  if (!scope) {
    // One watcher for every bubble, detached from the component that happened to create it.
    scope = effectScope(true)
    scope.run(() =>
      watch(
        () => settings.effectiveTheme,
        // After useThemeSync has switched <html data-theme>, so the variables are the new theme's.
        () => void nextTick(readBubbles),
        { immediate: true, flush: 'post' }
      )
    )
  }
  return bubbles
}

/** The inline style of a message bubble for its sender's font, per the "fonts of others" setting. */
export function useMessageFont(message: () => MessageDto): ComputedRef<Record<string, string>> {
  const settings = useSettingsStore()
  const colors = useBubbleColors()
  return computed(() => {
    const m = message()
    if (!m.font) return {}
    return messageFontStyle(m.font, settings.settings.peerFonts, m.self ? colors.value.self : colors.value.other)
  })
}
