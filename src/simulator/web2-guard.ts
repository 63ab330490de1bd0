/**
 * The checks every s.web2 / d1.web2 API made before doing anything: a Referer from one of the two
 * proxy pages (host only; real clients mixed them up and that worked), the ptlogin + check_sig cookies,
 * and the binding of psessionid / vfwebqq / clientid to the cookie jar.
 */
import * as v from 'valibot'
import { retcode, type Reply, type SimRequest } from './http-io'
import type { Registry, Session, WebAuth } from './sessions'

const REFERER_HOSTS = new Set(['s.web2.qq.com', 'd1.web2.qq.com'])
/** The cookies reference §5 found to matter; one origin here, so a normal cookie jar sends them all. */
const REQUIRED_COOKIES = [
  'ptwebqq',
  'skey',
  'uin',
  'p_skey',
  'p_uin',
  'pt4_token',
  'superuin',
  'supertoken'
]

/** Retcodes of the seed's "公共约定": a missing header (1000000) or cookie (1000001). */
export const MISSING_HEADER = 1_000_000
export const MISSING_DATA = 1_000_001
/** Reference §1.7 / §2.3: cookies not accepted / login error. */
export const REFUSED = 100_000
export const LOGIN_ERROR = 100_001
export const BAD_REQUEST = 100_006

export type Checked<T> = ({ ok: true } & T) | { ok: false; reply: Reply }

export function qqCookieValue(qq: number): string {
  // Real servers zero-padded the QQ number to 10 digits: uin=o0398565080.
  return 'o' + String(qq).padStart(10, '0')
}

export function refererAccepted(req: SimRequest): boolean {
  const ref = req.headers.referer
  if (!ref) return false
  try {
    return REFERER_HOSTS.has(new URL(ref).hostname)
  } catch {
    return false
  }
}

/** Headers and cookies; the auth may be dead (each endpoint answers that its own way). */
export function guardWeb2(registry: Registry, req: SimRequest): Checked<{ auth: WebAuth }> {
  if (!refererAccepted(req)) return { ok: false, reply: retcode(MISSING_HEADER, 'referer') }
  if (REQUIRED_COOKIES.some((name) => !req.cookies.get(name)))
    return { ok: false, reply: retcode(MISSING_DATA, 'cookie') }
  const auth = registry.authByPskey(req.cookies.get('p_skey')!)
  const qq = auth ? qqCookieValue(auth.ptlogin.qq) : ''
  if (
    !auth ||
    req.cookies.get('uin') !== qq ||
    req.cookies.get('p_uin') !== qq ||
    req.cookies.get('skey') !== auth.ptlogin.skey
  )
    return { ok: false, reply: retcode(REFUSED, 'login domain error') }
  return { ok: true, auth }
}

export interface Binding {
  /** undefined = this endpoint does not take one; null = it does but the request lacks it. */
  psessionid?: string | null
  vfwebqq?: string | null
  clientid?: string | null
}

/** A live session bound to this cookie jar, with matching psessionid / vfwebqq / clientid. */
export function liveSession(
  registry: Registry,
  req: SimRequest,
  binding: Binding
): Checked<{ auth: WebAuth; session: Session }> {
  const g = guardWeb2(registry, req)
  if (!g.ok) return g
  const { auth } = g
  if (auth.status !== 'alive') return { ok: false, reply: retcode(REFUSED, 'login domain error') }
  // login2's vfwebqq is a decoy (seed 流程五): only getvfwebqq's value opens the contact APIs.
  if (binding.vfwebqq !== undefined && binding.vfwebqq !== auth.vfwebqq)
    return { ok: false, reply: retcode(REFUSED, 'vfwebqq') }
  const session = auth.session
  if (!session || session.ended) return { ok: false, reply: retcode(LOGIN_ERROR, 'login error') }
  if (binding.psessionid !== undefined && binding.psessionid !== session.psessionid)
    return { ok: false, reply: retcode(LOGIN_ERROR, 'psessionid') }
  if (binding.clientid !== undefined && binding.clientid !== session.clientid)
    return { ok: false, reply: retcode(LOGIN_ERROR, 'clientid') }
  return { ok: true, auth, session }
}

/** The `r` JSON of a form POST (or of the query, where `allowQuery`), validated against `schema`. */
export function readR<S extends v.GenericSchema>(
  req: SimRequest,
  schema: S,
  allowQuery = false
): Checked<{ r: v.InferOutput<S> }> {
  let raw: string | null = null
  if (req.method === 'POST') raw = req.form?.get('r') ?? null
  else if (allowQuery) raw = req.query.get('r')
  if (raw === null) return { ok: false, reply: retcode(BAD_REQUEST, 'form field r required') }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { ok: false, reply: retcode(BAD_REQUEST, 'r is not JSON') }
  }
  const result = v.safeParse(schema, parsed)
  if (!result.success) return { ok: false, reply: retcode(BAD_REQUEST, v.summarize(result.issues)) }
  return { ok: true, r: result.output }
}

/** clientid arrives as a number (everyone) or a string (query parameters). */
export const ClientId = v.pipe(v.union([v.number(), v.string()]), v.transform(String))
