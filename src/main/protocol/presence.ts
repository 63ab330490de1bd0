/** Presence strings as the server sends them, narrowed to the domain's PresenceStatus. */
import type { PresenceStatus } from '../../shared/domain'

const STATUSES: ReadonlySet<string> = new Set<PresenceStatus>([
  'online',
  'away',
  'busy',
  'silent',
  'hidden',
  'callme',
  'offline'
])

/** The status, or null for a string SmartQQ never documented. */
export function toPresence(status: string): PresenceStatus | null {
  return STATUSES.has(status) ? (status as PresenceStatus) : null
}
