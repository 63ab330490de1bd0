/**
 * One origin for every SmartQQ host: ptlogin2 paths, ptlogin4 check_sig, s.web2 `/api/...` and
 * d1.web2 `/channel/...` (each only under its own prefix, as on the real hosts), plus `/__sim/`.
 * Transport faults (reset, HTTP error pages, slow or malformed bodies) are applied here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Actions } from './actions'
import { admin } from './admin'
import { contactRoutes } from './contacts'
import type { SimCore } from './core'
import {
  answerCode,
  html,
  nginxPage,
  readRequest,
  refuse,
  RESET,
  retcode,
  writeCookies,
  writeReply,
  type BodyShaping,
  type Outcome,
  type Reply,
  type SimRequest
} from './http-io'
import { asExpected, tolerates } from './method-tolerance'
import { poll2 } from './poll'
import { checkSig, logout, pt4Auth, ptqrlogin, ptqrshow, xlogin } from './qr-login'
import { send } from './send'
import { getvfwebqq, login2 } from './web2-login'

type Handler = (core: SimCore, req: SimRequest) => Outcome | Promise<Outcome>

interface Route {
  key: string
  methods: string[]
  handler: Handler
}

const S_WEB2 = new Set([
  'get_user_friends2',
  'get_group_name_list_mask2',
  'get_friend_uin2',
  'get_friend_info2',
  'get_self_info2',
  'get_single_long_nick2',
  'get_group_info_ext2',
  'get_discus_list'
])

function buildRoutes(): Map<string, Route> {
  const table = new Map<string, Route>()
  const add = (path: string, key: string, methods: string[], handler: Handler): void => void table.set(path, { key, methods, handler })
  add('/cgi-bin/xlogin', 'xlogin', ['GET'], (c) => xlogin(c))
  add('/cgi-bin/login', 'xlogin', ['GET'], (c) => xlogin(c))
  add('/ptqrshow', 'ptqrshow', ['GET'], (c) => ptqrshow(c))
  add('/ptqrlogin', 'ptqrlogin', ['GET'], ptqrlogin)
  add('/check_sig', 'check_sig', ['GET'], checkSig)
  add('/pt4_auth', 'pt4_auth', ['GET'], pt4Auth)
  add('/logout', 'logout', ['GET'], logout)
  // check_sig redirects here (the real service served w.qq.com/proxy.html): following it works.
  add('/proxy.html', 'proxy.html', ['GET'], () =>
    html(200, '<!DOCTYPE html><html><head><script>document.domain="qq.com";</script></head><body></body></html>')
  )
  // pinghot.qq.com/pingd, the page's statistics beacon: pandolia/qqbot calls it after a poll 504. The real
  // host answered every ping with an empty 200.
  add('/pingd', 'pingd', ['GET'], () => html(200, ''))
  add('/api/getvfwebqq', 'getvfwebqq', ['GET'], getvfwebqq)
  add('/channel/login2', 'login2', ['POST'], login2)
  add('/channel/poll2', 'poll2', ['POST'], poll2)
  for (const ep of ['send_buddy_msg2', 'send_qun_msg2', 'send_discu_msg2'] as const) add(`/channel/${ep}`, ep, ['POST'], (c, r) => send(c, r, ep))
  // Temporary chat was blocked from 2016 (Mojo Changes).
  add('/channel/send_sess_msg2', 'send_sess_msg2', ['POST'], () =>
    refuse(retcode(100_001, 'error'), 'temp-chat-blocked', 'temporary chat (send_sess_msg2) was blocked by Tencent from 2016')
  )
  for (const [key, r] of Object.entries(contactRoutes)) add(`${S_WEB2.has(key) ? '/api/' : '/channel/'}${key}`, key, r.methods, r.handler)
  return table
}

/** The seed's literal `/api/get_self_info2&t=0.1` (a `&` where `?` belongs) names the same endpoint. */
function normalisePath(path: string): string {
  const amp = path.indexOf('&')
  return amp >= 0 ? path.slice(0, amp) : path
}

const CONTACT_KEYS: ReadonlySet<string> = new Set(Object.keys(contactRoutes))

export function createRequestListener(core: SimCore, actions: Actions): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = buildRoutes()
  return (rawReq, res) => {
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    void (async () => {
      let req = await readRequest(rawReq, abort.signal)
      if (req.path.startsWith('/__sim/')) {
        const reply = admin(actions, req)
        if (reply.status >= 400) core.refused(req, null, reply, 'admin', adminError(reply))
        return writeReply(res, reply)
      }
      const route = routes.get(normalisePath(req.path))
      if (!route) {
        const reply = nginxPage(404)
        core.refused(req, null, reply, 'unknown-path', `no SmartQQ endpoint is served at ${req.path}`)
        return writeReply(res, reply)
      }
      if (!route.methods.includes(req.method)) {
        const expected = route.methods[0]!
        if (!tolerates(route.key, CONTACT_KEYS) || !['GET', 'POST'].includes(req.method)) {
          const reply = nginxPage(404)
          const detail = `${route.key} takes ${route.methods.join(' or ')}, not ${req.method}`
          core.refused(req, route.key, reply, 'method', detail)
          return writeReply(res, reply)
        }
        core.methodMismatch(req.method, route.key)
        req = asExpected(req, expected)
      }
      core.count(route.key)
      const fault = transportFault(core, route.key)
      const outcome = fault ?? (await route.handler(core, req))
      if (outcome === RESET) {
        // A held poll whose client went away (or a closing simulator) also ends in RESET: no refusal.
        if (fault === RESET) core.refused(req, route.key, null, 'fault:reset', 'an injected reset fault closed the connection')
        return void rawReq.socket.destroy()
      }
      const shape = shaping(core, route.key)
      if (shape.malformed) core.refused(req, route.key, outcome, 'fault:malformed', `an injected fault made the body ${shape.malformed}`)
      else record(core, req, route.key, outcome)
      writeReply(res, writeCookies(outcome, req.headers.host ?? ''), shape)
    })().catch((e: unknown) => {
      // A bug in a handler (or an oversized body) must not take the server down; the client sees a 500.
      core.refusals.record({
        time: core.now(),
        method: rawReq.method ?? '',
        path: new URL(rawReq.url ?? '/', 'http://sim.invalid').pathname,
        endpoint: null,
        status: 500,
        retcode: null,
        rule: 'internal-error',
        detail: e instanceof Error ? e.message : String(e)
      })
      if (!res.headersSent) writeReply(res, html(500, `<pre>${String(e instanceof Error ? e.stack : e)}</pre>`))
      else res.destroy()
    })
  }
}

/** Labelled refusals with their rule; anything else that looks like an error as `unlabelled`. */
function record(core: SimCore, req: SimRequest, key: string, reply: Reply): void {
  if (reply.refusal) return core.refused(req, key, reply, reply.refusal.rule, reply.refusal.detail)
  if (reply.notAnError) return
  const code = answerCode(reply)
  const isJson = String(reply.headers['content-type'] ?? '').startsWith('application/json')
  if (reply.status >= 400 || (isJson && code !== null && code !== 0))
    core.refused(req, key, reply, 'unlabelled', `${key} answered status ${reply.status}, code ${code}`)
}

function adminError(reply: Reply): string {
  try {
    return String((JSON.parse(String(reply.body)) as { error?: unknown }).error)
  } catch {
    return `status ${reply.status}`
  }
}

function transportFault(core: SimCore, key: string): Outcome | null {
  const f = core.faults.take(key, 'reset', 'http', ...(key === 'poll2' ? [] : (['retcode'] as const)))
  if (!f) return null
  if (f.type === 'reset') return RESET
  if (f.type === 'http') return refuse(nginxPage(f.status), 'fault:http', `an injected fault answered HTTP ${f.status}`)
  return refuse(retcode(f.retcode, 'error'), 'fault:retcode', `an injected fault answered retcode ${f.retcode}`)
}
function shaping(core: SimCore, key: string): BodyShaping {
  const f = core.faults.take(key, 'slow', 'malformed')
  if (f?.type === 'slow') return { slow: { bytesPerTick: f.bytesPerTick ?? 16, tickMs: f.tickMs ?? 50 } }
  if (f?.type === 'malformed') return { malformed: f.variant }
  return {}
}
