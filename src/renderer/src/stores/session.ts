import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
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
  /** Counts session:changed pushes: an invoke's answer older than a push must not overwrite it. */
  let pushes = 0

  /** A sign-in was asked for and nothing came back yet (no QR, no failure): "Connecting…" at once. */
  const requested = ref(false)
  const unreachable = computed(() => snapshot.value.unreachable ?? null)

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
  const connecting = computed(
    // 'signing-in' says so itself (a remembered session: "Signing in as …").
    () => requested.value && unreachable.value === null && snapshot.value.state === 'signed-out' && !showsQr.value
  )

  /**
   * The account whose messenger this window shows. It stays while that session is renewed (expiry,
   * "signed in elsewhere"): the messenger stays in place under a sign-in sheet instead of being replaced.
   */
  const messengerFor = ref<number | null>(null)
  watch(
    snapshot,
    (now) => {
      if (isSignedIn.value && now.self) messengerFor.value = now.self.uin
      else if (now.reason === 'logout') messengerFor.value = null
    },
    { immediate: true }
  )
  /** Signed out from outside (expired, kicked) while the messenger was up: a sign-in sheet over it. */
  const renewing = computed(() => messengerFor.value !== null && !isSignedIn.value)

  async function run(action: () => Promise<SessionSnapshot>): Promise<void> {
    error.value = null
    const seen = pushes
    try {
      const answer = await action()
      // A push that arrived meanwhile (a fast failure, the QR) is newer than this answer.
      if (pushes === seen) snapshot.value = answer
    } catch (e) {
      error.value = errorKey(e)
      requested.value = false
    }
  }

  async function init(): Promise<void> {
    unsubscribe ??= api.onSessionChanged((next) => {
      pushes++
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
  async function logout(): Promise<void> {
    // Signing out on purpose leaves the messenger (the login page replaces it).
    messengerFor.value = null
    await run(async () => unwrap(await api.logout()))
  }
  async function startDemo(): Promise<void> {
    requested.value = true
    await run(async () => unwrap(await api.startDemo()))
  }

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

  return {
    snapshot,
    error,
    isOnline,
    isSignedIn,
    isOffline,
    showsQr,
    unreachable,
    connecting,
    messengerFor,
    renewing,
    init,
    start,
    logout,
    startDemo,
    scanDemo,
    retryNow,
    dispose
  }
})
