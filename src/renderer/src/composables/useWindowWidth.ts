import { onMounted, onUnmounted, ref, type Ref } from 'vue'

/** Widths (px) where the layout changes; the window's minimum is 720×480. */
export const MEMBERS_PANEL_MIN_WIDTH = 1200
export const NARROW_WIDTH = 900

/** The page width, kept current on resize. */
export function useWindowWidth(): Ref<number> {
  const width = ref(window.innerWidth)
  const update = (): void => {
    width.value = window.innerWidth
  }
  onMounted(() => window.addEventListener('resize', update))
  onUnmounted(() => window.removeEventListener('resize', update))
  return width
}
