/**
 * How a presence value is shown: SmartQQ's seven statuses fold into the five a person tells apart
 * (callme, "Q我吧", reads as online; hidden buddies look offline to others by design).
 */
import type { PresenceStatus } from '../../../shared/domain'

export type PresenceLook = 'online' | 'away' | 'busy' | 'silent' | 'offline'

export function presenceLook(status: PresenceStatus | null | undefined): PresenceLook | null {
  switch (status) {
    case 'online':
    case 'callme':
      return 'online'
    case 'away':
    case 'busy':
    case 'silent':
      return status
    case 'hidden':
    case 'offline':
      return 'offline'
    default:
      return null
  }
}

const RANK: Record<PresenceLook, number> = { online: 0, busy: 1, away: 2, silent: 3, offline: 4 }

/** Sort order: reachable people first (online, busy, away, silent), offline and unknown last. */
export function presenceRank(status: PresenceStatus | null | undefined): number {
  const look = presenceLook(status)
  return look === null ? 5 : RANK[look]
}
