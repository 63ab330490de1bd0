import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { PoppedOutDto } from '../../../shared/ipc'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { refKey, type ConversationRef } from '../lib/conversation-ref'
import { useConversationsStore } from './conversations'
import { useSettingsStore } from './settings'

/** Where this page is: the main window, or a pop-out window showing exactly one conversation. */
export type PageRole = { kind: 'main' } | { kind: 'conversation'; ref: ConversationRef }

/** Reads `?conversation=group:123` (set by main for a pop-out window). */
export function pageRoleFrom(search: string): PageRole {
  const value = new URLSearchParams(search).get('conversation')
  const match = value ? /^(buddy|group|discuss):([1-9]\d{0,15})$/.exec(value) : null
  if (!match) return { kind: 'main' }
  return { kind: 'conversation', ref: { kind: match[1] as ConversationRef['kind'], id: Number(match[2]) } }
}

/**
 * Conversations in their own windows: popping out, docking back, and the "each conversation in
 * its own window" mode (a conversation opened in the main window moves into its own window).
 */
export const useWindowsStore = defineStore('windows', () => {
  const api = useApi()
  const settingsStore = useSettingsStore()
  const conversations = useConversationsStore()
  const role = ref<PageRole>(pageRoleFrom(globalThis.location?.search ?? ''))
  const poppedOut = ref<PoppedOutDto[]>([])
  const error = ref<string | null>(null)
  let unsubscribers: Array<() => void> = []

  const isPoppedOut = (ref: ConversationRef): boolean => poppedOut.value.some((p) => p.kind === ref.kind && p.id === ref.id)

  async function popOut(ref: ConversationRef): Promise<boolean> {
    try {
      const opened = unwrap(await api.popOutConversation({ kind: ref.kind, id: ref.id }))
      if (!isPoppedOut(ref)) poppedOut.value = [...poppedOut.value, { kind: ref.kind, id: ref.id }]
      error.value = null
      return opened
    } catch (e) {
      error.value = errorKey(e)
      return false
    }
  }

  async function dock(ref: ConversationRef): Promise<void> {
    try {
      unwrap(await api.dockConversation({ kind: ref.kind, id: ref.id }))
      poppedOut.value = poppedOut.value.filter((p) => !(p.kind === ref.kind && p.id === ref.id))
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  async function init(): Promise<void> {
    dispose()
    unsubscribers = [api.onWindowsChanged((list) => (poppedOut.value = list))]
    if (role.value.kind === 'main') {
      // "Each conversation in its own window": what the main window opens moves into a window.
      unsubscribers.push(
        watch(
          () => conversations.open,
          (open) => {
            if (!open || settingsStore.settings.windowMode !== 'windows') return
            conversations.open = null
            void popOut(open)
          }
        )
      )
    }
    try {
      poppedOut.value = unwrap(await api.listPoppedOut())
    } catch (e) {
      error.value = errorKey(e)
    }
  }

  function dispose(): void {
    unsubscribers.forEach((off) => off())
    unsubscribers = []
  }

  /** A renewed session gave this pop-out's conversation a new id (see conversations.remapIds). */
  function remapRole(moved: ReadonlyMap<string, ConversationRef>): void {
    const current = role.value
    if (current.kind !== 'conversation') return
    const next = moved.get(refKey(current.ref))
    if (next) role.value = { kind: 'conversation', ref: next }
  }

  return { role, poppedOut, error, isPoppedOut, popOut, dock, remapRole, init, dispose }
})
