/**
 * Method tolerance where real clients differed from the web page: qq-bot-rebown POSTed to
 * `get_discus_list` (parameters in the query string, an `r` body) for a year, and the service
 * answered; clients also sent the POST list endpoints' `r` in a GET query. Such a request is served
 * as if sent the expected way, and the mismatch is counted (state().methodMismatches).
 */
import type { SimRequest } from './http-io'

/** The s.web2 / d1.web2 read endpoints (contact lists and info, getvfwebqq); never login2, poll2 or sends. */
export function tolerates(key: string, contactKeys: ReadonlySet<string>): boolean {
  return key === 'getvfwebqq' || contactKeys.has(key)
}

/**
 * `req` rewritten to the method the route expects:
 * - POST to a GET endpoint: the query parameters, plus any scalar field of the `r` JSON body the
 *   query lacks;
 * - GET to a POST endpoint: the query's `r` becomes the form body.
 */
export function asExpected(req: SimRequest, expected: string): SimRequest {
  if (expected === 'GET') {
    const query = new URLSearchParams(req.query)
    for (const [k, v] of Object.entries(rFields(req))) if (!query.has(k)) query.set(k, v)
    return { ...req, method: 'GET', query }
  }
  const r = req.query.get('r')
  return { ...req, method: 'POST', form: new URLSearchParams(r === null ? {} : { r }) }
}

function rFields(req: SimRequest): Record<string, string> {
  const raw = req.form?.get('r')
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v)
    return out
  } catch {
    return {}
  }
}
