import { afterEach, describe, expect, it } from 'vitest'
import { isLoopback } from '../../src/simulator/admin'
import { startSimulator, type Simulator } from '../../src/simulator/index'
import { loggedIn, rawRequest, TestClient } from './client'

let sim: Simulator
afterEach(async () => sim?.close())

function admin(path: string, body?: unknown): ReturnType<typeof rawRequest> {
  return rawRequest(
    sim.url + '/__sim/' + path,
    body === undefined
      ? {}
      : {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' }
        }
  )
}

describe('admin API', () => {
  it('only loopback addresses count as local', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopback('192.168.1.5')).toBe(false)
    expect(isLoopback('::ffff:10.0.0.2')).toBe(false)
  })

  it('drives a whole login and conversation over HTTP', async () => {
    sim = await startSimulator({ pollHoldMs: 100, sendIntervalMs: 0 })
    const c = new TestClient(sim.url)
    expect((await admin('scan', {})).status).toBe(400)
    await c.showQr()
    expect((await admin('state')).json().qr.state).toBe('waiting')
    expect((await admin('scan', { confirm: false })).json()).toEqual({ ok: true })
    expect((await c.qrState())[0]).toBe('67')
    await admin('scan', {})
    const url = (await c.qrState())[2]!
    await c.completeLogin(url)
    const acc = (await admin('account')).json()
    expect(acc.buddies[0].uin).toEqual(expect.any(Number))
    expect((await admin('push', { kind: 'buddy', from: acc.buddies[0].qq, text: 'hey' })).json()).toEqual({ ok: true })
    expect((await admin('push', { kind: 'buddy', from: 1, text: 'stranger' })).status).toBe(400)
    expect((await admin('push', { kind: 'nope' })).status).toBe(400)
    expect((await c.poll()).json().result[0].value.content[1]).toBe('hey')
    await admin('burst', { count: 5 })
    expect((await c.poll()).json().result).toHaveLength(5)
    await admin('status', { qq: acc.buddies[0].qq, status: 'busy' })
    expect((await c.poll()).json().result[0].poll_type).toBe('buddies_status_change')
    await admin('fault', { type: 'http', endpoint: 'poll2', status: 502 })
    expect((await c.poll()).status).toBe(502)
    expect((await admin('fault', { type: 'nonsense' })).status).toBe(400)
    const state = (await admin('state')).json()
    expect(state.requests.poll2).toBe(4)
    expect(state.sessions[0].registered).toBe(true)
    await admin('kick', {})
    expect((await c.poll()).json().result[0].poll_type).toBe('kick_message')
    expect((await admin('sent')).json()).toEqual([])
    expect((await admin('nothing')).status).toBe(404)
  })

  it('refuses a slow fault that could never finish (bytesPerTick <= 0, negative tickMs) with a 400 and a sentence', async () => {
    sim = await startSimulator({ pollHoldMs: 100 })
    for (const bytesPerTick of [0, -1]) {
      const r = await admin('fault', { type: 'slow', endpoint: 'poll2', bytesPerTick })
      expect(r.status).toBe(400)
      expect(r.json().error).toMatch(/^bytesPerTick must be at least 1 byte/)
    }
    const r = await admin('fault', { type: 'slow', endpoint: 'poll2', tickMs: -5 })
    expect(r.status).toBe(400)
    expect(r.json().error).toMatch(/^tickMs must be 0 or more/)
    expect(() => sim.injectFault({ type: 'slow', endpoint: 'poll2', bytesPerTick: 0 })).toThrow(/bytesPerTick must be at least 1 byte/)
    // Nothing was armed: a request still answers at once.
    expect((await admin('fault', { type: 'slow', endpoint: 'poll2', bytesPerTick: 1, count: 1 })).status).toBe(200)
  })

  it('expire-session and expire-qr', async () => {
    sim = await startSimulator({ pollHoldMs: 100 })
    const c = await loggedIn(sim)
    await admin('expire-session', {})
    expect((await c.poll()).json().retcode).toBe(100001)
    const d = new TestClient(sim.url)
    await d.showQr()
    await admin('expire-qr', {})
    expect((await d.qrState())[0]).toBe('65')
  })

  it('lively scenario pushes messages on its own', async () => {
    sim = await startSimulator({ scenario: 'lively', livelyIntervalMs: 20, pollHoldMs: 1000 })
    const c = await loggedIn(sim)
    const res = (await c.poll()).json()
    expect(res.retcode).toBe(0)
    expect(res.result.length).toBeGreaterThan(0)
  })
})
