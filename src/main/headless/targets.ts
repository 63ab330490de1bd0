/**
 * Conversation targets of headless commands. SmartQQ hands out new uin/gid/did numbers at every login,
 * so a bot that kept an id from an earlier session would silently read an empty history. Commands
 * therefore accept the stable `key` too (`{"cmd":"history","key":"group:name:…"}`), and an id or key
 * that names no conversation of the current contacts is an error (`unknown-conversation`), never an
 * empty success.
 */
import type { ConversationKind } from '../../shared/domain'
import type { ContactsDto } from '../engine'

export interface ConversationTarget {
  kind: ConversationKind
  id: number
  key: string
}

/** An error answer with a machine-readable code: `{"type":"error","cmd","code","message"}`. */
export class HeadlessCommandError extends Error {
  override name = 'HeadlessCommandError'
  constructor(
    readonly code: 'unknown-conversation' | 'bad-target' | 'not-signed-in',
    message: string
  ) {
    super(message)
  }
}

export function kindOfKey(key: string): ConversationKind | null {
  const prefix = key.slice(0, key.indexOf(':'))
  return prefix === 'buddy' || prefix === 'group' || prefix === 'discuss' ? prefix : null
}

function entries(contacts: ContactsDto, kind: ConversationKind): Array<{ id: number; key: string }> {
  if (kind === 'buddy') return contacts.buddies.map((b) => ({ id: b.uin, key: b.key }))
  if (kind === 'group') return contacts.groups.map((g) => ({ id: g.gid, key: g.key }))
  return contacts.discussions.map((d) => ({ id: d.did, key: d.key }))
}

/** Resolves `kind`+`id` or `key` (kind then optional, but must agree) against the current contacts. */
export function resolveTarget(contacts: ContactsDto, want: { kind?: ConversationKind; id?: number; key?: string }): ConversationTarget {
  if (want.key !== undefined) {
    const kind = kindOfKey(want.key)
    if (kind === null) throw new HeadlessCommandError('bad-target', `not a conversation key: ${want.key}`)
    if (want.kind !== undefined && want.kind !== kind)
      throw new HeadlessCommandError('bad-target', `key ${want.key} is a ${kind}, not a ${want.kind}`)
    const found = entries(contacts, kind).find((e) => e.key === want.key)
    if (!found) throw new HeadlessCommandError('unknown-conversation', `no ${kind} with key ${want.key} in the current contacts`)
    if (want.id !== undefined && want.id !== found.id)
      throw new HeadlessCommandError('bad-target', `key ${want.key} is ${kind} ${found.id} in this session, not ${want.id}`)
    return { kind, id: found.id, key: found.key }
  }
  if (want.kind === undefined || want.id === undefined) throw new HeadlessCommandError('bad-target', 'give "key", or "kind" and "id"')
  const found = entries(contacts, want.kind).find((e) => e.id === want.id)
  if (!found)
    throw new HeadlessCommandError(
      'unknown-conversation',
      `no ${want.kind} with id ${want.id} in the current contacts (ids change at every login; use the stable "key")`
    )
  return { kind: want.kind, id: found.id, key: found.key }
}

/**
 * The contacts targets are resolved against, without a server round trip per command: read once per
 * login (and again when the directory changes), so a command never triggers a contact refresh of
 * its own, and a send while signed out still resolves (and stays queued) with the last directory.
 */
interface ContactsSource {
  contacts(): Promise<ContactsDto>
  on(event: 'ready' | 'contacts', cb: () => void): () => void
}

const caches = new WeakMap<ContactsSource, { get(): Promise<ContactsDto> }>()

export function contactsCacheFor(engine: ContactsSource): { get(): Promise<ContactsDto> } {
  let cache = caches.get(engine)
  if (!cache) {
    let current: Promise<ContactsDto> | null = null
    const invalidate = (): void => {
      current = null
    }
    engine.on('ready', invalidate)
    engine.on('contacts', invalidate)
    cache = {
      get() {
        const loading = (current ??= engine.contacts())
        // A failed read is not kept: the next command tries again.
        loading.catch(() => current === loading && invalidate())
        return loading
      }
    }
    caches.set(engine, cache)
  }
  return cache
}
