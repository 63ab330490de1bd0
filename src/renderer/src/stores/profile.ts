import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MemberDto, ProfileDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { refKey, type ConversationRef } from '../lib/conversation-ref'

/** The profile card's QQ number look-up (get_friend_uin2) for one buddy. */
export type QqLookupState =
  | { state: 'looking' }
  | { state: 'found'; qq: number }
  /** The server no longer gives QQ numbers out (closed 2017-04): asking again will not help. */
  | { state: 'unavailable' }
  /** i18n key of why the request failed (a network failure is no verdict: it may be tried again). */
  | { state: 'failed'; error: string }

/** What the profile card shows: a conversation's card, or a group member who is not a buddy. */
export type ProfileTarget = ConversationRef | { kind: 'member'; group: ConversationRef; member: MemberDto }

/** Profile cards (loaded once per session and kept), and which one is open. */
export const useProfileStore = defineStore('profile', () => {
  const api = useApi()
  const profiles = ref<Record<string, ProfileDto>>({})
  /** refKey -> i18n key of why the last load failed (lib/error-text.ts). */
  const errors = ref<Record<string, string>>({})
  const shown = ref<ProfileTarget | null>(null)
  const inflight = new Map<string, Promise<ProfileDto | null>>()
  /** refKey of a buddy -> its QQ number look-up (main caches the answers too). */
  const qqLookups = ref<Record<string, QqLookupState>>({})

  const profileOf = (target: ConversationRef): ProfileDto | null => profiles.value[refKey(target)] ?? null
  const errorOf = (target: ConversationRef): string | null => errors.value[refKey(target)] ?? null

  function load(target: ConversationRef, force = false): Promise<ProfileDto | null> {
    const key = refKey(target)
    if (!force && profiles.value[key]) return Promise.resolve(profiles.value[key])
    let p = inflight.get(key)
    if (!p) {
      p = api
        .getProfile({ kind: target.kind, id: target.id })
        .then(unwrap)
        .then((profile) => {
          profiles.value = { ...profiles.value, [key]: profile }
          const { [key]: _gone, ...rest } = errors.value
          errors.value = rest
          return profile
        })
        .catch((e: unknown) => {
          errors.value = { ...errors.value, [key]: errorKey(e) }
          return null
        })
        .finally(() => inflight.delete(key))
      inflight.set(key, p)
    }
    return p
  }

  const qqLookupOf = (target: ConversationRef): QqLookupState | null => qqLookups.value[refKey(target)] ?? null

  async function lookupQQ(target: ConversationRef): Promise<void> {
    const key = refKey(target)
    if (target.kind !== 'buddy' || qqLookups.value[key]?.state === 'looking') return
    const set = (s: QqLookupState): void => void (qqLookups.value = { ...qqLookups.value, [key]: s })
    set({ state: 'looking' })
    try {
      const r = unwrap(await api.lookupQQ({ id: target.id }))
      set(r.qq !== null ? { state: 'found', qq: r.qq } : { state: 'unavailable' })
    } catch (e) {
      set({ state: 'failed', error: errorKey(e) })
    }
  }

  function open(target: ProfileTarget): void {
    shown.value = target
    if (target.kind !== 'member') void load(target)
  }

  function close(): void {
    shown.value = null
  }

  function dispose(): void {
    profiles.value = {}
    errors.value = {}
    qqLookups.value = {}
    shown.value = null
    inflight.clear()
  }

  return { profiles, errors, shown, qqLookups, profileOf, errorOf, qqLookupOf, lookupQQ, load, open, close, dispose }
})
