/**
 * The connection model's pure parts: why a request could not reach the server (each cause from the
 * error the protocol client gives), what counts as the server's verdict, and a retry wait that never
 * exceeds the cap (so the client is back within 20 s of the server answering) and that Retry now ends.
 */
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src/main/protocol'
import { connectionCause, DEFAULT_BACKOFF_MAX_MS, isVerdict, RetryWaker, TroubleStreak } from '../../../src/main/engine/connection'
import { systemClock } from '../../../src/main/engine'

const network = (code: string) =>
  new ProtocolError({ code: 'network', endpoint: 'poll2', detail: 'network failure', cause: Object.assign(new Error(code), { code }) })

describe('connection causes', () => {
  it.each([
    [network('ECONNREFUSED'), 'refused'],
    [network('ENOTFOUND'), 'dns'],
    [network('EAI_AGAIN'), 'dns'],
    [network('CERT_HAS_EXPIRED'), 'tls'],
    [network('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [network('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [network('ECONNRESET'), 'reset'],
    [new ProtocolError({ code: 'timeout', endpoint: 'poll2', detail: 'request timed out' }), 'timeout'],
    [new ProtocolError({ code: 'http', endpoint: 'poll2', httpStatus: 502, detail: 'HTTP 502' }), 'http-status'],
    [new ProtocolError({ code: 'malformed', endpoint: 'poll2', httpStatus: 200, detail: 'not JSON' }), 'not-smartqq']
  ] as const)('%s is %s', (error, cause) => {
    expect(connectionCause(error)).toBe(cause)
    expect(isVerdict(error)).toBe(false)
  })

  it('takes only the server’s refusals and unusable tokens as a verdict', () => {
    expect(isVerdict(new ProtocolError({ code: 'retcode', endpoint: 'getvfwebqq', retcode: 100000, detail: 'refused' }))).toBe(true)
    expect(isVerdict(new ProtocolError({ code: 'bad-token', endpoint: 'getvfwebqq', detail: 'unusable' }))).toBe(true)
    expect(isVerdict(new Error('anything else'))).toBe(false)
  })
})

describe('retry waits', () => {
  it('never wait longer than the default cap of 15 s, however long the outage', () => {
    const streak = new TroubleStreak({ ...systemClock, random: () => 0.999 }, DEFAULT_BACKOFF_MAX_MS)
    const waits = Array.from({ length: 40 }, () => streak.failed(network('ECONNREFUSED')).delay)
    expect(Math.max(...waits)).toBeLessThanOrEqual(15_000)
    expect(waits.at(-1)).toBeGreaterThan(14_000)
    const { trouble } = streak.failed(network('ECONNREFUSED'))
    expect(trouble).toMatchObject({ cause: 'refused', attempt: 41 })
  })

  it('Retry now ends a wait at once; with no wait running it says so', async () => {
    const waker = new RetryWaker(systemClock)
    expect(waker.wake()).toBe(false)
    const started = Date.now()
    const waiting = waker.sleep(60_000, new AbortController().signal)
    expect(waker.wake()).toBe(true)
    await waiting
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
