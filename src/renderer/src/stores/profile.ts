import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MemberDto, ProfileDto } from '../../../shared/messenger'
import { unwrap, useApi } from '../composables/useApi'
import { errorKey } from '../lib/error-text'
import { refKey, type ConversationRef } from '../lib/conversation-ref'

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
    shown.value = null
    inflight.clear()
  }

  return { profiles, errors, shown, profileOf, errorOf, load, open, close, dispose }
})
