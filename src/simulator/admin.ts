/** The admin API under /__sim/ on the same origin: JSON in and out, loopback callers only. */
import * as v from 'valibot'
import type { Actions } from './actions'
import { InvalidInput } from './errors'
import { json, type Reply, type SimRequest } from './http-io'

/** The admin API lets anyone log in as the account: never serve it beyond this machine. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

function body(req: SimRequest): unknown {
  if (req.rawBody.trim() === '') return {}
  try {
    return JSON.parse(req.rawBody)
  } catch {
    throw new InvalidInput('body is not JSON')
  }
}

const ScanBody = v.object({ confirm: v.optional(v.boolean(), true) })
const StatusBody = v.object({ qq: v.number(), status: v.string() })
const BurstBody = v.object({
  count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))
})

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, input)
  if (!r.success) throw new InvalidInput(v.summarize(r.issues))
  return r.output
}

const OK = { ok: true }

const routes: Record<string, (a: Actions, req: SimRequest) => unknown> = {
  'POST scan': (a, req) => (a.scan(parse(ScanBody, body(req)).confirm), OK),
  'POST expire-qr': (a) => (a.expireQr(), OK),
  'POST push': (a, req) => (a.push(body(req) as never), OK),
  'POST status': (a, req) => {
    const b = parse(StatusBody, body(req))
    a.pushStatus(b.qq, b.status)
    return OK
  },
  'POST burst': (a, req) => (a.burst(parse(BurstBody, body(req)).count), OK),
  'POST fault': (a, req) => (a.injectFault(body(req) as never), OK),
  'POST kick': (a) => (a.kick(), OK),
  'POST expire-session': (a) => (a.expireSession(), OK),
  'GET sent': (a) => a.sent(),
  'GET state': (a) => a.state(),
  'GET account': (a, req) => a.account({ members: req.query.get('members') !== '0' }),
  'GET refusals': (a) => a.refusals()
}

export function admin(actions: Actions, req: SimRequest): Reply {
  if (!isLoopback(req.remoteAddress)) return json({ error: 'the admin API answers loopback callers only' }, 403)
  const route = routes[`${req.method} ${req.path.slice('/__sim/'.length)}`]
  if (!route) return json({ error: `no admin route ${req.method} ${req.path}` }, 404)
  try {
    return json(route(actions, req))
  } catch (e) {
    if (e instanceof InvalidInput) return json({ error: e.message }, 400)
    throw e
  }
}
