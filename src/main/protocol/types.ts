/**
 * The protocol client's public contract: what the session engine may rely on.
 *
 * Everything here is typed, validated output; raw server JSON never leaves src/main/protocol.
 * All ids are the CURRENT session's ids (uins, gids, dids change with every login).
 */
import type { ConversationKind, PresenceStatus, Segment } from '../../shared/domain'
import type { MessageFont } from '../../shared/fonts'

/** SmartQQ's fixed device id. */
export const CLIENT_ID = 53999199

/** The values a logged-in session is made of (seed §二, "五个参数"). */
export interface SessionCredentials {
  ptwebqq: string
  vfwebqq: string
  psessionid: string
  /** The account's own uin; in SmartQQ it equals the QQ number. */
  uin: number
}

/** What is persisted to resume a session without a QR: the credentials plus the whole cookie jar. */
export interface SavedSession {
  credentials: SessionCredentials
  /** tough-cookie `CookieJar.serialize()` output. */
  cookies: unknown
  savedAt: number
}

export type QrPollResult =
  { state: 'waiting' } | { state: 'scanned' } | { state: 'expired' } | { state: 'confirmed'; checkSigUrl: string; nick: string }

export interface Category {
  index: number
  sort: number
  name: string
}

export interface Friend {
  uin: number
  nick: string
  markname: string | null
  /** Category index; always present in `FriendList.categories`. */
  category: number
  face: number
  isVip: boolean
  vipLevel: number
}

export interface FriendList {
  /** Sorted by `sort`; category 0 (我的好友) is added when the server omits it. */
  categories: Category[]
  friends: Friend[]
}

export interface OnlineBuddy {
  uin: number
  status: PresenceStatus
  clientType: number
}

export interface UserInfo {
  uin: number
  /** Real QQ number where the server gives it (get_self_info2.account). */
  account: number | null
  nick: string
  face: number
  gender: string | null
  lnick: string | null
  /** Everything else the server sent, as strings/numbers, for profile cards. */
  extra: Record<string, unknown>
}

export interface GroupSummary {
  /** Used for messages and sending. */
  gid: number
  /** Used for get_group_info_ext2. */
  code: number
  name: string
  markname: string | null
  flag: number
}

export interface GroupMember {
  uin: number
  nick: string
  card: string | null
  /** stat from `stats` when present (10 online ... ), else null. */
  stat: number | null
}

export interface GroupInfo {
  gid: number
  code: number
  name: string
  memo: string
  owner: number
  createTime: number
  /** Members with nick/card; empty when the server omitted `minfo` (a known 2017 failure). */
  members: GroupMember[]
  /** uins of the admins (ginfo.members' mflag bit 0), the owner not included. */
  admins: number[]
  /** True when `minfo` was missing, so `members` is incomplete and a refresh should be retried later. */
  membersMissing: boolean
}

export interface DiscussionSummary {
  did: number
  name: string
}

export interface DiscussionMember {
  uin: number
  nick: string
  /** The member's real QQ number (`ruin`), when given. */
  qq: number | null
  status: PresenceStatus | null
}

export interface DiscussionInfo {
  did: number
  name: string
  members: DiscussionMember[]
}

export interface RecentEntry {
  kind: ConversationKind
  uin: number
}

/** A chat message as decoded from a poll element. */
export interface IncomingMessage {
  kind: ConversationKind
  msgId: number
  /** buddy: the friend's uin; group: the gid; discuss: the did. */
  fromUin: number
  /** group/discuss: the member who spoke; buddy: same as fromUin. */
  senderUin: number
  /** group only: group_code as delivered (NOT usable for get_group_info_ext2 in every era). */
  groupCode: number | null
  toUin: number
  /** Unix seconds. */
  time: number
  /** The server's time was impossible (negative, fractional, far future…): `time` is when we received it. */
  timeAdjusted?: boolean
  /** With `timeAdjusted`: the time as the server sent it, so a re-delivery of the same element is still recognised. */
  serverTime?: number
  segments: Segment[]
  /** The sender's font (the content's font element), null when the content had none. */
  font: MessageFont | null
}

export type PollEvent =
  | { type: 'message'; message: IncomingMessage }
  | { type: 'status'; uin: number; status: PresenceStatus; clientType: number }
  | { type: 'kick'; reason: string }
  /** Temporary chat via a group/discussion; receivable but not answerable since 2016. */
  | { type: 'sess-message'; message: IncomingMessage; viaId: number; serviceType: number }
  /** Any other poll_type, kept so nothing is silently lost; the engine may log it. */
  | { type: 'other'; pollType: string; value: unknown }
  /** An element that could not be decoded (null, wrong shape); `index` in the answer, `reason` names no value. */
  | { type: 'invalid'; index: number; pollType: string | null; reason: string }

/**
 * The outcome of one poll2 round trip. Network failures and malformed responses are
 * thrown as ProtocolError instead; everything the server can legitimately say is here.
 */
export type PollOutcome =
  | { kind: 'events'; events: PollEvent[] }
  /** 102, 100012, the 2018 `{"retcode":0,"retmsg":"ok","errmsg":"error"}`, HTTP 504, 109, 110, 1202, -1 */
  | { kind: 'empty' }
  /** 116: the client has already adopted `p` as its ptwebqq (cookie included). */
  | { kind: 'ptwebqq-rotated' }
  /** 120/121: call relink(). */
  | { kind: 'relink' }
  /** 103: call getOnlineBuddies(), then relink(), then log in again. */
  | { kind: 'not-registered' }
  /** 100000/100001 and the like: the session is over. */
  | { kind: 'session-dead'; retcode: number }

export type SendOutcome =
  /** errCode 0 (seed), retcode 0 (later), or 100100 (delivered anyway). */
  | { status: 'sent' }
  /** 1202: maybe delivered. NEVER retried automatically. */
  | { status: 'ambiguous'; retcode: number }
  /** 1000003: rate limited, not delivered; back off and retry. */
  | { status: 'rate-limited'; retcode: number }
  /** 100000/100001 on send: not delivered; keep it queued for the next login. */
  | { status: 'session-dead'; retcode: number }
  /** Any other refusal: not delivered. */
  | { status: 'refused'; retcode: number; message: string }

export interface SendRequest {
  kind: ConversationKind
  /** buddy uin, group gid or discussion did (current session). */
  to: number
  /** Must already fit in one message (see splitForSending). */
  segments: Segment[]
  msgId: number
  /** The font element to send; the seed's 宋体/10/black when absent. */
  font?: MessageFont
}

export interface ProtocolClientOptions {
  /**
   * One origin that serves every host's paths (the simulator, or a compatible server).
   * Absent: the real SmartQQ hosts. The check_sig URL returned by ptqrlogin is used as given.
   */
  serverUrl?: string
  /** Client-side timeout of one poll2 request; must exceed the server's ~60 s hold. Default 90 s. */
  pollTimeoutMs?: number
  /** Timeout of every other request. Default 15 s. */
  requestTimeoutMs?: number
  userAgent?: string
  /** got's retries of idempotent GETs (never POSTs, never the poll). Default: 2 tries, delays up to 4 s. */
  retry?: { limit?: number; backoffLimitMs?: number }
  /** Largest response body accepted after decompression (ProtocolError 'too-large' beyond). Default 32 MB. */
  maxBodyBytes?: number
}

/**
 * The protocol client. One instance = one cookie jar = one account's session.
 * Every method rejects only with ProtocolError (typed, with endpoint/status/retcode/excerpt).
 */
export interface ProtocolClient {
  readonly credentials: SessionCredentials | null

  // ---- login (seed 二: the five steps) ----
  /** Step 0 (optional, tolerated): xlogin page, picks up pt_login_sig. */
  prepareLogin(signal?: AbortSignal): Promise<void>
  /** Step 1: a new QR PNG; keeps the qrsig cookie for ptqrtoken. */
  fetchQrCode(signal?: AbortSignal): Promise<Uint8Array>
  /** Step 2: one scan-state check. */
  pollQrState(signal?: AbortSignal): Promise<QrPollResult>
  /** Steps 3-5 plus get_online_buddies2 registration: check_sig, getvfwebqq, login2. */
  completeLogin(checkSigUrl: string, signal?: AbortSignal): Promise<SessionCredentials>
  /** login2 again with the current ptwebqq/psessionid (poll 120/121). */
  relink(signal?: AbortSignal): Promise<SessionCredentials>
  /** Snapshot for a remembered session. */
  exportSession(): Promise<SavedSession | null>
  /**
   * Load a remembered session; then call resumeSession() to see whether the server still accepts it.
   * The argument is validated (it comes from a file): a bad one rejects with ProtocolError 'malformed'.
   */
  importSession(saved: SavedSession | Record<string, unknown>): Promise<void>
  /** Re-validate a restored session: getvfwebqq + login2 with the saved cookies, then register. */
  resumeSession(signal?: AbortSignal): Promise<SessionCredentials>
  /** Forget credentials and cookies. */
  reset(): Promise<void>

  // ---- messages ----
  poll(signal?: AbortSignal): Promise<PollOutcome>
  send(request: SendRequest, signal?: AbortSignal): Promise<SendOutcome>

  // ---- contacts and info ----
  getFriends(signal?: AbortSignal): Promise<FriendList>
  getOnlineBuddies(signal?: AbortSignal): Promise<OnlineBuddy[]>
  /** uin -> real QQ number; null when the endpoint is gone (2017-04 on: HTML 404). */
  getFriendQQ(uin: number, signal?: AbortSignal): Promise<number | null>
  getFriendInfo(uin: number, signal?: AbortSignal): Promise<UserInfo>
  getSelfInfo(signal?: AbortSignal): Promise<UserInfo>
  getLongNick(uin: number, signal?: AbortSignal): Promise<string>
  getGroups(signal?: AbortSignal): Promise<GroupSummary[]>
  /** By group CODE, not gid (a gid gets retcode 6). */
  getGroupInfo(code: number, signal?: AbortSignal): Promise<GroupInfo>
  getDiscussions(signal?: AbortSignal): Promise<DiscussionSummary[]>
  getDiscussionInfo(did: number, signal?: AbortSignal): Promise<DiscussionInfo>
  getRecentList(signal?: AbortSignal): Promise<RecentEntry[]>
  changeStatus(status: PresenceStatus, signal?: AbortSignal): Promise<void>
}
