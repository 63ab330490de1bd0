import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ConversationPrefsDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { refKey, type ConversationRef } from '../lib/conversation-ref'
import { coalesced } from '../lib/coalesce'

/** A draft is written to the store this long after the last keystroke (and at once by flushDrafts). */
export const DRAFT_SAVE_DELAY_MS = 500

/**
 * Per-conversation pins, mutes and drafts, persisted by main in the account's store. Lookups take
 * either the renderer's refKey (`buddy:123`, this session's ids) or the stable conversation key, so
 * callers use whichever they hold.
 */
export const usePrefsStore = defineStore('prefs', () => {
  const api = useApi()
  /** Stable key -> prefs. */
  const byKey = ref<Record<string, ConversationPrefsDto>>({})
  /** refKey -> draft typed here and not yet confirmed by main (wins over byKey while pending). */
  const pendingDrafts = ref<Record<string, string>>({})
  const error = ref<string | null>(null)
  const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; ref: ConversationRef }>()
  let unsubscribers: Array<() => void> = []

  const byRef = computed(() => {
    const map = new Map<string, ConversationPrefsDto>()
    for (const p of Object.values(byKey.value)) if (p.id !== null) map.set(refKey({ kind: p.kind, id: p.id }), p)
    return map
  })

  function find(key: string): ConversationPrefsDto | undefined {
    return byRef.value.get(key) ?? byKey.value[key]
  }

  const isPinned = (key: string): boolean => find(key)?.pinned ?? false
  const isMuted = (key: string): boolean => find(key)?.muted ?? false
  function draftOf(key: string): string | null {
    const pending = pendingDrafts.value[key]
    if (pending !== undefined) return pending.trim() === '' ? null : pending
    return find(key)?.draft ?? null
  }
  /** Unix seconds of the draft's last change, for ordering by activity. */
  const draftTimeOf = (key: string): number | null => find(key)?.draftTime ?? null
  /** refKeys of every pinned conversation of this session. */
  const pinnedKeys = computed(() => [...byRef.value].filter(([, p]) => p.pinned).map(([k]) => k))

  function apply(p: ConversationPrefsDto): void {
    byKey.value = { ...byKey.value, [p.key]: p }
  }

  function report(e: unknown): void {
    error.value = errorKey(e)
  }

  async function load(): Promise<void> {
    try {
      const list = unwrap(await api.getConversationPrefs())
      byKey.value = Object.fromEntries(list.map((p) => [p.key, p]))
      error.value = null
    } catch (e) {
      report(e)
    }
  }

  async function patch(target: ConversationRef, change: { pinned?: boolean; muted?: boolean; draft?: string | null }): Promise<boolean> {
    try {
      apply(unwrap(await api.setConversationPrefs({ kind: target.kind, id: target.id, ...change })))
      return true
    } catch (e) {
      report(e)
      return false
    }
  }

  const setPinned = (target: ConversationRef, on: boolean): Promise<boolean> => patch(target, { pinned: on })
  const setMuted = (target: ConversationRef, on: boolean): Promise<boolean> => patch(target, { muted: on })

  /** Keeps the draft at once for draftOf and persists it after a pause in typing. */
  function setDraft(target: ConversationRef, text: string): void {
    const key = refKey(target)
    pendingDrafts.value = { ...pendingDrafts.value, [key]: text }
    const old = timers.get(key)
    if (old) clearTimeout(old.timer)
    timers.set(key, { ref: target, timer: setTimeout(() => void persistDraft(key), DRAFT_SAVE_DELAY_MS) })
  }

  async function persistDraft(key: string): Promise<void> {
    const entry = timers.get(key)
    timers.delete(key)
    if (entry) clearTimeout(entry.timer)
    const text = pendingDrafts.value[key]
    if (!entry || text === undefined) return
    const unchanged = (find(key)?.draft ?? null) === (text.trim() === '' ? null : text)
    const saved = unchanged || (await patch(entry.ref, { draft: text.trim() === '' ? null : text }))
    // Typed again meanwhile: that newer text is pending with its own timer.
    if (saved && pendingDrafts.value[key] === text && !timers.has(key)) {
      const { [key]: _done, ...rest } = pendingDrafts.value
      pendingDrafts.value = rest
    }
  }

  /** Persists every pending draft now (before closing a window or signing out). */
  async function flushDrafts(): Promise<void> {
    await Promise.all([...timers.keys()].map((key) => persistDraft(key)))
  }

  // One reload per burst of contact changes (lookups report one per resolved sender).
  const reloadSoon = coalesced(load)

  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      unsubscribers = [
        api.onPrefsChanged(apply),
        // A refresh or a new session brings new current ids: re-read which conversation each key is.
        api.onContactsChanged(reloadSoon)
      ]
    }
    await load()
  }

  function dispose(): void {
    // Each pending draft's request leaves synchronously, before the state below is cleared.
    void flushDrafts()
    unsubscribers.forEach((u) => u())
    unsubscribers = []
    for (const { timer } of timers.values()) clearTimeout(timer)
    timers.clear()
    byKey.value = {}
    pendingDrafts.value = {}
    error.value = null
  }

  return {
    byKey,
    error,
    pinnedKeys,
    isPinned,
    isMuted,
    draftOf,
    draftTimeOf,
    setPinned,
    setMuted,
    setDraft,
    flushDrafts,
    load,
    init,
    dispose
  }
})
