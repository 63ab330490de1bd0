import { computed, onUnmounted, ref, watch, type Ref } from 'vue'
import type { ConnectionTrouble } from '../../../shared/domain'

/**
 * Whole seconds until the engine's next attempt to reach the server (0 once it is due: trying now),
 * ticking once a second only while there is a retry to count down to.
 */
export function useRetryCountdown(retry: Ref<ConnectionTrouble | null | undefined>): Ref<number | null> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null
  const stop = (): void => {
    if (timer !== null) clearInterval(timer)
    timer = null
  }
  watch(
    retry,
    (next) => {
      now.value = Date.now()
      if (next && timer === null) timer = setInterval(() => (now.value = Date.now()), 1000)
      if (!next) stop()
    },
    { immediate: true }
  )
  onUnmounted(stop)
  return computed(() => {
    const next = retry.value
    return next ? Math.max(0, Math.ceil((next.nextAttemptAt - now.value) / 1000)) : null
  })
}
