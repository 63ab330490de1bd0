import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionSnapshot } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'

const SIGNED_OUT: SessionSnapshot = { state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false }

/** The login session as main reports it; kept live by the session:changed push. */
export const useSessionStore = defineStore('session', () => {
  const api = useApi()
  const snapshot = ref<SessionSnapshot>(SIGNED_OUT)
  const error = ref<string | null>(null)
  let unsubscribe: (() => void) | null = null

  /** A sign-in was asked for and nothing came back yet (no QR, no failure): "Connecting…" at once. */
  const requested = ref(false)
  const unreachable = computed(() => snapshot.value.unreachable ?? null)

  const isOnline = computed(() => snapshot.value.state === 'online')
  /** The messenger stays up while the engine reconnects (sends queue meanwhile). */
  const isSignedIn = computed(() => isOnline.value || snapshot.value.state === 'reconnecting')
  const showsQr = computed(() => snapshot.value.qrDataUrl !== null && !isOnline.value)
  const connecting = computed(
    () => requested.value && unreachable.value === null && (snapshot.value.state === 'signed-out' || snapshot.value.state === 'signing-in') && !showsQr.value
  )

  async function run(action: () => Promise<SessionSnapshot>): Promise<void> {
    error.value = null
    try {
      snapshot.value = await action()
    } catch (e) {
      error.value = errorKey(e)
      requested.value = false
    }
  }

  async function init(): Promise<void> {
    unsubscribe ??= api.onSessionChanged((next) => {
      snapshot.value = next
      // The attempt has an answer (a QR, a failure, a session): progress is shown by those now.
      if (next.unreachable || next.qrDataUrl !== null || next.state === 'online') requested.value = false
    })
    await run(async () => unwrap(await api.getSession()))
  }

  /** Starts a sign-in (also Retry after a failure); shows "Connecting…" until something answers. */
  async function start(): Promise<void> {
    requested.value = true
    await run(async () => unwrap(await api.startSession()))
  }
  const logout = () => run(async () => unwrap(await api.logout()))
  async function startDemo(): Promise<void> {
    requested.value = true
    await run(async () => unwrap(await api.startDemo()))
  }

  async function scanDemo(): Promise<void> {
    error.value = null
    try {
      unwrap(await api.scanDemo())
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  function dispose(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  return { snapshot, error, isOnline, isSignedIn, showsQr, unreachable, connecting, init, start, logout, startDemo, scanDemo, dispose }
})
