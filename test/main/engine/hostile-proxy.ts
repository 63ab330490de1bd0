/**
 * A loopback proxy in front of the simulator that can replace chosen answers with hostile ones
 * (bodies the simulator would never send: null poll elements, 116 with a poisoned ptwebqq, a gzip
 * bomb, malformed member lists…). Everything else goes through untouched, so login, cookies and the
 * rest of the protocol stay the simulator's. Real HTTP on both legs.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HostileAnswer {
  status?: number
  headers?: Record<string, string>
  body: string | Buffer
}

/** Decides the answer for one request: null lets it through to the simulator. `count` is how many times this rule fired before. */
export type Rule = (req: { path: string; method: string; body: string; count: number }) => HostileAnswer | null

export interface HostileProxy {
  url: string
  /** Arms a rule for one path (e.g. '/channel/poll2'); returns a function that disarms it. */
  on(path: string, rule: Rule): () => void
  /** Lets the simulator answer, then rewrites the (uncompressed) body of that answer; returns a disarm function. */
  rewrite(path: string, edit: (body: string) => string): () => void
  /** How often each path was requested through the proxy. */
  hits(path: string): number
  close(): Promise<void>
}

export async function startHostileProxy(target: string): Promise<HostileProxy> {
  const rules = new Map<string, { rule: Rule; count: number }>()
  const rewrites = new Map<string, (body: string) => string>()
  const hits = new Map<string, number>()
  const upstream = new URL(target)
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const path = new URL(req.url ?? '/', 'http://x').pathname
      hits.set(path, (hits.get(path) ?? 0) + 1)
      const armed = rules.get(path)
      const answer = armed ? armed.rule({ path, method: req.method ?? 'GET', body: body.toString('utf8'), count: armed.count }) : null
      if (armed && answer) armed.count++
      if (answer) {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers })
        res.end(answer.body)
        return
      }
      const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host }
      const edit = rewrites.get(path)
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (ur) => {
        if (!edit) {
          res.writeHead(ur.statusCode ?? 502, ur.headers)
          ur.pipe(res)
          return
        }
        const parts: Buffer[] = []
        ur.on('data', (c: Buffer) => parts.push(c))
        ur.on('end', () => {
          const body = Buffer.from(edit(Buffer.concat(parts).toString('utf8')), 'utf8')
          res.writeHead(ur.statusCode ?? 502, { ...ur.headers, 'content-length': String(body.length) })
          res.end(body)
        })
      })
      up.on('error', () => res.destroy())
      res.on('close', () => up.destroy())
      up.end(body)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    on(path, rule) {
      const entry = { rule, count: 0 }
      rules.set(path, entry)
      return () => {
        if (rules.get(path) === entry) rules.delete(path)
      }
    },
    rewrite(path, edit) {
      rewrites.set(path, edit)
      return () => {
        if (rewrites.get(path) === edit) rewrites.delete(path)
      }
    },
    hits: (path) => hits.get(path) ?? 0,
    async close() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }
}

export const json = (value: unknown, status = 200): HostileAnswer => ({ status, body: JSON.stringify(value) })
