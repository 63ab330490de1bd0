/**
 * One poll2 round trip, classified with the retcode table. The loop around it (pacing, backoff,
 * relogin) belongs to the session engine; this never retries and never sleeps.
 */
import * as v from 'valibot'
import { decodeContent, decodeFont } from './codec'
import type { ClientContext } from './context'
import { COOKIE_DOMAIN, ENDPOINTS, endpointUrl } from './endpoints'
import { ProtocolError } from './errors'
import type { HttpResponse } from './http'
import { check, httpError, readJson } from './json'
import { toPresence } from './presence'
import { pollMeaning } from './retcodes'
import { KickValueSchema, MessageValueSchema, PollElementSchema, PollEnvelopeSchema, StatusValueSchema } from './schemas/poll'
import { rememberSecrets } from './redact'
import { tokenProblem } from './tokens'
import { requireCredentials } from './session'
import { CLIENT_ID, type IncomingMessage, type PollEvent, type PollOutcome } from './types'
import type { ConversationKind } from '../../shared/domain'

// A Map, not an object literal: poll_type "toString" or "__proto__" must not find Object.prototype's members.
const MESSAGE_KINDS: ReadonlyMap<string, ConversationKind> = new Map([
  ['message', 'buddy'],
  ['group_message', 'group'],
  ['discu_message', 'discuss']
])

/** Message times before this (2000-01-01) are impossible for SmartQQ: the server sent garbage. */
const EARLIEST_TIME_S = 946_684_800
/** A message may be stamped a little ahead of our clock (clock skew), not days ahead. */
const MAX_FUTURE_S = 24 * 3600

/**
 * The message time as Unix seconds. An impossible one (negative, fractional, not finite, before 2000,
 * a day or more ahead of us) is replaced by the time we received it and flagged, so it sorts and shows
 * like any other message instead of breaking paging, previews and exports.
 */
export function messageTime(raw: number, receivedAtMs: number): { time: number; adjusted: boolean } {
  const now = Math.floor(receivedAtMs / 1000)
  if (Number.isSafeInteger(raw) && raw >= EARLIEST_TIME_S && raw <= now + MAX_FUTURE_S) return { time: raw, adjusted: false }
  return { time: now, adjusted: true }
}

type MessageValue = v.InferOutput<typeof MessageValueSchema>

function toMessage(kind: ConversationKind, m: MessageValue, receivedAtMs: number): IncomingMessage {
  const fromUin = kind === 'discuss' ? (m.did ?? m.from_uin) : m.from_uin
  const { time, adjusted } = messageTime(m.time, receivedAtMs)
  const message: IncomingMessage = {
    kind,
    msgId: m.msg_id,
    fromUin,
    senderUin: m.send_uin ?? m.from_uin,
    groupCode: kind === 'group' ? (m.group_code ?? null) : null,
    toUin: m.to_uin,
    time,
    segments: decodeContent(m.content),
    font: decodeFont(m.content)
  }
  if (adjusted) {
    message.timeAdjusted = true
    message.serverTime = m.time
  }
  return message
}

const isOptionalNumber = (x: unknown): boolean => x === undefined || (typeof x === 'number' && !Number.isNaN(x))

/**
 * The usual well-formed message value, recognised without valibot: its safeParse copies every object it
 * checks, and on a 20,000-message poll answer that was a tenth of the burst's time plus the garbage it left.
 * True only for values MessageValueSchema accepts unchanged; everything else still goes through the schema
 * (and gets its precise verdict), so both paths agree.
 */
function isPlainMessageValue(x: unknown): x is MessageValue {
  if (typeof x !== 'object' || x === null) return false
  const m = x as Record<string, unknown>
  return (
    typeof m.from_uin === 'number' &&
    typeof m.to_uin === 'number' &&
    typeof m.msg_id === 'number' &&
    typeof m.time === 'number' &&
    !Number.isNaN(m.from_uin) &&
    !Number.isNaN(m.to_uin) &&
    !Number.isNaN(m.msg_id) &&
    !Number.isNaN(m.time) &&
    Array.isArray(m.content) &&
    isOptionalNumber(m.group_code) &&
    isOptionalNumber(m.send_uin) &&
    isOptionalNumber(m.did) &&
    isOptionalNumber(m.id) &&
    isOptionalNumber(m.service_type)
  )
}

/** The usual element `{poll_type: string, value}`, recognised without valibot (see isPlainMessageValue). */
function isPlainElement(x: unknown): x is { poll_type: string; value: unknown } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { poll_type?: unknown }).poll_type === 'string' && 'value' in x
}

/** Why an element of a known poll_type was rejected: the offending field, never its value (it may be private). */
function problemOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0]
  const path = issue ? (v.getDotPath(issue) ?? '(value)') : '(value)'
  return `unexpected shape at ${path}`
}

/**
 * One poll element as an event. A known poll_type whose value does not fit its schema becomes
 * 'invalid' (reported with its index by the engine); an unknown poll_type is 'other'. Either way the
 * elements around it are kept.
 */
export function toPollEvent(pollType: string, value: unknown, index = 0, receivedAtMs = Date.now()): PollEvent {
  const invalid = (reason: string): PollEvent => ({ type: 'invalid', index, pollType, reason })
  const kind = MESSAGE_KINDS.get(pollType)
  if (kind !== undefined || pollType === 'sess_message') {
    let output: MessageValue
    if (isPlainMessageValue(value)) output = value
    else {
      const m = v.safeParse(MessageValueSchema, value)
      if (!m.success) return invalid(problemOf(m.issues))
      output = m.output
    }
    if (kind !== undefined) return { type: 'message', message: toMessage(kind, output, receivedAtMs) }
    return {
      type: 'sess-message',
      message: toMessage('buddy', output, receivedAtMs),
      viaId: output.id ?? 0,
      serviceType: output.service_type ?? 0
    }
  }
  if (pollType === 'buddies_status_change') {
    const s = v.safeParse(StatusValueSchema, value)
    if (!s.success) return invalid(problemOf(s.issues))
    const status = toPresence(s.output.status)
    if (status === null) return invalid('unknown presence status')
    return { type: 'status', uin: s.output.uin, status, clientType: s.output.client_type }
  }
  if (pollType === 'kick_message') {
    const k = v.safeParse(KickValueSchema, value)
    return k.success ? { type: 'kick', reason: k.output.reason } : invalid(problemOf(k.issues))
  }
  return { type: 'other', pollType, value }
}

/** Every element of a poll answer, each validated on its own (a null or shapeless one is 'invalid'). */
export function toPollEvents(elements: readonly unknown[], receivedAtMs = Date.now()): PollEvent[] {
  return elements.map((el, index) => {
    if (isPlainElement(el)) return toPollEvent(el.poll_type, el.value, index, receivedAtMs)
    const e = v.safeParse(PollElementSchema, el)
    if (!e.success) return { type: 'invalid', index, pollType: null, reason: el === null ? 'null element' : problemOf(e.issues) }
    return toPollEvent(e.output.poll_type, e.output.value, index, receivedAtMs)
  })
}

/** Classifies a poll2 HTTP answer; exported so the bench measures exactly this. */
export function classifyPoll(res: HttpResponse, receivedAtMs = Date.now()): { outcome: PollOutcome; newPtwebqq?: string } {
  const endpoint = ENDPOINTS.poll2
  // 2016-17: an empty hold ended in HTTP 504 (reference §2.2). 502 and the rest are transient
  // failures the loop backs off from.
  if (res.status === 504) return { outcome: { kind: 'empty' } }
  if (res.status !== 200) throw httpError(endpoint, res)
  const answer = check(PollEnvelopeSchema, readJson(endpoint, res), endpoint, res)
  const { retcode } = answer
  switch (pollMeaning(retcode)) {
    case 'ok': {
      // retcode 0 WITHOUT result is the 2018 "nothing new" form, not an error.
      if (!answer.result || answer.result.length === 0) return { outcome: { kind: 'empty' } }
      return { outcome: { kind: 'events', events: toPollEvents(answer.result, receivedAtMs) } }
    }
    case 'no-news':
      return { outcome: { kind: 'empty' } }
    case 'rotate-ptwebqq': {
      if (answer.p === undefined) break
      // Adopting an unusable value would poison every later request (and the remembered session).
      const problem = tokenProblem(answer.p)
      if (problem !== null)
        throw new ProtocolError({
          code: 'bad-token',
          endpoint: endpoint.name,
          httpStatus: res.status,
          retcode,
          detail: `116 with an unusable ptwebqq: ${problem}`
        })
      return { outcome: { kind: 'ptwebqq-rotated' }, newPtwebqq: answer.p }
    }
    case 'relink':
      return { outcome: { kind: 'relink' } }
    case 'not-registered':
      return { outcome: { kind: 'not-registered' } }
    case 'session-dead':
      return { outcome: { kind: 'session-dead', retcode } }
    default:
      break
  }
  throw new ProtocolError({
    code: 'retcode',
    endpoint: endpoint.name,
    httpStatus: res.status,
    retcode,
    body: res.text,
    detail: retcode === 116 ? '116 without a new ptwebqq' : 'unexpected poll retcode'
  })
}

export async function poll(ctx: ClientContext, signal: AbortSignal | undefined): Promise<PollOutcome> {
  const c = requireCredentials(ctx, ENDPOINTS.poll2.name)
  const r = { ptwebqq: c.ptwebqq, clientid: CLIENT_ID, psessionid: c.psessionid, key: '' }
  const res = await ctx.request(ENDPOINTS.poll2, { r, signal })
  const { outcome, newPtwebqq } = classifyPoll(res)
  if (newPtwebqq !== undefined) {
    // 116: adopt `p` everywhere the server will look for it: our copy and the ptwebqq cookie
    // (domain qq.com on the real service; the simulator's own host otherwise).
    const domain = ctx.serverUrl === undefined ? COOKIE_DOMAIN : null
    await ctx.jar.set('ptwebqq', newPtwebqq, endpointUrl(ENDPOINTS.poll2, ctx.serverUrl), domain)
    if (ctx.credentials) ctx.credentials = { ...ctx.credentials, ptwebqq: newPtwebqq }
    rememberSecrets([newPtwebqq])
  }
  return outcome
}
