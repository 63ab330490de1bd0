/** poll2 (seed 三, reference §2): session checks, the 2017 registration rule, injected retcodes, then the hub. */
import * as v from 'valibot'
import type { SimCore } from './core'
import { json, nginxPage, refuse, retcode, type Outcome, type Reply, type SimRequest } from './http-io'
import { randHex } from './prng'
import type { Session } from './sessions'
import type { EmptyPollForm } from './types'
import { ClientId, guardWeb2, readR } from './web2-guard'

const PollBody = v.object({
  ptwebqq: v.string(),
  clientid: ClientId,
  psessionid: v.string(),
  key: v.optional(v.string())
})

const ERRMSG: Record<number, string> = {
  103: 'error',
  100_000: 'login domain error',
  100_001: 'login error',
  102: ''
}

/** An empty poll is no error, whatever its form looks like (a 504 page, a 102 or 100012 retcode). */
export function emptyPoll(form: EmptyPollForm, holdMs: number): Reply {
  const reply =
    form === '102'
      ? json({ retcode: 102, errmsg: '' })
      : form === '504'
        ? nginxPage(504)
        : form === '100012'
          ? json({
              retcode: 100_012,
              retmsg: `no message for cost[${(holdMs / 1000).toFixed(2)}s]`
            })
          : json({ retcode: 0, retmsg: 'ok', errmsg: 'error' })
  reply.notAnError = true
  return reply
}

function notRegistered(detail: string, rule = 'not-registered'): Reply {
  return refuse(json({ errmsg: 'error', retcode: 103 }), rule, detail)
}

function loginError(): Reply {
  return refuse(
    json({ errmsg: 'login error', retcode: 100_001 }),
    'session-ended',
    'the session has ended (expired, kicked or logged out): log in again'
  )
}

/** What a poll of an ended session gets: kicked sessions first receive their kick_message. */
function endedAnswer(core: SimCore, session: Session, signal: AbortSignal): Outcome | Promise<Outcome> {
  if (session.ended === 'replaced') return notRegistered('a newer login2 from the same cookies replaced this session', 'session-replaced')
  if (session.ended === 'kicked' && core.hub.pending(session) > 0) return core.hub.poll(session, loginError, signal)
  return loginError()
}

export function poll2(core: SimCore, req: SimRequest): Outcome | Promise<Outcome> {
  const g = guardWeb2(core.registry, req)
  if (!g.ok) return g.reply
  const rr = readR(req, PollBody)
  if (!rr.ok) return rr.reply
  const { r } = rr
  const session = core.registry.sessionById(r.psessionid)
  // Anything not bound to this cookie jar is "not recognised" (reference §9: 103 on poll).
  if (!session || session.auth !== g.auth || r.clientid !== session.clientid)
    return notRegistered(
      !session
        ? 'psessionid is no session of this simulator'
        : session.auth !== g.auth
          ? 'psessionid belongs to other cookies'
          : 'clientid is not the one given to login2',
      'binding'
    )
  if (session.ended) return endedAnswer(core, session, req.signal)
  if (r.ptwebqq !== g.auth.ptwebqq) return notRegistered('r.ptwebqq is not the current ptwebqq (after a 116, use its "p")', 'ptwebqq')
  if (core.opts.registerOnOnlineBuddies && !session.registered)
    return notRegistered(
      'the server registers a session for poll2 on get_online_buddies2 (some accounts from 2016, every one from 2017-02): call it after login2'
    )
  if (session.needsRelink !== null)
    return refuse(
      retcode(session.needsRelink, 'error'),
      'relink-needed',
      `retcode ${session.needsRelink}: call login2 again with this psessionid (relink)`
    )
  const fault = core.faults.take('poll2', 'retcode', 'empty')
  if (fault?.type === 'empty') return emptyPoll(fault.form, core.opts.pollHoldMs)
  if (fault?.type === 'retcode') {
    if (fault.retcode === 116) {
      // The server rotates ptwebqq; from now on only the new value is accepted.
      g.auth.ptwebqq = randHex(core.qrRng, 64)
      return refuse(
        json({ retcode: 116, p: g.auth.ptwebqq }),
        'fault:retcode',
        'an injected fault rotated ptwebqq (116): use its "p" as the ptwebqq cookie and in r'
      )
    }
    if (fault.retcode === 120 || fault.retcode === 121) session.needsRelink = fault.retcode
    if (fault.retcode === 100_012 || fault.retcode === 2018) return emptyPoll(fault.retcode === 2018 ? '2018' : '100012', core.opts.pollHoldMs)
    return refuse(
      json({ errmsg: ERRMSG[fault.retcode] ?? 'error', retcode: fault.retcode }),
      'fault:retcode',
      `an injected fault answered retcode ${fault.retcode}`
    )
  }
  return core.hub.poll(
    session,
    () => {
      const now = core.registry.sessionById(session.psessionid)
      return now?.ended ? loginError() : emptyPoll(core.opts.emptyPoll, core.opts.pollHoldMs)
    },
    req.signal
  )
}
