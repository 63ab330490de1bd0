/**
 * Turns a failure to reach the server into one of the stable reasons the UI and the headless mode
 * name (src/shared/errors.ts): refused, dns, timeout, tls, http-status, not-smartqq. Only transport
 * failures and answers that are not SmartQQ's count; a server verdict (a retcode) is not "unreachable".
 */
import type { ServerUnreachableReason } from '../../shared/errors'
import { ProtocolError } from './errors'

export interface Unreachable {
  reason: ServerUnreachableReason
  /** The HTTP status, for 'http-status'. */
  httpStatus: number | null
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'])
/** Node's (OpenSSL's) certificate verification codes, and handshake failures. */
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)|HOSTNAME_MISMATCH$|EPROTO$)/

/** The error codes along the cause chain (got wraps Node's error, which may wrap another). */
function codesOf(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

export function classifyUnreachable(error: unknown): Unreachable | null {
  if (!(error instanceof ProtocolError)) return null
  const at = (reason: ServerUnreachableReason, httpStatus: number | null = null): Unreachable => ({ reason, httpStatus })
  switch (error.code) {
    case 'timeout':
      return at('timeout')
    case 'http':
      return at('http-status', error.httpStatus)
    case 'malformed':
    case 'too-large':
      return at('not-smartqq')
    case 'network': {
      const codes = codesOf(error.cause)
      if (codes.some((c) => DNS_CODES.has(c))) return at('dns')
      if (codes.some((c) => TLS_CODE.test(c)) || /certificate|ssl|tls/i.test(error.message)) return at('tls')
      if (codes.includes('ETIMEDOUT')) return at('timeout')
      // Refused, reset, unreachable network: nothing there that will talk to us.
      return at('refused')
    }
    default:
      return null
  }
}
