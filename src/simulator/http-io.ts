/** Request parsing and response shapes for the simulator's plain node:http server. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'

export interface SimRequest {
  method: string
  /** Path as received (may carry the seed's `&t=0.1` suffix on get_self_info2). */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  cookies: Map<string, string>
  /** Parsed form fields when the body was application/x-www-form-urlencoded, else null. */
  form: URLSearchParams | null
  rawBody: string
  remoteAddress: string
  /** Aborted when the client goes away before the answer (a held poll must then be released). */
  signal: AbortSignal
}

export interface Reply {
  status: number
  headers: Record<string, string | string[]>
  body: string | Buffer
  /** Cookies to set; written as Set-Cookie lines for the request's host (setCookieLine). */
  cookies?: CookiePair[]
  /** Why this answer refuses the request (recorded in the refusal log). */
  refusal?: { rule: string; detail: string }
  /** An answer that looks like an error but is not one (an empty poll's 504 or 102). */
  notAnError?: true
}

export type CookiePair = readonly [name: string, value: string]

/** Marks `reply` as a refusal by `rule`; `detail` says what was wrong. */
export function refuse(reply: Reply, rule: string, detail: string): Reply {
  reply.refusal = { rule, detail }
  return reply
}

/** Destroy the socket without an answer (connection reset). */
export const RESET = 'reset' as const
export type Outcome = Reply | typeof RESET

const JSON_TYPE = 'application/json; charset=utf-8'

export function json(body: unknown, status = 200): Reply {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) }
}

export function retcode(code: number, errmsg = ''): Reply {
  return json({ retcode: code, errmsg })
}

export function html(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body }
}

/** The nginx-style error pages real s.web2/d1 fronts returned (502/504/404). */
export function nginxPage(status: number): Reply {
  const title =
    {
      404: '404 Not Found',
      502: '502 Bad Gateway',
      503: '503 Service Unavailable',
      504: '504 Gateway Time-out'
    }[status] ?? `${status} Error`
  return html(
    status,
    `<html>\r\n<head><title>${title}</title></head>\r\n<body bgcolor="white">\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  )
}

export function addCookies(reply: Reply, cookies: CookiePair[]): Reply {
  reply.cookies = [...(reply.cookies ?? []), ...cookies]
  return reply
}

export function cookie(name: string, value: string): CookiePair {
  return [name, value]
}

/**
 * A Set-Cookie line as ptlogin wrote it: every attribute terminated by `;`, upper-case attribute
 * names (`uin=o0123456789; PATH=/; DOMAIN=qq.com;`). Clients that joined all Set-Cookie lines with a
 * space and parsed them as one string (qq-bot-rebown) relied on that final `;`. `DOMAIN=qq.com;` is
 * written only when the client reached the simulator under a qq.com host name (a hosts-file
 * mapping); under 127.0.0.1 a qq.com domain would be rightly rejected by every real cookie jar.
 */
export function setCookieLine(name: string, value: string, requestHost: string): string {
  const hostname = requestHost.replace(/:\d+$/, '').toLowerCase()
  const domain = hostname === 'qq.com' || hostname.endsWith('.qq.com') ? ' DOMAIN=qq.com;' : ''
  return `${name}=${value}; PATH=/;${domain}`
}

/** Turns `reply.cookies` into Set-Cookie headers for the host the request named. */
export function writeCookies(reply: Reply, requestHost: string): Reply {
  if (!reply.cookies?.length) return reply
  const prior = reply.headers['set-cookie']
  reply.headers['set-cookie'] = [
    ...(Array.isArray(prior) ? prior : prior ? [prior] : []),
    ...reply.cookies.map(([n, v]) => setCookieLine(n, v, requestHost))
  ]
  return reply
}

/**
 * The code an answer carries: the JSON retcode (or errCode), the first ptuiCB field, else null. Read
 * from the head of the body, never a full parse: it runs on every answer, and a contact list or a
 * poll answer can be megabytes (the simulator writes `retcode` first in those; error bodies are short).
 */
export function answerCode(reply: Reply): number | null {
  const type = String(reply.headers['content-type'] ?? '')
  const head = typeof reply.body === 'string' ? reply.body.slice(0, 256) : ''
  const m = type.startsWith('application/json') ? /"(?:retcode|errCode)":(-?\d+)/.exec(head) : /^\s*ptui\w*CB\('(\d+)'/.exec(head)
  return m ? Number(m[1]) : null
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  return out
}

const MAX_BODY = 1 << 20

export async function readRequest(req: IncomingMessage, signal: AbortSignal): Promise<SimRequest> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) throw new Error('request body too large')
    chunks.push(chunk)
  }
  const rawBody = Buffer.concat(chunks).toString('utf8')
  const url = new URL(req.url ?? '/', 'http://sim.invalid')
  const type = req.headers['content-type'] ?? ''
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    cookies: parseCookies(req.headers.cookie),
    form: type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(rawBody) : null,
    rawBody,
    remoteAddress: req.socket.remoteAddress ?? '',
    signal
  }
}

export interface BodyShaping {
  /** Trickle the body: this many bytes every tickMs. */
  slow?: { bytesPerTick: number; tickMs: number }
  /** Replace the body with a broken one. */
  malformed?: 'truncated' | 'empty' | 'html'
}

export function writeReply(res: ServerResponse, reply: Reply, shaping: BodyShaping = {}): void {
  let body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body
  const headers = { ...reply.headers }
  if (shaping.malformed === 'truncated') body = body.subarray(0, Math.max(1, Math.floor(body.length / 2)))
  else if (shaping.malformed === 'empty') body = Buffer.alloc(0)
  else if (shaping.malformed === 'html') {
    body = Buffer.from('<html><body>服务器繁忙，请稍后再试</body></html>', 'utf8')
    headers['content-type'] = 'text/html; charset=utf-8'
  }
  headers['content-length'] = String(body.length)
  res.writeHead(reply.status, headers)
  if (!shaping.slow) {
    res.end(body)
    return
  }
  const { bytesPerTick, tickMs } = shaping.slow
  let offset = 0
  const tick = (): void => {
    if (res.destroyed) return
    const next = body.subarray(offset, offset + bytesPerTick)
    offset += next.length
    if (offset >= body.length) res.end(next)
    else {
      res.write(next)
      setTimeout(tick, tickMs)
    }
  }
  tick()
}
