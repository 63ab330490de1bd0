/**
 * Shared plumbing of the old-client emulations: each client wrote real qq.com URLs; here only the
 * scheme and host are replaced by the simulator's, as the check did ("host names pointed at
 * loopback"). Everything else (headers, bodies, cookie handling) is each client's own.
 */
import { rawRequest, type HttpResult } from '../client'

export type { HttpResult }

/** `https://s.web2.qq.com/api/x?y` -> `<base>/api/x?y`. */
export function onSim(base: string, url: string): string {
  return base + url.replace(/^https?:\/\/[^/]+/, '')
}

export function setCookieLines(res: HttpResult): string[] {
  const set = res.headers['set-cookie']
  return Array.isArray(set) ? set : typeof set === 'string' ? [set] : []
}

export async function send(base: string, method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<HttpResult> {
  return rawRequest(onSim(base, url), { method, headers, ...(body !== undefined && { body }) })
}

/** x-www-form-urlencoded `r=<JSON>`, the body every one of them POSTed. */
export function formR(r: unknown): string {
  return 'r=' + encodeURIComponent(JSON.stringify(r))
}

/** The message a poll answer carries, reduced to what the bots read. */
export interface Received {
  pollType: string
  fromUin: number
  sendUin: number | null
  text: string
}

export function received(element: { poll_type: string; value: { from_uin: number; send_uin?: number; content: unknown[] } }): Received {
  return {
    pollType: element.poll_type,
    fromUin: element.value.from_uin,
    sendUin: element.value.send_uin ?? null,
    text: element.value.content.filter((c): c is string => typeof c === 'string').join('')
  }
}
