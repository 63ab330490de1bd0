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
  html,
  nginxPage,
  readRequest,
  RESET,
  retcode,
  writeReply,
  type BodyShaping,
  type Outcome,
  type SimRequest
} from './http-io'
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
  const add = (path: string, key: string, methods: string[], handler: Handler): void =>
    void table.set(path, { key, methods, handler })
  add('/cgi-bin/xlogin', 'xlogin', ['GET'], (c) => xlogin(c))
  add('/cgi-bin/login', 'xlogin', ['GET'], (c) => xlogin(c))
  add('/ptqrshow', 'ptqrshow', ['GET'], (c) => ptqrshow(c))
  add('/ptqrlogin', 'ptqrlogin', ['GET'], ptqrlogin)
  add('/check_sig', 'check_sig', ['GET'], checkSig)
  add('/pt4_auth', 'pt4_auth', ['GET'], pt4Auth)
  add('/logout', 'logout', ['GET'], logout)
  add('/proxy.html', 'proxy.html', ['GET'], () =>
    html(
      200,
      '<!DOCTYPE html><html><head><script>document.domain="qq.com";</script></head><body></body></html>'
    )
  )
  add('/api/getvfwebqq', 'getvfwebqq', ['GET'], getvfwebqq)
  add('/channel/login2', 'login2', ['POST'], login2)
  add('/channel/poll2', 'poll2', ['POST'], poll2)
  for (const ep of ['send_buddy_msg2', 'send_qun_msg2', 'send_discu_msg2'] as const)
    add(`/channel/${ep}`, ep, ['POST'], (c, r) => send(c, r, ep))
  // Temporary chat was blocked from 2016 (Mojo Changes).
  add('/channel/send_sess_msg2', 'send_sess_msg2', ['POST'], () => retcode(100_001, 'error'))
  for (const [key, r] of Object.entries(contactRoutes))
    add(`${S_WEB2.has(key) ? '/api/' : '/channel/'}${key}`, key, r.methods, r.handler)
  return table
}

/** The seed's literal `/api/get_self_info2&t=0.1` (a `&` where `?` belongs) names the same endpoint. */
function normalisePath(path: string): string {
  const amp = path.indexOf('&')
  return amp >= 0 ? path.slice(0, amp) : path
}

export function createRequestListener(
  core: SimCore,
  actions: Actions
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = buildRoutes()
  return (rawReq, res) => {
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    void (async () => {
      const req = await readRequest(rawReq, abort.signal)
      if (req.path.startsWith('/__sim/')) return writeReply(res, admin(actions, req))
      const route = routes.get(normalisePath(req.path))
      if (!route || !route.methods.includes(req.method)) return writeReply(res, nginxPage(404))
      core.count(route.key)
      const outcome = transportFault(core, route.key) ?? (await route.handler(core, req))
      if (outcome === RESET) return void rawReq.socket.destroy()
      writeReply(res, outcome, shaping(core, route.key))
    })().catch((e: unknown) => {
      // A bug in a handler must not take the server down; the client sees a 500.
      if (!res.headersSent)
        writeReply(res, html(500, `<pre>${String(e instanceof Error ? e.stack : e)}</pre>`))
      else res.destroy()
    })
  }
}

function transportFault(core: SimCore, key: string): Outcome | null {
  const f = core.faults.take(
    key,
    'reset',
    'http',
    ...(key === 'poll2' ? [] : (['retcode'] as const))
  )
  if (!f) return null
  if (f.type === 'reset') return RESET
  if (f.type === 'http') return nginxPage(f.status)
  return retcode(f.retcode, 'error')
}

function shaping(core: SimCore, key: string): BodyShaping {
  const f = core.faults.take(key, 'slow', 'malformed')
  if (f?.type === 'slow')
    return { slow: { bytesPerTick: f.bytesPerTick ?? 16, tickMs: f.tickMs ?? 50 } }
  if (f?.type === 'malformed') return { malformed: f.variant }
  return {}
}
