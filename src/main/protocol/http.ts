/**
 * The one got instance: browser headers, the endpoint's Referer (and Origin on POSTs), `r` form
 * bodies, explicit timeouts, retry only where the endpoint table allows it, no redirect following
 * (check_sig must be read as the 302 it is) and no thrown HTTP errors: callers classify statuses.
 * Transport failures come out as ProtocolError ('network' | 'timeout' | 'aborted').
 */
import got, { type Got, type RetryOptions } from 'got'
import { endpointUrl, originOf, type Endpoint } from './endpoints'
import { ProtocolError } from './errors'
import type { SessionJar } from './cookies'

export const DEFAULT_USER_AGENT = 'Mozilla/5.0 (Windows NT 6.3; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/45.0.2454.101 Safari/537.36'

export interface HttpOptions {
  serverUrl?: string
  userAgent?: string
  requestTimeoutMs: number
  pollTimeoutMs: number
  /** got retries of idempotent GETs. */
  retryLimit: number
  /** Upper bound of one retry delay (got doubles from 1 s up to this). */
  retryBackoffLimitMs: number
  /** Largest body accepted, counted AFTER decompression (a small gzip can expand to gigabytes). */
  maxBodyBytes: number
}

export interface HttpResponse {
  status: number
  body: Uint8Array
  text: string
  url: string
}

export interface RequestInit {
  query?: Record<string, string | number>
  /** POST body: sent as the single form field `r` holding this value as JSON. */
  r?: unknown
  /** Absolute URL instead of the endpoint's (check_sig). */
  url?: URL
  signal?: AbortSignal
}

export type HttpRequest = (endpoint: Endpoint, init?: RequestInit) => Promise<HttpResponse>

const utf8 = new TextDecoder()
const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504, 521, 522, 524]

export function createHttp(jar: SessionJar, options: HttpOptions): HttpRequest {
  const client: Got = got.extend({
    cookieJar: jar.jar,
    throwHttpErrors: false,
    followRedirect: false,
    headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT }
  })

  function retryFor(endpoint: Endpoint): Partial<RetryOptions> {
    if (endpoint.retry === 'none') return { limit: 0 }
    return {
      limit: options.retryLimit,
      methods: ['GET'],
      statusCodes: endpoint.retry === 'nginx404' ? [404, ...RETRIED_STATUSES] : RETRIED_STATUSES,
      backoffLimit: options.retryBackoffLimitMs,
      noise: 0
    }
  }

  return async function request(endpoint, init = {}) {
    const url = init.url ?? endpointUrl(endpoint, options.serverUrl)
    for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = {}
    if (endpoint.referer !== null) headers.referer = endpoint.referer
    if (endpoint.method === 'POST' && endpoint.referer !== null) headers.origin = originOf(endpoint.referer)
    let tooLarge = false
    const cutOff = new AbortController()
    try {
      const pending = client(url, {
        method: endpoint.method,
        headers,
        form: init.r === undefined ? undefined : { r: JSON.stringify(init.r) },
        timeout: { request: endpoint.long ? options.pollTimeoutMs : options.requestTimeoutMs },
        retry: retryFor(endpoint),
        signal: init.signal ? AbortSignal.any([init.signal, cutOff.signal]) : cutOff.signal,
        responseType: 'buffer'
      })
      // got counts downloaded bytes after its decompression stream, so this stops a gzip bomb early,
      // before the body is buffered, and the memory it costs stays bounded by the cap.
      pending.on('downloadProgress', (progress: { transferred: number }) => {
        if (progress.transferred > options.maxBodyBytes && !tooLarge) {
          tooLarge = true
          cutOff.abort()
        }
      })
      const res = await pending
      const body = res.body
      return { status: res.statusCode, body, text: utf8.decode(body), url: url.href }
    } catch (error) {
      if (tooLarge)
        throw new ProtocolError({
          code: 'too-large',
          endpoint: endpoint.name,
          detail: `response body larger than ${options.maxBodyBytes} bytes (after decompression); cut off`,
          cause: error
        })
      throw transportError(endpoint, error, init.signal)
    }
  }
}

function transportError(endpoint: Endpoint, error: unknown, signal: AbortSignal | undefined): ProtocolError {
  const e = error as { name?: string; code?: string; message?: string }
  if (signal?.aborted || e.name === 'AbortError' || e.code === 'ERR_ABORTED') {
    return new ProtocolError({ code: 'aborted', endpoint: endpoint.name, detail: 'request aborted', cause: error })
  }
  // A header value we were about to send is unusable: a local token problem, not the network (retrying cannot help).
  if (e.code === 'ERR_INVALID_CHAR' || e.code === 'ERR_HTTP_INVALID_HEADER_VALUE' || e.code === 'ERR_INVALID_HTTP_TOKEN') {
    return new ProtocolError({ code: 'bad-token', endpoint: endpoint.name, detail: `a request header could not be sent (${e.code})`, cause: error })
  }
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') {
    return new ProtocolError({ code: 'timeout', endpoint: endpoint.name, detail: 'request timed out', cause: error })
  }
  const detail = `network failure (${e.code ?? e.name ?? 'unknown'}: ${e.message ?? String(error)})`
  return new ProtocolError({ code: 'network', endpoint: endpoint.name, detail, cause: error })
}
