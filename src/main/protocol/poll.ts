/**
 * One poll2 round trip, classified with the retcode table. The loop around it (pacing, backoff,
 * relogin) belongs to the session engine; this never retries and never sleeps.
 */
import * as v from 'valibot'
import { decodeContent } from './codec'
import type { ClientContext } from './context'
import { COOKIE_DOMAIN, ENDPOINTS, endpointUrl } from './endpoints'
import { ProtocolError } from './errors'
import type { HttpResponse } from './http'
import { check, httpError, readJson } from './json'
import { toPresence } from './presence'
import { pollMeaning } from './retcodes'
import { KickValueSchema, MessageValueSchema, PollEnvelopeSchema, StatusValueSchema } from './schemas/poll'
import { requireCredentials } from './session'
import { CLIENT_ID, type IncomingMessage, type PollEvent, type PollOutcome } from './types'
import type { ConversationKind } from '../../shared/domain'

const MESSAGE_KINDS: Readonly<Record<string, ConversationKind>> = {
  message: 'buddy',
  group_message: 'group',
  discu_message: 'discuss'
}

function toMessage(kind: ConversationKind, m: v.InferOutput<typeof MessageValueSchema>): IncomingMessage {
  const fromUin = kind === 'discuss' ? (m.did ?? m.from_uin) : m.from_uin
  return {
    kind,
    msgId: m.msg_id,
    fromUin,
    senderUin: m.send_uin ?? m.from_uin,
    groupCode: kind === 'group' ? (m.group_code ?? null) : null,
    toUin: m.to_uin,
    time: m.time,
    segments: decodeContent(m.content)
  }
}

/**
 * One poll element as an event. An element of a known type whose value does not fit its schema
 * becomes 'other' with the raw value, so one odd element neither loses the others nor vanishes.
 */
export function toPollEvent(pollType: string, value: unknown): PollEvent {
  const other: PollEvent = { type: 'other', pollType, value }
  const kind = MESSAGE_KINDS[pollType]
  if (kind !== undefined || pollType === 'sess_message') {
    const m = v.safeParse(MessageValueSchema, value)
    if (!m.success) return other
    if (kind !== undefined) return { type: 'message', message: toMessage(kind, m.output) }
    return {
      type: 'sess-message',
      message: toMessage('buddy', m.output),
      viaId: m.output.id ?? 0,
      serviceType: m.output.service_type ?? 0
    }
  }
  if (pollType === 'buddies_status_change') {
    const s = v.safeParse(StatusValueSchema, value)
    const status = s.success ? toPresence(s.output.status) : null
    if (!s.success || status === null) return other
    return { type: 'status', uin: s.output.uin, status, clientType: s.output.client_type }
  }
  if (pollType === 'kick_message') {
    const k = v.safeParse(KickValueSchema, value)
    return k.success ? { type: 'kick', reason: k.output.reason } : other
  }
  return other
}

/** Classifies a poll2 HTTP answer; exported so the bench measures exactly this. */
export function classifyPoll(res: HttpResponse): { outcome: PollOutcome; newPtwebqq?: string } {
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
      return { outcome: { kind: 'events', events: answer.result.map((e) => toPollEvent(e.poll_type, e.value)) } }
    }
    case 'no-news':
      return { outcome: { kind: 'empty' } }
    case 'rotate-ptwebqq':
      if (answer.p === undefined) break
      return { outcome: { kind: 'ptwebqq-rotated' }, newPtwebqq: answer.p }
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
  }
  return outcome
}
