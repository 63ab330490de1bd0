import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import { SIDEBAR_WIDTH_MAX, SIDEBAR_WIDTH_MIN } from '../../../shared/settings'
import { useSettingsStore } from '../stores/settings'
import { useWindowWidth } from './useWindowWidth'

/** The conversation pane never gets narrower than this because of the sidebar. */
export const CONVERSATION_MIN_WIDTH = 360

export function clampSidebarWidth(wanted: number, windowWidth: number): number {
  const room = Math.max(SIDEBAR_WIDTH_MIN, windowWidth - CONVERSATION_MIN_WIDTH)
  return Math.round(Math.min(Math.max(wanted, SIDEBAR_WIDTH_MIN), SIDEBAR_WIDTH_MAX, room))
}

/**
 * The contact sidebar's width: the sidebarWidth setting (dragged by the user), narrowed when the
 * window is too small to leave the conversation its room. While dragging, a live value is shown
 * and only the final one is saved.
 */
export function useSidebarWidth(): {
  width: ComputedRef<number>
  live: Ref<number | null>
  commit(wanted: number): Promise<void>
} {
  const settingsStore = useSettingsStore()
  const { settings } = storeToRefs(settingsStore)
  const windowWidth = useWindowWidth()
  const live = ref<number | null>(null)
  const width = computed(() => clampSidebarWidth(live.value ?? settings.value.sidebarWidth, windowWidth.value))
  async function commit(wanted: number): Promise<void> {
    live.value = null
    const next = Math.round(Math.min(Math.max(wanted, SIDEBAR_WIDTH_MIN), SIDEBAR_WIDTH_MAX))
    if (next !== settings.value.sidebarWidth) await settingsStore.update({ sidebarWidth: next })
  }
  return { width, live, commit }
}
