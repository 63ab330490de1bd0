/**
 * From an HTTP response to a validated value: status, JSON, envelope retcode, valibot schema.
 * Every way a body can be wrong ends here as a ProtocolError with an excerpt of the body.
 */
import * as v from 'valibot'
import type { Endpoint } from './endpoints'
import { ProtocolError } from './errors'
import type { HttpResponse, RequestInit } from './http'
import type { ClientContext } from './context'
import { EnvelopeSchema } from './schemas/common'

export function httpError(endpoint: Endpoint, res: HttpResponse, detail = 'unexpected HTTP status'): ProtocolError {
  return new ProtocolError({ code: 'http', endpoint: endpoint.name, httpStatus: res.status, body: res.text, detail })
}

function malformed(endpoint: Endpoint, res: HttpResponse, detail: string): ProtocolError {
  return new ProtocolError({ code: 'malformed', endpoint: endpoint.name, httpStatus: res.status, body: res.text, detail })
}

/** The body of a 200 answer as JSON; anything else (HTML, empty, truncated) is a ProtocolError. */
export function readJson(endpoint: Endpoint, res: HttpResponse): unknown {
  if (res.status !== 200) throw httpError(endpoint, res)
  if (res.text.trim() === '') throw malformed(endpoint, res, 'empty body')
  try {
    return JSON.parse(res.text)
  } catch {
    throw malformed(endpoint, res, 'body is not JSON')
  }
}

/** Validates `value` against `schema`; a mismatch names the first offending path. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown, endpoint: Endpoint, res: HttpResponse): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value)
  if (parsed.success) return parsed.output
  const issue = parsed.issues[0]
  const path = v.getDotPath(issue) ?? '(root)'
  throw malformed(endpoint, res, `unexpected shape at ${path}: ${issue.message}`)
}

/** The `result` of a retcode-0 answer; any other retcode is a 'retcode' ProtocolError. */
export function okResult(endpoint: Endpoint, res: HttpResponse): unknown {
  const envelope = check(EnvelopeSchema, readJson(endpoint, res), endpoint, res)
  if (envelope.retcode !== 0) {
    throw new ProtocolError({
      code: 'retcode',
      endpoint: endpoint.name,
      httpStatus: res.status,
      retcode: envelope.retcode,
      body: res.text,
      detail: 'server refused'
    })
  }
  return envelope.result
}

/** One JSON API call: request, then retcode 0 and a `result` of the expected shape. */
export async function callApi<S extends v.GenericSchema>(
  ctx: ClientContext,
  endpoint: Endpoint,
  init: RequestInit,
  schema: S
): Promise<v.InferOutput<S>> {
  const res = await ctx.request(endpoint, init)
  return check(schema, okResult(endpoint, res), endpoint, res)
}
