/**
 * The transport against a small scripted loopback server (real HTTP, no mocking library):
 * headers, the r form, cookies on 127.0.0.1, retry policy, timeouts and cancellation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createProtocolClient, hash33, ProtocolError, type ProtocolClient } from '../../../src/main/protocol'

interface Seen {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
}

type Handler = (req: Seen, res: ServerResponse) => void
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const json = (res: ServerResponse, body: unknown, status = 200): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

let server: Server
let base: string
let seen: Seen[] = []
let routes: Record<string, Handler> = {}

const defaults = (): Record<string, Handler> => ({
  '/cgi-bin/xlogin': (_q, res) => res.writeHead(200, { 'set-cookie': 'pt_login_sig=SIG; Path=/' }).end('<html/>'),
  '/ptqrshow': (_q, res) => res.writeHead(200, { 'set-cookie': 'qrsig=QRSIG-1; Path=/', 'content-type': 'image/png' }).end(PNG),
  '/ptqrlogin': (q, res) =>
    res.end(
      q.query.get('ptqrtoken') === String(hash33('QRSIG-1'))
        ? `ptuiCB('0','0','http://ptlogin4.web2.qq.com/check_sig?x=1','0','登录成功！','nick');`
        : "ptuiCB('66','0','','0','二维码未失效。(1)','');"
    ),
  '/check_sig': (_q, res) => res.writeHead(302, { location: 'http://w.qq.com/proxy.html', 'set-cookie': 'ptwebqq=PT1; Path=/' }).end(),
  '/api/getvfwebqq': (q, res) => json(res, { retcode: 0, result: { vfwebqq: `VF-${q.query.get('ptwebqq')}` } }),
  '/channel/login2': (_q, res) => json(res, { retcode: 0, result: { uin: 3000000001, psessionid: 'PS', vfwebqq: 'ignored' } }),
  '/channel/get_online_buddies2': (_q, res) => json(res, { retcode: 0, result: [] }),
  '/channel/poll2': (_q, res) => json(res, { retcode: 0, retmsg: 'ok', errmsg: 'error' })
})

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const s: Seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body }
      seen.push(s)
      const h = routes[url.pathname]
      if (h) h(s, res)
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1><hr>nginx</body></html>')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})
beforeEach(() => {
  seen = []
  routes = defaults()
})

const client = (extra: Parameters<typeof createProtocolClient>[0] = {}): ProtocolClient =>
  createProtocolClient({ serverUrl: base, retry: { limit: 2, backoffLimitMs: 5 }, ...extra })
const calls = (path: string): Seen[] => seen.filter((s) => s.path === path)

async function loggedIn(c: ProtocolClient): Promise<void> {
  await c.prepareLogin()
  await c.fetchQrCode()
  const qr = await c.pollQrState()
  if (qr.state !== 'confirmed') throw new Error(`not confirmed: ${qr.state}`)
  await c.completeLogin(qr.checkSigUrl)
}

describe('transport', () => {
  it('logs in through one origin with cookies round-tripping on 127.0.0.1', async () => {
    const c = client()
    await loggedIn(c)
    expect(c.credentials).toEqual({ ptwebqq: 'PT1', vfwebqq: 'VF-PT1', psessionid: 'PS', uin: 3000000001 })
    const qr = calls('/ptqrlogin')[0]
    expect(qr.headers.cookie).toContain('qrsig=QRSIG-1')
    expect(qr.query.get('login_sig')).toBe('SIG')
    expect(calls('/api/getvfwebqq')[0].headers.cookie).toContain('ptwebqq=PT1')
    // Registration right after login2.
    expect(seen.map((s) => s.path).slice(-2)).toEqual(['/channel/login2', '/channel/get_online_buddies2'])
  })

  it('sends browser headers, the Referer, Origin on POSTs, and r as the only form field', async () => {
    const c = client({ userAgent: 'UA-test' })
    await loggedIn(c)
    const login2 = calls('/channel/login2')[0]
    expect(login2.method).toBe('POST')
    expect(login2.headers['user-agent']).toBe('UA-test')
    expect(login2.headers.referer).toBe('https://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2')
    expect(login2.headers.origin).toBe('https://d1.web2.qq.com')
    expect(login2.headers['content-type']).toContain('application/x-www-form-urlencoded')
    const form = new URLSearchParams(login2.body)
    expect([...form.keys()]).toEqual(['r'])
    expect(JSON.parse(form.get('r') ?? '')).toEqual({ ptwebqq: 'PT1', clientid: 53999199, psessionid: '', status: 'online' })
    const vf = calls('/api/getvfwebqq')[0]
    expect(vf.headers.referer).toBe('https://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1')
    expect(vf.headers.origin).toBeUndefined()
  })

  it('check_sig: no Referer header at all, redirect not followed', async () => {
    const c = client()
    await loggedIn(c)
    const cs = calls('/check_sig')[0]
    expect('referer' in cs.headers).toBe(false)
    expect(seen.some((s) => s.path === '/proxy.html')).toBe(false)
  })

  it('check_sig answering 200 instead of a redirect is an http error', async () => {
    routes['/check_sig'] = (_q, res) => res.end('<html>login page</html>')
    const c = client()
    await c.fetchQrCode()
    const qr = await c.pollQrState()
    const err = await c.completeLogin(qr.state === 'confirmed' ? qr.checkSigUrl : '').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProtocolError)
    expect((err as ProtocolError).code).toBe('http')
  })

  it('retries the s.web2 nginx 404 on getvfwebqq', async () => {
    let n = 0
    const ok = routes['/api/getvfwebqq']
    routes['/api/getvfwebqq'] = (q, res) => (n++ === 0 ? res.writeHead(404).end('<html>404 nginx</html>') : ok(q, res))
    const c = client()
    await loggedIn(c)
    expect(calls('/api/getvfwebqq')).toHaveLength(2)
  })

  it('never retries a POST, and the poll returns its 502 as an http error', async () => {
    const c = client()
    await loggedIn(c)
    routes['/channel/poll2'] = (_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>')
    const err = (await c.poll().catch((e: unknown) => e)) as ProtocolError
    expect(err).toBeInstanceOf(ProtocolError)
    expect(err).toMatchObject({ code: 'http', httpStatus: 502, endpoint: 'poll2' })
    expect(err.excerpt).toContain('502 Bad Gateway')
    expect(calls('/channel/poll2')).toHaveLength(1)
  })

  it('GETs are retried on 5xx up to the limit, then the status is reported', async () => {
    const c = client()
    await loggedIn(c)
    routes['/channel/get_online_buddies2'] = (_q, res) => res.writeHead(503).end('busy')
    seen = []
    const err = (await c.getOnlineBuddies().catch((e: unknown) => e)) as ProtocolError
    expect(err).toMatchObject({ code: 'http', httpStatus: 503 })
    expect(calls('/channel/get_online_buddies2')).toHaveLength(3)
  })

  it('the poll timeout and cancellation surface as typed errors', async () => {
    const c = client({ pollTimeoutMs: 150 })
    await loggedIn(c)
    routes['/channel/poll2'] = () => undefined // hold forever
    await expect(c.poll()).rejects.toMatchObject({ code: 'timeout', endpoint: 'poll2' })
    const ac = new AbortController()
    const p = client({ pollTimeoutMs: 10_000 })
    await loggedIn(p)
    const pending = p.poll(ac.signal)
    setTimeout(() => ac.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
  })

  it('a closed port is a network error', async () => {
    const c = createProtocolClient({ serverUrl: 'http://127.0.0.1:1', retry: { limit: 0 } })
    await expect(c.fetchQrCode()).rejects.toMatchObject({ code: 'network', endpoint: 'ptqrshow' })
  })

  it('calls that need a session say so before touching the network', async () => {
    await expect(client().poll()).rejects.toMatchObject({ code: 'no-session' })
    expect(seen).toHaveLength(0)
  })

  it('a saved session is restored into the same jar and resumed without a QR', async () => {
    const first = client()
    await loggedIn(first)
    const saved = await first.exportSession()
    expect(saved).not.toBeNull()
    const second = client()
    await second.importSession(JSON.parse(JSON.stringify(saved)) as Record<string, unknown>)
    seen = []
    const creds = await second.resumeSession()
    expect(creds.vfwebqq).toBe('VF-PT1')
    expect(calls('/api/getvfwebqq')[0].headers.cookie).toContain('ptwebqq=PT1')
    expect(calls('/ptqrshow')).toHaveLength(0)
    await expect(second.importSession({ credentials: 'nope' })).rejects.toMatchObject({ code: 'malformed' })
  })

  it('wrong types and missing keys in a result are malformed, naming the path', async () => {
    const c = client()
    await loggedIn(c)
    routes['/api/get_user_friends2'] = (_q, res) => json(res, { retcode: 0, result: { friends: [{ uin: 'x', categories: 0 }], info: [] } })
    const wrong = (await c.getFriends().catch((e: unknown) => e)) as ProtocolError
    expect(wrong).toMatchObject({ code: 'malformed', endpoint: 'get_user_friends2' })
    expect(wrong.message).toContain('friends.0.uin')
    routes['/api/get_user_friends2'] = (_q, res) => json(res, { retcode: 0, result: { info: [] } })
    expect(await c.getFriends().catch((e: unknown) => e)).toMatchObject({ code: 'malformed' })
    routes['/api/get_user_friends2'] = (_q, res) => json(res, { retcode: 'zero' })
    expect(await c.getFriends().catch((e: unknown) => e)).toMatchObject({ code: 'malformed' })
  })

  it('one odd poll element is reported as invalid (unknown types as other); the rest still decode', async () => {
    const c = client()
    await loggedIn(c)
    const good = { from_uin: 1, to_uin: 2, msg_id: 3, time: 4, content: [['font', {}], 'hi'] }
    routes['/channel/poll2'] = (_q, res) =>
      json(res, {
        retcode: 0,
        result: [
          { poll_type: 'message', value: { ...good, msg_id: 'bad' } },
          { poll_type: 'message', value: good },
          { poll_type: 'input_notify', value: { from_uin: 1 } }
        ]
      })
    const o = await c.poll()
    expect(o.kind).toBe('events')
    if (o.kind !== 'events') return
    expect(o.events.map((e) => e.type)).toEqual(['invalid', 'message', 'other'])
    expect(o.events[0]).toEqual({ type: 'invalid', index: 0, pollType: 'message', reason: 'unexpected shape at msg_id' })
    expect(o.events[1]).toMatchObject({ type: 'message', message: { msgId: 3, segments: [{ type: 'text', text: 'hi' }] } })
  })

  it('116 updates the ptwebqq cookie (not a second one) and the next poll body', async () => {
    const c = client()
    await loggedIn(c)
    routes['/channel/poll2'] = (_q, res) => json(res, { retcode: 116, p: 'NEWPT' })
    expect(await c.poll()).toEqual({ kind: 'ptwebqq-rotated' })
    routes['/channel/poll2'] = (_q, res) => json(res, { retcode: 102, errmsg: '' })
    seen = []
    expect(await c.poll()).toEqual({ kind: 'empty' })
    const next = calls('/channel/poll2')[0]
    expect(next.headers.cookie?.match(/ptwebqq=/g)).toHaveLength(1)
    expect(next.headers.cookie).toContain('ptwebqq=NEWPT')
    expect(JSON.parse(new URLSearchParams(next.body).get('r') ?? '')).toMatchObject({ ptwebqq: 'NEWPT', key: '' })
    routes['/channel/poll2'] = (_q, res) => json(res, { retcode: 116 })
    expect(await c.poll().catch((e: unknown) => e)).toMatchObject({ code: 'retcode', retcode: 116 })
  })

  it('send answers: errCode 0 (seed) and retcode 0 are sent; the content is a string, font last', async () => {
    const c = client()
    await loggedIn(c)
    routes['/channel/send_buddy_msg2'] = (_q, res) => json(res, { errCode: 0, msg: 'send ok' })
    const req = { kind: 'buddy' as const, to: 5, segments: [{ type: 'text' as const, text: 'x' }], msgId: 77 }
    expect(await c.send(req)).toEqual({ status: 'sent' })
    const r = JSON.parse(new URLSearchParams(calls('/channel/send_buddy_msg2')[0].body).get('r') ?? '') as Record<string, unknown>
    expect(r).toMatchObject({ to: 5, msg_id: 77, clientid: 53999199, psessionid: 'PS' })
    expect(r.content).toBe('["x",["font",{"name":"宋体","size":10,"style":[0,0,0],"color":"000000"}]]')
    routes['/channel/send_buddy_msg2'] = (_q, res) => json(res, { retcode: 0, result: 'ok' })
    expect(await c.send(req)).toEqual({ status: 'sent' })
    routes['/channel/send_buddy_msg2'] = (_q, res) => json(res, { errmsg: 'error!!!', retcode: 108 })
    expect(await c.send(req)).toEqual({ status: 'refused', retcode: 108, message: 'error!!!' })
    routes['/channel/send_buddy_msg2'] = (_q, res) => json(res, { msg: 'what' })
    expect(await c.send(req).catch((e: unknown) => e)).toMatchObject({ code: 'malformed' })
  })
})
