/**
 * The checks every s.web2 / d1.web2 API made before doing anything: a Referer from one of the two
 * proxy pages (host only; real clients mixed them up and that worked), the ptlogin + check_sig cookies,
 * and the binding of psessionid / vfwebqq / clientid to the cookie jar.
 */
import * as v from 'valibot'
import { refuse, retcode, type Reply, type SimRequest } from './http-io'
import type { Registry, Session, WebAuth } from './sessions'

const REFERER_HOSTS = new Set(['s.web2.qq.com', 'd1.web2.qq.com'])
/** The cookies reference §5 found to matter; one origin here, so a normal cookie jar sends them all. */
const REQUIRED_COOKIES = ['ptwebqq', 'skey', 'uin', 'p_skey', 'p_uin', 'pt4_token', 'superuin', 'supertoken']

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
  if (!refererAccepted(req))
    return no(
      retcode(MISSING_HEADER, 'referer'),
      'referer',
      `the Referer must be a page on s.web2.qq.com or d1.web2.qq.com (got ${req.headers.referer ?? 'none'})`
    )
  const missing = REQUIRED_COOKIES.filter((name) => !req.cookies.get(name))
  if (missing.length > 0) return no(retcode(MISSING_DATA, 'cookie'), 'cookie-missing', `cookies missing from the request: ${missing.join(', ')}`)
  const auth = registry.authByPskey(req.cookies.get('p_skey')!)
  const qq = auth ? qqCookieValue(auth.ptlogin.qq) : ''
  if (!auth || req.cookies.get('uin') !== qq || req.cookies.get('p_uin') !== qq || req.cookies.get('skey') !== auth.ptlogin.skey)
    return no(
      retcode(REFUSED, 'login domain error'),
      'cookie-refused',
      auth ? 'the uin, p_uin or skey cookie does not belong to the login of this p_skey' : 'the p_skey cookie belongs to no login of this simulator'
    )
  return { ok: true, auth }
}

function no(reply: Reply, rule: string, detail: string): { ok: false; reply: Reply } {
  return { ok: false, reply: refuse(reply, rule, detail) }
}

/** Why an auth is no longer alive, for the refusal log. */
export function deadAuthDetail(auth: WebAuth): string {
  return `the login behind these cookies has ended (${auth.status})`
}

export interface Binding {
  /** undefined = this endpoint does not take one; null = it does but the request lacks it. */
  psessionid?: string | null
  vfwebqq?: string | null
  clientid?: string | null
}

/** A live session bound to this cookie jar, with matching psessionid / vfwebqq / clientid. */
export function liveSession(registry: Registry, req: SimRequest, binding: Binding): Checked<{ auth: WebAuth; session: Session }> {
  const g = guardWeb2(registry, req)
  if (!g.ok) return g
  const { auth } = g
  if (auth.status !== 'alive') return no(retcode(REFUSED, 'login domain error'), 'session-ended', deadAuthDetail(auth))
  // login2's vfwebqq is a decoy (seed 流程五): only getvfwebqq's value opens the contact APIs.
  if (binding.vfwebqq !== undefined && binding.vfwebqq !== auth.vfwebqq)
    return no(
      retcode(REFUSED, 'vfwebqq'),
      'vfwebqq',
      binding.vfwebqq === null
        ? 'vfwebqq is missing'
        : binding.vfwebqq === auth.session?.decoyVfwebqq
          ? "vfwebqq is login2's decoy; use the one getvfwebqq answered"
          : 'vfwebqq is not the one getvfwebqq answered for these cookies'
    )
  const session = auth.session
  if (!session || session.ended)
    return no(
      retcode(LOGIN_ERROR, 'login error'),
      'no-session',
      session ? `the session has ended (${session.ended})` : 'login2 has not been called for these cookies'
    )
  if (binding.psessionid !== undefined && binding.psessionid !== session.psessionid)
    return no(retcode(LOGIN_ERROR, 'psessionid'), 'psessionid', 'psessionid is missing or not the one login2 answered for these cookies')
  if (binding.clientid !== undefined && binding.clientid !== session.clientid)
    return no(retcode(LOGIN_ERROR, 'clientid'), 'clientid', 'clientid is missing or not the one given to login2')
  return { ok: true, auth, session }
}

/** The `r` JSON of a form POST (or of the query, where `allowQuery`), validated against `schema`. */
export function readR<S extends v.GenericSchema>(req: SimRequest, schema: S, allowQuery = false): Checked<{ r: v.InferOutput<S> }> {
  let raw: string | null = null
  if (req.method === 'POST') raw = req.form?.get('r') ?? null
  else if (allowQuery) raw = req.query.get('r')
  if (raw === null)
    return no(
      retcode(BAD_REQUEST, 'form field r required'),
      'r-missing',
      'the body must be application/x-www-form-urlencoded with a field r holding JSON'
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return no(retcode(BAD_REQUEST, 'r is not JSON'), 'r-not-json', 'the form field r is not JSON')
  }
  const result = v.safeParse(schema, parsed)
  if (!result.success) {
    const why = v.summarize(result.issues)
    return no(retcode(BAD_REQUEST, why), 'r-shape', `r does not have the expected fields: ${why}`)
  }
  return { ok: true, r: result.output }
}

/** clientid arrives as a number (everyone) or a string (query parameters). */
export const ClientId = v.pipe(v.union([v.number(), v.string()]), v.transform(String))
