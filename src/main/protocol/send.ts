/**
 * Sending one message (seed 三). Never retried here: a 1202 may have been delivered, and
 * retrying it made duplicates (reference §3.3).
 */
import { encodeContent } from './codec'
import type { ClientContext } from './context'
import { ENDPOINTS, type Endpoint } from './endpoints'
import type { HttpResponse } from './http'
import { check, httpError, readJson } from './json'
import { retcodeMeaning } from './retcodes'
import { SendAnswerSchema } from './schemas/send'
import { requireCredentials } from './session'
import { CLIENT_ID, type SendOutcome, type SendRequest } from './types'
import type { ConversationKind } from '../../shared/domain'

/** The avatar id the page sent along; never validated (PQ used 522). */
const SENDER_FACE = 522

const TARGETS: Readonly<Record<ConversationKind, { endpoint: Endpoint; key: 'to' | 'group_uin' | 'did' }>> = {
  buddy: { endpoint: ENDPOINTS.sendBuddy, key: 'to' },
  group: { endpoint: ENDPOINTS.sendGroup, key: 'group_uin' },
  discuss: { endpoint: ENDPOINTS.sendDiscuss, key: 'did' }
}

/** Classifies a send answer: errCode 0 (seed) and retcode 0 (2017-09 on) are both success. */
export function classifySend(endpoint: Endpoint, res: HttpResponse): SendOutcome {
  if (res.status !== 200) throw httpError(endpoint, res)
  const a = check(SendAnswerSchema, readJson(endpoint, res), endpoint, res)
  // Seed: success says errCode, failure says retcode; prefer the retcode when both are present.
  const code = a.retcode ?? a.errCode ?? 0
  const message = a.errmsg ?? a.errMsg ?? a.msg ?? ''
  switch (retcodeMeaning(code)) {
    case 'ok':
    case 'delivered':
      return { status: 'sent' }
    case 'ambiguous':
      return { status: 'ambiguous', retcode: code }
    case 'rate-limited':
      return { status: 'rate-limited', retcode: code }
    case 'session-dead':
      return { status: 'session-dead', retcode: code }
    default:
      return { status: 'refused', retcode: code, message }
  }
}

export async function send(ctx: ClientContext, req: SendRequest, signal: AbortSignal | undefined): Promise<SendOutcome> {
  const { endpoint, key } = TARGETS[req.kind]
  const c = requireCredentials(ctx, endpoint.name)
  const r = {
    [key]: req.to,
    content: encodeContent(req.segments, req.font),
    face: SENDER_FACE,
    clientid: CLIENT_ID,
    msg_id: req.msgId,
    psessionid: c.psessionid
  }
  return classifySend(endpoint, await ctx.request(endpoint, { r, signal }))
}
