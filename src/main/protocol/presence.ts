/** Presence strings as the server sends them, narrowed to the domain's PresenceStatus. */
import type { PresenceStatus } from '../../shared/domain'

const STATUSES: ReadonlySet<string> = new Set<PresenceStatus>(['online', 'away', 'busy', 'silent', 'hidden', 'callme', 'offline'])

/** The status, or null for a string SmartQQ never documented. */
export function toPresence(status: string): PresenceStatus | null {
  return STATUSES.has(status) ? (status as PresenceStatus) : null
}

/** The numeric `stat` of get_friend_info2 and get_group_info_ext2's `stats` (WebQQ's code2state). */
const STAT_CODES: ReadonlyMap<number, PresenceStatus> = new Map<number, PresenceStatus>([
  [10, 'online'],
  [20, 'offline'],
  [30, 'away'],
  [40, 'hidden'],
  [50, 'busy'],
  [60, 'callme'],
  [70, 'silent']
])

/** The status of a numeric `stat`, or null for a code SmartQQ never documented. */
export function statToPresence(stat: number): PresenceStatus | null {
  return STAT_CODES.get(stat) ?? null
}
