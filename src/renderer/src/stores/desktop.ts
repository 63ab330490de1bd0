import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { ConversationFocusDto } from '../../../shared/desktop'
import type { OnlineStatusSetting } from '../../../shared/settings'
import { unwrap, useApi } from '../composables/useApi'
import { useContactsStore } from './contacts'
import { useConversationsStore } from './conversations'
import { useSearchStore } from './search'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'
import { pageRoleFrom } from './windows'

/**
 * One id per renderer page, so main can tell this window's reports from a pop-out's. A pop-out
 * reports under its window's key (`conversation:kind:id`), so main drops its entry when that window closes.
 */
function newViewId(): string {
  const role = pageRoleFrom(globalThis.location?.search ?? '')
  if (role.kind === 'conversation') return `conversation:${role.ref.kind}:${role.ref.id}`
  return globalThis.crypto?.randomUUID?.() ?? `view-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/**
 * The desktop side of the messenger: our own status and do-not-disturb (shown in the title bar,
 * changed here or from the tray), what this window shows (so main does not notify it), requests to
 * open a conversation (a notification click) and to play the notification sound.
 */
export const useDesktopStore = defineStore('desktop', () => {
  const api = useApi()
  const settingsStore = useSettingsStore()
  const conversations = useConversationsStore()
  const contacts = useContactsStore()
  const search = useSearchStore()
  const ui = useUiStore()
  const view = newViewId()
  /** i18n key of the last failure, or null. */
  const error = ref<string | null>(null)
  /** Counts `notify:sound` requests; the sound player plays on each change. */
  const soundRequests = ref(0)
  const windowFocused = ref(true)
  let unsubscribers: Array<() => void> = []
  let stopWatch: (() => void) | null = null

  async function setStatus(status: OnlineStatusSetting): Promise<void> {
    try {
      settingsStore.settings = unwrap(await api.setStatus({ status }))
      error.value = null
    } catch {
      error.value = 'desktop.errors.status'
    }
  }

  async function setDoNotDisturb(on: boolean): Promise<void> {
    try {
      settingsStore.settings = unwrap(await api.updateSettings({ doNotDisturb: on }))
      error.value = null
    } catch {
      error.value = 'desktop.errors.dnd'
    }
  }

  function report(): void {
    const open = conversations.open
    const conversation = open ? { kind: open.kind, id: open.id, key: contacts.keyOf(open) } : null
    // Best effort: a lost report only means one notification too many.
    api.reportFocusedConversation({ view, conversation, focused: windowFocused.value }).catch(() => {})
  }

  /** The window goes away (closed, reloaded, signed out): it shows nothing any more. */
  function leave(): void {
    windowFocused.value = false
    api.reportFocusedConversation({ view, conversation: null, focused: false }).catch(() => {})
  }

  function setWindowFocused(focused: boolean): void {
    windowFocused.value = focused
  }

  async function focusConversation(target: ConversationFocusDto): Promise<void> {
    // What the person clicked is what they see: search results and overlays step aside.
    search.close()
    ui.settingsOpen = false
    ui.quickSwitcherOpen = false
    await conversations.openConversation({ kind: target.kind, id: target.id })
  }

  /** `main`: this is the main window (it opens the conversations main asks for and plays the chime). */
  function init(options: { main: boolean } = { main: true }): void {
    dispose()
    // Settings pushed by main (the tray's status and do-not-disturb) reach the settings store itself.
    if (options.main)
      unsubscribers = [api.onNotifySound(() => void soundRequests.value++), api.onConversationFocus((target) => void focusConversation(target))]
    stopWatch = watch(() => [conversations.open?.kind, conversations.open?.id, windowFocused.value, contacts.contacts?.loadedAt], report, {
      immediate: true
    })
  }

  function dispose(): void {
    for (const off of unsubscribers) off()
    unsubscribers = []
    stopWatch?.()
    stopWatch = null
  }

  return { view, error, soundRequests, windowFocused, setStatus, setDoNotDisturb, setWindowFocused, leave, focusConversation, init, dispose }
})
