/**
 * The app's keyboard shortcuts, one mapping for both ways they arrive: a keydown in the page
 * (the browser, or Electron without a menu accelerator) and `menu:command` from main's app menu.
 * Both run the same action, so the menu and the keyboard can never disagree.
 */
import { onMounted, onUnmounted } from 'vue'
import type { MenuCommand } from '../../../shared/desktop'
import { useApi } from './useApi'
import { neighbour } from '../lib/quick-switch'
import { useContactsStore } from '../stores/contacts'
import { useConversationsStore } from '../stores/conversations'
import { useSearchStore } from '../stores/search'
import { useSessionStore } from '../stores/session'
import { useUiStore } from '../stores/ui'

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The command a key press means, or null. `mac`: the primary modifier is Cmd instead of Ctrl. */
export function commandForKey(event: KeyLike, mac: boolean): MenuCommand | null {
  if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey) return 'escape'
  // Ctrl+Tab is Ctrl on every platform (as in browsers and Telegram).
  if (event.key === 'Tab' && event.ctrlKey && !event.altKey) return event.shiftKey ? 'previous-conversation' : 'next-conversation'
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!primary || event.altKey || event.shiftKey) return null
  switch (event.key.toLowerCase()) {
    case 'f':
      return 'search'
    case 'k':
      return 'quick-switcher'
    case 'w':
      return 'close-conversation'
    case ',':
      return 'settings'
    default:
      return null
  }
}

export function isMacPlatform(): boolean {
  return /mac/i.test(globalThis.navigator?.platform ?? '')
}

/** Registers the shortcuts for this page; `singleConversation`: a pop-out window (no switching). */
export function useShortcuts(options: { singleConversation?: boolean } = {}): { run(command: MenuCommand): void } {
  const api = useApi()
  const ui = useUiStore()
  const session = useSessionStore()
  const conversations = useConversationsStore()
  const contacts = useContactsStore()
  const search = useSearchStore()

  function switchBy(step: 1 | -1): void {
    const recent = contacts.recent.map((r) => ({ kind: r.kind, id: r.id }))
    const order = recent.length > 0 ? recent : contacts.buddies.map((b) => ({ kind: 'buddy' as const, id: b.uin }))
    const next = neighbour(order, conversations.open, step)
    if (next) void conversations.openConversation(next)
  }

  function run(command: MenuCommand): void {
    const signedIn = session.isSignedIn
    switch (command) {
      case 'settings':
        ui.openSettings()
        return
      case 'about':
        ui.openAbout()
        return
      case 'escape':
        if (!ui.closeTopmost() && search.searched !== null) search.clear()
        return
      case 'search':
        if (signedIn) document.querySelector<HTMLInputElement>('[data-test="history-search"]')?.focus()
        return
      case 'quick-switcher':
        if (signedIn && !options.singleConversation) ui.openQuickSwitcher()
        return
      case 'close-conversation':
        // A pop-out window IS the conversation: closing it closes the window.
        if (options.singleConversation) window.close()
        else if (signedIn) conversations.open = null
        return
      case 'next-conversation':
      case 'previous-conversation':
        if (signedIn && !options.singleConversation) switchBy(command === 'next-conversation' ? 1 : -1)
        return
    }
  }

  const mac = isMacPlatform()
  function onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return
    const command = commandForKey(event, mac)
    if (!command) return
    // Esc in an open menu or select closes just that popup (reka-ui does it), not the dialog under it.
    if (command === 'escape' && event.target instanceof Element && event.target.closest('[data-reka-popper-content-wrapper]')) return
    // Esc stays with a focused field that uses it itself (e.g. an open <select>).
    if (command !== 'escape') event.preventDefault()
    run(command)
  }

  let offMenu: (() => void) | null = null
  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    offMenu = api.onMenuCommand(({ command }) => run(command))
  })
  onUnmounted(() => {
    window.removeEventListener('keydown', onKeydown)
    offMenu?.()
  })
  return { run }
}
