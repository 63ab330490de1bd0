/**
 * Applies notification actions with Electron's Notification: one live notification per
 * conversation key; a "show" for a key replaces the one on screen (close + show, as not every OS
 * can update one in place). Silent: the sound is the app's own, played by the renderer.
 */
import { Notification } from 'electron'
import type { NotificationAction } from '../desktop/notification-model'

export interface NotificationPresenter {
  apply(action: NotificationAction): void
  /** Keys with a notification on screen. */
  live(): string[]
  closeAll(): void
}

export function createNotificationPresenter(deps: {
  onClick(key: string): void
  /** The person dismissed it (or the OS dropped it). */
  onClosed(key: string): void
  icon?: string
}): NotificationPresenter {
  // Held here so they are not garbage-collected while on screen (their click would be lost).
  const live = new Map<string, Notification>()

  function close(key: string): void {
    const old = live.get(key)
    if (!old) return
    live.delete(key)
    old.close()
  }

  return {
    apply(action) {
      if (action.type === 'close') return close(action.key)
      if (!Notification.isSupported()) return
      const { key, title, body } = action.notification
      close(key)
      const notification = new Notification({ title, body, silent: true, ...(deps.icon ? { icon: deps.icon } : {}) })
      live.set(key, notification)
      notification.on('click', () => {
        if (live.get(key) === notification) live.delete(key)
        deps.onClick(key)
      })
      notification.on('close', () => {
        // A replaced notification's close is ours, not the person's.
        if (live.get(key) !== notification) return
        live.delete(key)
        deps.onClosed(key)
      })
      notification.show()
    },
    live: () => [...live.keys()],
    closeAll() {
      for (const key of [...live.keys()]) close(key)
    }
  }
}
