/**
 * Connects this window to the desktop layer while the messenger is shown: tells main whether the
 * window has the focus (with the open conversation, so it is not notified), opens conversations
 * main asks for, and plays the notification sound (an <audio> element with the app's own chime).
 */
import { onMounted, onUnmounted, watch } from 'vue'
import notifySoundUrl from '../assets/notify.wav'
import { useDesktopStore } from '../stores/desktop'

/** Sounds closer together than this are one (a burst of messages plays the chime once). */
export const SOUND_GAP_MS = 1500

/**
 * `main: false` in a pop-out window: it reports its focus (so its conversation is not notified)
 * but leaves opening conversations and the chime to the main window, so nothing happens twice.
 */
export function useDesktopBridge(options: { main: boolean } = { main: true }): void {
  const desktop = useDesktopStore()
  let audio: HTMLAudioElement | null = null
  let lastPlayed = 0

  const focused = (): boolean => document.hasFocus() && document.visibilityState === 'visible'
  const update = (): void => desktop.setWindowFocused(focused())
  const leave = (): void => desktop.leave()

  function play(): void {
    const now = Date.now()
    if (now - lastPlayed < SOUND_GAP_MS) return
    lastPlayed = now
    audio ??= new Audio(notifySoundUrl)
    audio.currentTime = 0
    // Playback can be refused (no audio device): the notification itself still shows.
    void audio.play().catch(() => {})
  }

  const stopSound = options.main ? watch(() => desktop.soundRequests, play) : () => {}

  onMounted(() => {
    window.addEventListener('focus', update)
    window.addEventListener('blur', update)
    document.addEventListener('visibilitychange', update)
    window.addEventListener('pagehide', leave)
    update()
    desktop.init({ main: options.main })
  })
  onUnmounted(() => {
    window.removeEventListener('focus', update)
    window.removeEventListener('blur', update)
    document.removeEventListener('visibilitychange', update)
    window.removeEventListener('pagehide', leave)
    stopSound()
    desktop.dispose()
    leave()
  })
}
