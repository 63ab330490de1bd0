/**
 * Public types of the protocol simulator (in-process API and admin JSON bodies).
 * Tests, the app's demo mode and benches code against these names.
 */
import type { PresenceStatus, Segment } from '../shared/domain'

/**
 * Presets of the behaviours that changed (see eras.ts and docs/simulator.md): 2015 = the seed (Dec
 * 2015); 2016 = ptuiCB 0/67, no ptqrtoken, 103 until get_online_buddies2 (registerOnOnlineBuddies
 * false: an account the server did not gate); 2017 = ptqrtoken (403 without it), and 103, sends
 * still answer errCode; 2017-late = sends answer retcode (2017-09 on); 2018 = the 2018 empty poll.
 */
export type Era = '2015' | '2016' | '2017' | '2017-late' | '2018'
export type Scenario = 'quiet' | 'lively' | 'load'
/** How an empty poll2 ends: 102 JSON (2015), HTTP 504 HTML (2016-17), 100012 JSON (late 2017), the 2018 retcode-0 form. */
export type EmptyPollForm = '102' | '504' | '100012' | '2018'

export interface AccountSize {
  buddies?: number
  groups?: number
  discussions?: number
  /** Size of the largest group (group index 0); the others are smaller. */
  groupMembers?: number
  categories?: number
}

export interface SimulatorOptions {
  port?: number
  host?: string
  era?: Era
  scenario?: Scenario
  seed?: number
  pollHoldMs?: number
  qrLifetimeMs?: number
  sessionLifetimeMs?: number
  sendIntervalMs?: number
  livelyIntervalMs?: number
  emptyPoll?: EmptyPollForm
  /** Per-behaviour overrides of the era preset (eras.ts). */
  ptuiForm?: 'seed' | 'modern'
  ptqrtoken?: boolean
  registerOnOnlineBuddies?: boolean
  sendAnswer?: 'errCode' | 'retcode'
  friendUin?: boolean
  /** How many refused requests GET /__sim/refusals keeps (oldest dropped first). Default 200. */
  refusalLogSize?: number
  account?: AccountSize
  /** Echo the account's own group/discussion sends back on poll (real servers did). Default true. */
  echo?: boolean
  /** Number of 1202-triggering sends within blockWindowMs that escalate to a temporary block. Default 5. */
  blockAfter?: number
  blockWindowMs?: number
  /** How long a temporary send block lasts. Default 60 000. */
  blockMs?: number
  /** Discussion sends answer {"errmsg":"error!!!","retcode":100100} (and still deliver). Default false. */
  discuss100100?: boolean
  /** get_group_info_ext2 omits `minfo` once the session is older than this (a 2017 failure). Default: never. */
  minfoMaxAgeMs?: number
  /** Messages per burst in the `load` scenario. Default 100. */
  loadBurstSize?: number
  /** Received faces arrive as id 0 (2018-04 behaviour). Default false. */
  zeroFaces?: boolean
}

/** A domain Segment, except that a face's `name` may be left out (it comes from the face table). */
export type PushSegment = Exclude<Segment, { type: 'face' }> | { type: 'face'; id: number; name?: string }

/** The font object a push is delivered with (normally `{name,size,style,color}`), as given. */
export type PushFont = Record<string, unknown>

/**
 * A message from a contact to the account (POST /__sim/push). Give `text` or `segments`. `font`: the font
 * object to deliver with it; absent = the sender's own (fonts.ts senderFont).
 */
export type PushMessage =
  | { kind: 'buddy'; from: number; text?: string; segments?: PushSegment[]; self?: false; font?: PushFont }
  /** The account itself wrote to buddy `to` (QQ number) from another device. */
  | { kind: 'buddy'; self: true; to: number; text?: string; segments?: PushSegment[]; font?: PushFont }
  /** `group` = group number; `from` = member QQ number (ignored with self:true). */
  | {
      kind: 'group'
      group: number
      from?: number
      self?: boolean
      text?: string
      segments?: PushSegment[]
      font?: PushFont
    }
  /** `discuss` = discussion index as listed by account(); `from` = member QQ number. */
  | {
      kind: 'discuss'
      discuss: number
      from?: number
      self?: boolean
      text?: string
      segments?: PushSegment[]
      font?: PushFont
    }

export type FaultEndpoint = string

/** A fault injected on demand (POST /__sim/fault). `count` = how many requests it hits (default 1, -1 = until cleared). */
export type Fault =
  | { type: 'reset'; endpoint: FaultEndpoint; count?: number }
  | { type: 'http'; endpoint: FaultEndpoint; status: number; count?: number }
  /** 116 rotates ptwebqq (answer carries "p"); 120/121 demand a relink (login2 with the psessionid) before polls work again. */
  | { type: 'retcode'; endpoint: FaultEndpoint; retcode: number; count?: number }
  /** The 2018 empty form or 100012 on a poll, regardless of era. */
  | { type: 'empty'; endpoint: FaultEndpoint; form: EmptyPollForm; count?: number }
  | {
      type: 'slow'
      endpoint: FaultEndpoint
      bytesPerTick?: number
      tickMs?: number
      count?: number
    }
  | {
      type: 'malformed'
      endpoint: FaultEndpoint
      variant: 'truncated' | 'empty' | 'html'
      count?: number
    }
  /** The next pushed message is delivered twice (same msg_id, two poll answers). */
  | { type: 'duplicate'; count?: number }
  /** Force the answer of the next send(s): 1202 (random delivery), 1000003 (not delivered), 100100 (delivered)... */
  | { type: 'send'; retcode: number; endpoint?: FaultEndpoint; count?: number }
  | { type: 'echo'; enabled: boolean }
  /** Temporary send block: every send answers 1202 and nothing is delivered, for `ms`. */
  | { type: 'block'; ms: number }
  | { type: 'clear' }

export interface SentRecord {
  endpoint: 'send_buddy_msg2' | 'send_qun_msg2' | 'send_discu_msg2'
  /** The target id the client sent (uin / gid / did of that session). */
  target: number
  /** buddy QQ number, group number or discussion index, when the target resolved. */
  targetRef: number | null
  /** Decoded text (faces as [name]); '' when the content was invalid. */
  text: string
  segments: Segment[]
  /** `content` exactly as received (a string when the client was right). */
  rawContent: unknown
  /** The font element's object as the client sent it (`{name,size,style,color}`); null when the content was invalid. */
  font: Record<string, unknown> | null
  msgId: number | null
  time: number
  /** The JSON answer given. */
  answer: unknown
  delivered: boolean
}

export interface SimSessionState {
  psessionid: string
  qq: number
  ended: null | 'expired' | 'kicked' | 'replaced' | 'logged-out'
  registered: boolean
  needsRelink: number | null
  pendingEvents: number
  createdAt: number
}

export interface SimState {
  era: Era
  /** What the era (and any per-behaviour option) means in this run. */
  behaviour: {
    ptuiForm: 'seed' | 'modern'
    ptqrtoken: boolean
    registerOnOnlineBuddies: boolean
    emptyPoll: EmptyPollForm
    sendAnswer: 'errCode' | 'retcode'
    friendUin: boolean
  }
  url: string
  qr: null | {
    state: 'waiting' | 'scanned' | 'confirmed' | 'expired'
    qrsig: string
    createdAt: number
  }
  loggedIn: boolean
  sessions: SimSessionState[]
  pollsInFlight: number
  /** How many times a second poll of one session arrived while another was held. */
  concurrentPolls: number
  requests: Record<string, number>
  /** `"POST get_discus_list"` -> how often a tolerated wrong method was used. */
  methodMismatches: Record<string, number>
  faultsPending: number
  sendBlockedUntil: number
}

export interface AccountPersonView {
  qq: number
  /** Current-session uin, null when nobody is logged in. */
  uin: number | null
  nick: string
}

export interface AccountView {
  self: AccountPersonView
  categories: Array<{ index: number; sort: number; name: string }>
  buddies: Array<AccountPersonView & { markname: string | null; category: number; status: PresenceStatus }>
  groups: Array<{
    number: number
    gid: number | null
    code: number | null
    name: string
    memberCount: number
    members?: Array<AccountPersonView & { card: string | null }>
  }>
  discussions: Array<{
    index: number
    did: number | null
    name: string
    members: AccountPersonView[]
  }>
}
