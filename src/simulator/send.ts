/**
 * send_buddy_msg2 / send_qun_msg2 / send_discu_msg2 (seed 三, reference §3): strict request shape,
 * era-specific answers, rate limiting with ambiguous 1202, silent non-delivery of long texts,
 * and the echo of the account's own group/discussion messages on poll.
 */
import * as v from 'valibot'
import { segmentsToText } from '../shared/domain'
import type { SimCore } from './core'
import { renderPush } from './events'
import { json, refuse, retcode, type Reply, type SimRequest } from './http-io'
import type { Session } from './sessions'
import type { SentRecord } from './types'
import { ClientId, liveSession, LOGIN_ERROR, MISSING_DATA, readR } from './web2-guard'
import { parseSentContent, textOnly } from './wire-content'

export type SendEndpoint = SentRecord['endpoint']

const TARGET_KEY: Record<SendEndpoint, 'to' | 'group_uin' | 'did'> = {
  send_buddy_msg2: 'to',
  send_qun_msg2: 'group_uin',
  send_discu_msg2: 'did'
}

/** Longer texts are answered "ok" and never arrive (PQ splits at 720 UTF-8 bytes). */
const MAX_DELIVERED_BYTES = 720

const SendBody = v.looseObject({
  content: v.unknown(),
  msg_id: v.optional(v.pipe(v.number(), v.integer())),
  clientid: v.optional(ClientId),
  psessionid: v.optional(v.string()),
  face: v.optional(v.unknown())
})

export function send(core: SimCore, req: SimRequest, endpoint: SendEndpoint): Reply {
  const rr = readR(req, SendBody)
  const body = rr.ok ? rr.r : null
  const record: SentRecord = {
    endpoint,
    target: Number(body?.[TARGET_KEY[endpoint]] ?? NaN),
    targetRef: null,
    text: '',
    segments: [],
    rawContent: body?.content,
    font: null,
    msgId: body?.msg_id ?? null,
    time: core.now(),
    answer: null,
    delivered: false
  }
  const answer = (reply: Reply, delivered = false): Reply => {
    record.answer = JSON.parse(String(reply.body))
    record.delivered = delivered
    core.sent.push(record)
    return reply
  }
  const live = liveSession(core.registry, req, {})
  if (!live.ok) return answer(live.reply)
  if (!rr.ok) return answer(rr.reply)
  const r = rr.r
  // Seed: "如果这里直接提交了一个JSONArray的话，应该会返回1000001错误". Same for every other shape error.
  const content = parseSentContent(r.content)
  const target = r[TARGET_KEY[endpoint]]
  if (!content.ok || typeof target !== 'number' || r.msg_id === undefined || r.clientid === undefined || r.psessionid === undefined)
    return answer(
      refuse(
        retcode(MISSING_DATA, content.ok ? 'missing field' : content.reason),
        'content',
        content.ok ? `r needs ${TARGET_KEY[endpoint]} (a number), msg_id, clientid and psessionid` : content.reason
      )
    )
  const { session } = live
  if (r.psessionid !== session.psessionid || r.clientid !== session.clientid)
    return answer(
      refuse(retcode(LOGIN_ERROR, 'login error'), 'send-binding', 'r.psessionid and r.clientid must be those of the session of these cookies')
    )
  record.segments = content.segments
  record.text = segmentsToText(content.segments)
  record.font = content.font
  const ref = resolveTarget(core, session, endpoint, target)
  if (ref === null)
    return answer(
      refuse(
        retcode(LOGIN_ERROR, 'unknown target'),
        'send-target',
        endpoint === 'send_qun_msg2'
          ? 'group_uin must be a gid of this session (a group code is not a gid)'
          : `${TARGET_KEY[endpoint]} is no ${endpoint === 'send_buddy_msg2' ? 'buddy uin' : 'did'} of this session`
      )
    )
  record.targetRef = ref
  const { answerBody, deliver, refusal } = decide(core, endpoint, textOnly(content.segments))
  if (deliver) echo(core, session, endpoint, ref, content.segments, content.font)
  const reply = json(answerBody)
  return answer(refusal ? refuse(reply, refusal.rule, refusal.detail) : reply, deliver)
}

/** QQ number, group index or discussion index behind the target id; a group CODE is not a gid. */
function resolveTarget(core: SimCore, session: Session, endpoint: SendEndpoint, target: number): number | null {
  if (endpoint === 'send_buddy_msg2') {
    const qq = session.ids.qqOf(target)
    return qq !== undefined && core.account.buddy(qq) ? qq : null
  }
  if (endpoint === 'send_qun_msg2') return session.ids.groupOfGid(target) ?? null
  return session.ids.discussOfDid(target) ?? null
}

interface Decision {
  answerBody: unknown
  deliver: boolean
  refusal?: { rule: string; detail: string }
}

const LIMIT_DETAIL = {
  'too-fast': 'sends less than sendIntervalMs apart',
  repeated: 'the text repeats one of the last 3 sent',
  url: 'the text holds a URL',
  blocked: 'a temporary send block is on (too many 1202 sends in a row)'
} as const

function decide(core: SimCore, endpoint: SendEndpoint, text: string): Decision {
  // Until about 2017-09 success said errCode; after that, retcode (reference §3.3).
  const ok = core.opts.sendAnswer === 'errCode' ? { errCode: 0, msg: 'send ok' } : { retcode: 0, result: 'ok' }
  const forced = core.faults.take(endpoint, 'send')
  if (forced) {
    if (forced.retcode === 0) return { answerBody: ok, deliver: true }
    const deliver = forced.retcode === 100_100 || (forced.retcode === 1202 && core.limiter.luck())
    return {
      answerBody: { errmsg: 'error!!!', retcode: forced.retcode },
      deliver,
      refusal: {
        rule: 'fault:send',
        detail: `an injected fault answered ${forced.retcode} (${deliver ? 'delivered' : 'not delivered'})`
      }
    }
  }
  const verdict = core.limiter.judge(text, core.now())
  if (verdict.retcode === 1202 && verdict.reason !== 'ok')
    return {
      answerBody: { errmsg: 'error!!!', retcode: 1202 },
      deliver: verdict.deliver,
      refusal: {
        rule: `rate-limit:${verdict.reason}`,
        detail: `1202: ${LIMIT_DETAIL[verdict.reason]}; ${verdict.deliver ? 'delivered anyway' : 'not delivered'}`
      }
    }
  if (Buffer.byteLength(text, 'utf8') > MAX_DELIVERED_BYTES)
    return {
      answerBody: ok,
      deliver: false,
      refusal: {
        rule: 'too-long',
        detail: `texts over ${MAX_DELIVERED_BYTES} UTF-8 bytes are answered as sent and never delivered`
      }
    }
  if (endpoint === 'send_discu_msg2' && core.opts.discuss100100)
    return {
      answerBody: { errmsg: 'error!!!', retcode: 100_100 },
      deliver: true,
      refusal: { rule: 'discuss-100100', detail: '100100 on a discussion send (delivered anyway)' }
    }
  return { answerBody: ok, deliver: true }
}

/** Real servers echoed the account's own group/discussion messages with send_uin = self uin. */
function echo(
  core: SimCore,
  session: Session,
  endpoint: SendEndpoint,
  ref: number,
  segments: SentRecord['segments'],
  font: Record<string, unknown>
): void {
  if (!core.echo || endpoint === 'send_buddy_msg2') return
  const group = endpoint === 'send_qun_msg2' ? core.account.groups[ref] : undefined
  // The echo carries the font the client sent, as the real server's did.
  const element = group
    ? renderPush(core, session, { kind: 'group', group: group.number, self: true, segments, font })
    : renderPush(core, session, { kind: 'discuss', discuss: ref, self: true, segments, font })
  core.hub.enqueue(session, element)
}
