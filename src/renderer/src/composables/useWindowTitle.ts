import { computed, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useConversationsStore } from '../stores/conversations'
import { usePrefsStore } from '../stores/prefs'
import { useSessionStore } from '../stores/session'

/** Counts above this read as "999+" (a title bar has little room). */
const MAX_SHOWN = 999

/**
 * "QQ (3)": the app name with the unread count, as the tray and the badge count it (muted conversations
 * aside); "离线 - QQ (3)" while the server cannot be reached, so the taskbar says so too.
 */
export function windowTitle(appName: string, unread: number, offlineWord?: string): string {
  const named = unread <= 0 ? appName : `${appName} (${unread > MAX_SHOWN ? `${MAX_SHOWN}+` : unread})`
  return offlineWord ? `${offlineWord} - ${named}` : named
}

/**
 * Keeps the main window's title on the unread count and the offline state (Electron's window follows the page title; so does
 * the taskbar entry and the window switcher). Pop-out windows keep the conversation's name instead.
 */
export function useWindowTitle(): void {
  const { t } = useI18n()
  const conversations = useConversationsStore()
  const prefs = usePrefsStore()
  const session = useSessionStore()
  const unread = computed(() => {
    if (!session.isSignedIn) return 0
    let total = 0
    for (const [key, count] of Object.entries(conversations.unread)) if (count > 0 && !prefs.isMuted(key)) total += count
    return total
  })
  watchEffect(() => {
    document.title = windowTitle(t('app.name'), unread.value, session.isOffline ? t('connection.titleOffline') : undefined)
  })
}
