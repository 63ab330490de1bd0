/**
 * Stable identity: the keys conversations, senders and events are stored under.
 *
 * SmartQQ gives every contact a fresh `uin` (and groups a fresh `gid`/`code`, discussions a fresh `did`)
 * on every login, so nothing persisted may be keyed by them (reference §4.3, anchors §5.4).
 * Keying rules, best key first:
 *
 *   Conversations
 *     buddy    `buddy:qq:<QQ number>`          when the uin -> QQ lookup works (get_friend_uin2, 2015 era)
 *              `buddy:name:<category name>/<markname, else nick>`   otherwise
 *              `buddy:ambiguous:<session>:<uin>`  when two buddies of one category share that name: nothing
 *                                              stable tells them apart, so each gets a conversation of its own
 *                                              for this login only, and a send written to one of them can
 *                                              never be bound to the other in a later login (it fails with
 *                                              `ambiguous-recipient` instead of guessing)
 *     group    `group:name:<name>`             group name (groups have no number in SmartQQ);
 *              `group:name:<name>#<code>`      when the name is empty or shared by two groups (code fallback)
 *     discuss  `discuss:name:<name>`           discussion name;
 *              `discuss:name:<name>#<did>`     when the name is empty or shared (session-scoped fallback)
 *   Senders (inside a conversation)
 *     self                 `qq:<account>` (login2 / get_self_info2 `account`)
 *     buddy in a buddy chat  the conversation key
 *     discussion member    `qq:<ruin>` when given, else `n:<nick>`
 *     group member         `qq:<QQ>` when the member is a buddy with a known QQ, else `n:<nick>`
 *     member whose nick another member of that group/discussion has too (and no QQ):
 *                          `n:<nick>#<session>:<uin>`, this login only: two people never share a key
 *     not yet known        `u:<uin>` (session-scoped placeholder; only until the lookup answers)
 *   A conversation not yet in the directory (a group joined after the last refresh) is stored under
 *   `<kind>:uin:<id>` until its lookup answers, then rekeyed.
 *   Events
 *     id = hash(conversation key, sender key, msg_id, time, content hash). The same event delivered twice
 *     gets the same id; within one session a re-delivery is also recognised by its session tuple
 *     (see pipeline.ts) so a sender resolved between the two deliveries cannot split it.
 *
 * When a better key appears for the same current id (a QQ number is learned, a markname changes during
 * a session), the directory reports a rekey and the engine moves the history (`rekeyConversation`).
 * Known limit: a name-keyed conversation whose name changed while we were signed out cannot be followed.
 */
import { hash } from 'node:crypto'
import type { ConversationKind, Segment } from '../../shared/domain'

/** Names longer than this go into keys shortened (see keyPart); real QQ names are far shorter. */
export const MAX_NAME_IN_KEY = 100
const SHORTENED_PREFIX = 32

/**
 * A name as part of a key. Keys must stay bounded whatever the server sends (the store refuses keys over
 * 512 characters, so a 600-character group name once made every message of that group unsaveable):
 * a name up to MAX_NAME_IN_KEY characters is used as it is (readable, and the same key as before), a
 * longer one becomes its first characters, '~' and a hash of the whole name (still one key per name).
 */
export function keyPart(name: string): string {
  const chars = [...name]
  if (chars.length <= MAX_NAME_IN_KEY) return keySafe(name)
  return `${keySafe(chars.slice(0, SHORTENED_PREFIX).join(''))}~${hash('sha256', name, 'base64url').slice(0, 22)}`
}

/**
 * A name without NUL, which SQLite's C-string reads cut keys at (a group named "a\0b" got the key
 * "group:name:a" and no id); U+FFFD stands in for it. Other characters stay: the keys of existing
 * histories must not change.
 */
export function keySafe(name: string): string {
  return name.includes('\u0000') ? name.replaceAll('\u0000', '\uFFFD') : name
}

export function buddyKey(qq: number | null, categoryName: string, markname: string | null, nick: string): string {
  return qq !== null ? `buddy:qq:${qq}` : `buddy:name:${keyPart(categoryName)}/${keyPart(markname ?? nick)}`
}

/** A buddy whose name key is shared by another buddy: scoped to this login's session and uin (see above). */
export function ambiguousBuddyKey(sessionId: string, uin: number): string {
  return `${AMBIGUOUS_BUDDY_PREFIX}${sessionId.slice(0, 8)}:${uin}`
}

export const AMBIGUOUS_BUDDY_PREFIX = 'buddy:ambiguous:'

/** `ambiguous`: the name is empty or shared with another entry of the same kind in this directory. */
export function groupKey(name: string, code: number, ambiguous: boolean): string {
  return ambiguous ? `group:name:${keyPart(name)}#${code}` : `group:name:${keyPart(name)}`
}

export function discussionKey(name: string, did: number, ambiguous: boolean): string {
  return ambiguous ? `discuss:name:${keyPart(name)}#${did}` : `discuss:name:${keyPart(name)}`
}

export function qqSenderKey(qq: number): string {
  return `qq:${qq}`
}

export function nickSenderKey(nick: string): string {
  return `n:${keyPart(nick)}`
}

/** A member nick shared by two members of one conversation: scoped to this login's session and uin. */
export function ambiguousNickSenderKey(nick: string, sessionId: string, uin: number): string {
  return `n:${keySafe(nick)}#${sessionId.slice(0, 8)}:${uin}`
}

export function placeholderSenderKey(uin: number): string {
  return `u:${uin}`
}

export function placeholderConversationKey(kind: ConversationKind, id: number): string {
  return `${kind}:uin:${id}`
}

/** Names that occur more than once (or are empty) need the id fallback to stay distinct. */
export function ambiguousNames(names: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const dup = new Set<string>([''])
  for (const n of names) (seen.has(n) ? dup : seen).add(n)
  return dup
}

function digest(text: string, length: number): string {
  // One-shot hash: no Hash object per call.
  return hash('sha256', text, 'base64url').slice(0, length)
}

/**
 * The content part of an event's identity (computed once per message): the text itself for the common
 * one-text-segment message (prefixed so it can never equal the other form), the segments as JSON
 * otherwise (which always starts with '[').
 */
export function contentKey(segments: readonly Segment[]): string {
  const only = segments.length === 1 ? segments[0]! : null
  return only?.type === 'text' ? `t${only.text}` : JSON.stringify(segments)
}

export function eventId(conversationKey: string, senderKey: string, msgId: number, time: number, segments: readonly Segment[]): string {
  return eventIdOfContent(conversationKey, senderKey, msgId, time, contentKey(segments))
}

/**
 * eventId() when the content key is already at hand (the pipeline needs it for the session tuple too).
 * One SHA-256 over the whole identity (earlier builds hashed the content first and then hashed it again
 * with the rest: the same guarantees for twice the cost). Ids stored by that version stay valid; only an
 * event re-delivered across the upgrade itself could be stored twice.
 */
export function eventIdOfContent(conversationKey: string, senderKey: string, msgId: number, time: number, content: string): string {
  return digest(`${conversationKey}\u0000${senderKey}\u0000${msgId}\u0000${time}\u0000${content}`, 22)
}
