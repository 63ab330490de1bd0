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

  const isOnline = computed(() => snapshot.value.state === 'online')
  /**
   * The messenger stays up while the engine reconnects, and while the server cannot be reached for an
   * account it knows (its contacts and history from the store, read-only; sends queue meanwhile).
   */
  const isSignedIn = computed(
    () => isOnline.value || snapshot.value.state === 'reconnecting' || (snapshot.value.state === 'unreachable' && snapshot.value.self !== null)
  )
  /** Signed in but without a working connection: reconnecting or unreachable. */
  const isOffline = computed(() => isSignedIn.value && !isOnline.value)
  const showsQr = computed(() => snapshot.value.qrDataUrl !== null && !isOnline.value)

  async function run(action: () => Promise<SessionSnapshot>): Promise<void> {
    error.value = null
    try {
      snapshot.value = await action()
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  async function init(): Promise<void> {
    unsubscribe ??= api.onSessionChanged((next) => {
      snapshot.value = next
    })
    await run(async () => unwrap(await api.getSession()))
  }

  const start = () => run(async () => unwrap(await api.startSession()))
  const logout = () => run(async () => unwrap(await api.logout()))
  const startDemo = () => run(async () => unwrap(await api.startDemo()))

  /** "Retry now": the engine tries the server at once instead of waiting for the countdown. */
  async function retryNow(): Promise<void> {
    error.value = null
    try {
      unwrap(await api.retryNow())
    } catch (e) {
      error.value = errorKey(e)
    }
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

  return { snapshot, error, isOnline, isSignedIn, isOffline, showsQr, init, start, logout, startDemo, scanDemo, retryNow, dispose }
})
