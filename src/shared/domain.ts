/**
 * Domain types shared by main, preload, renderer and simulator.
 * Pure types and tiny pure helpers only: no electron, DOM or Node imports (lint-enforced).
 */

/** One piece of message content after decoding. */
export type Segment =
  | { type: 'text'; text: string }
  | { type: 'face'; id: number; name: string }
  /** A picture sent from another client; SmartQQ cannot deliver its bytes, only that it was there. */
  | { type: 'image' }

/** The three conversation kinds SmartQQ knows. */
export type ConversationKind = 'buddy' | 'group' | 'discuss'

/** Values of `status` SmartQQ uses for presence (buddies_status_change, get_online_buddies2, change_status2). */
export type PresenceStatus = 'online' | 'away' | 'busy' | 'silent' | 'hidden' | 'callme' | 'offline'

/** QR login states as the user sees them. */
export type QrState = 'waiting' | 'scanned' | 'expired'

/** Session lifecycle states (issue: session engine). */
export type SessionState = 'signed-out' | 'waiting' | 'scanned' | 'expired' | 'signing-in' | 'online' | 'reconnecting' | 'unreachable'

/**
 * Why the server could not be reached (never a verdict on the account): the connection was refused,
 * the name did not resolve, nothing answered in time, TLS failed, an HTTP error status came back,
 * something answered that is not a SmartQQ server, or the connection was cut (reset).
 */
export type ConnectionCause = 'refused' | 'dns' | 'timeout' | 'tls' | 'http-status' | 'not-smartqq' | 'reset'

/** The engine is retrying a server it cannot reach: why, which attempt failed, and when the next one starts. */
export interface ConnectionTrouble {
  cause: ConnectionCause
  /** Failed attempts in a row (1 for the first). */
  attempt: number
  /** Epoch ms of the next attempt ("Retry now" starts it at once). */
  nextAttemptAt: number
  /** Epoch ms of the first failure of this streak. */
  since: number
}

/** The text a person reads for a list of segments: faces as `[name]`, images as `[图片]`. */
export function segmentsToText(segments: readonly Segment[]): string {
  let out = ''
  for (const s of segments) {
    if (s.type === 'text') out += s.text
    else if (s.type === 'face') out += `[${s.name}]`
    else out += '[图片]'
  }
  return out
}
