import { watch } from 'vue'
import type { ContactsDto } from '../../../shared/messenger'
import { movedIds } from '../lib/session-renewal'
import { useContactsStore } from '../stores/contacts'
import { useConversationsStore } from '../stores/conversations'
import { useSessionStore } from '../stores/session'
import { useWindowsStore } from '../stores/windows'

/**
 * Keeps the messenger in place across a renewed session (expiry, "signed in elsewhere"): the
 * contacts seen when the session ended are kept, and once the same account is signed in again the
 * open conversation, its messages, counts and this pop-out move to the new session's ids.
 */
export function useSessionRenewal(): void {
  const session = useSessionStore()
  const contacts = useContactsStore()
  const conversations = useConversationsStore()
  const windows = useWindowsStore()
  let before: ContactsDto | null = null
  watch(
    () => session.renewing,
    async (renewing, was) => {
      if (renewing) {
        before ??= contacts.contacts
        return
      }
      const old = before
      before = null
      if (!was || !old || !session.isSignedIn) return
      await contacts.load()
      if (!contacts.contacts) return
      const moved = movedIds(old, contacts.contacts)
      conversations.remapIds(moved)
      windows.remapRole(moved)
      const open = windows.role.kind === 'conversation' ? windows.role.ref : conversations.open
      if (open) await conversations.catchUp(open)
    }
  )
}
