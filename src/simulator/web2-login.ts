/** Login steps 4 and 5 (seed 流程四/五): getvfwebqq and login2 (new session or relink). */
import * as v from 'valibot'
import type { SimCore } from './core'
import { events } from './events'
import { json, refuse, retcode, type Reply, type SimRequest } from './http-io'
import { ClientId, guardWeb2, LOGIN_ERROR, readR, REFUSED } from './web2-guard'

const STATUSES = ['online', 'away', 'busy', 'silent', 'hidden', 'offline', 'callme'] as const

/** The ptwebqq query value must equal the cookie, and the cookie must be this jar's current one. */
export function getvfwebqq(core: SimCore, req: SimRequest): Reply {
  const g = guardWeb2(core.registry, req)
  if (!g.ok) return g.reply
  const { auth } = g
  const cookie = req.cookies.get('ptwebqq')
  if (auth.status !== 'alive' || cookie !== auth.ptwebqq || req.query.get('ptwebqq') !== cookie)
    return refuse(
      retcode(REFUSED, 'login domain error'),
      'ptwebqq',
      auth.status !== 'alive'
        ? `the login behind these cookies has ended (${auth.status})`
        : 'the ptwebqq query parameter must equal the current ptwebqq cookie'
    )
  return json({ retcode: 0, result: { vfwebqq: auth.vfwebqq } })
}

const Login2Body = v.object({
  ptwebqq: v.string(),
  clientid: ClientId,
  psessionid: v.string(),
  status: v.optional(v.picklist(STATUSES), 'online')
})

export function login2(core: SimCore, req: SimRequest): Reply {
  const g = guardWeb2(core.registry, req)
  if (!g.ok) return g.reply
  const { auth } = g
  const rr = readR(req, Login2Body)
  if (!rr.ok) return rr.reply
  const r = rr.r
  if (auth.status !== 'alive' || r.ptwebqq !== auth.ptwebqq || req.cookies.get('ptwebqq') !== auth.ptwebqq)
    return refuse(
      retcode(REFUSED, 'login domain error'),
      'ptwebqq',
      auth.status !== 'alive'
        ? `the login behind these cookies has ended (${auth.status})`
        : 'r.ptwebqq and the ptwebqq cookie must both be the current ptwebqq'
    )
  let session = auth.session
  if (r.psessionid === '') {
    const created = core.registry.createSession(auth, r.clientid, r.status)
    session = created.session
    if (created.replaced) {
      core.hub.interrupt(
        created.replaced,
        refuse(retcode(103, 'error'), 'session-replaced', 'a newer login2 from the same cookies replaced this session')
      )
      core.hub.drop(created.replaced)
    }
    for (const k of created.kicked) core.hub.enqueue(k, events.kick())
  } else {
    // Relink (Mojo _relink on 120/121): the current psessionid of a live session.
    if (!session || session.ended || session.psessionid !== r.psessionid || session.clientid !== r.clientid)
      return refuse(
        retcode(LOGIN_ERROR, 'login error'),
        'relink',
        'a relink (login2 with a psessionid) needs the live session of these cookies and its clientid'
      )
    session.needsRelink = null
    session.status = r.status
  }
  return json({
    retcode: 0,
    result: {
      cip: 1_167_000_000 + (core.account.self.qq % 1000),
      f: 0,
      index: 1075,
      port: 47450,
      psessionid: session.psessionid,
      status: session.status,
      uin: core.account.self.qq,
      user_state: 0,
      vfwebqq: session.decoyVfwebqq
    }
  })
}
