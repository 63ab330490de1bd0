import { afterEach, describe, expect, it } from 'vitest'
import { clientFor, ERAS, login, protocolError, simulator, type Sim } from './sim-helpers'

let sims: Sim[] = []
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})
async function sim(opts: Parameters<typeof simulator>[0] = {}): Promise<Sim> {
  const s = await simulator(opts)
  sims.push(s)
  return s
}

describe('login against the simulator', () => {
  for (const era of ERAS) {
    it(`era ${era}: QR, scan states, check_sig, getvfwebqq, login2, registration; then polls are accepted`, async () => {
      const s = await sim({ era })
      const client = clientFor(s)
      await login(s, client)
      const creds = client.credentials
      expect(creds?.uin).toBe(s.account().self.qq)
      expect(creds?.vfwebqq).not.toBe('')
      expect(s.state().sessions[0]?.registered).toBe(true)
      // Registered: the first poll is not 103.
      expect((await client.poll()).kind).not.toBe('not-registered')
    })
  }

  it('a QR that expires once is replaced and the login still completes', async () => {
    const s = await sim({ era: '2017' })
    const client = clientFor(s)
    await client.fetchQrCode()
    s.expireQr()
    expect(await client.pollQrState()).toEqual({ state: 'expired' })
    const png = await client.fetchQrCode()
    expect(Array.from(png.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47])
    s.scan()
    const qr = await client.pollQrState()
    expect(qr.state).toBe('confirmed')
    if (qr.state === 'confirmed') await client.completeLogin(qr.checkSigUrl)
    expect(client.credentials?.uin).toBe(s.account().self.qq)
  })

  it('a check_sig URL is single-use: the second completeLogin fails with a typed error', async () => {
    const s = await sim()
    const client = clientFor(s)
    await client.fetchQrCode()
    s.scan()
    const qr = await client.pollQrState()
    if (qr.state !== 'confirmed') throw new Error('not confirmed')
    await client.completeLogin(qr.checkSigUrl)
    const again = clientFor(s)
    const err = await protocolError(again.completeLogin(qr.checkSigUrl))
    expect(err.code).toBe('http')
  })

  it('getvfwebqq survives the s.web2 nginx 404 by retrying', async () => {
    const s = await sim()
    s.injectFault({ type: 'http', endpoint: 'getvfwebqq', status: 404, count: 1 })
    const client = clientFor(s)
    await login(s, client)
    expect(client.credentials).not.toBeNull()
    expect(s.state().requests.getvfwebqq).toBe(2)
  })

  it('a remembered session resumes in a new client without a QR', async () => {
    const s = await sim()
    const first = clientFor(s)
    await login(s, first)
    const saved = JSON.parse(JSON.stringify(await first.exportSession())) as Record<string, unknown>
    const second = clientFor(s)
    await second.importSession(saved)
    const qrShown = s.state().requests.ptqrshow
    const creds = await second.resumeSession()
    expect(creds.uin).toBe(s.account().self.qq)
    expect(s.state().requests.ptqrshow).toBe(qrShown)
    expect((await second.poll()).kind).not.toBe('not-registered')
  })

  it('an expired session cannot be resumed', async () => {
    const s = await sim()
    const first = clientFor(s)
    await login(s, first)
    const saved = JSON.parse(JSON.stringify(await first.exportSession())) as Record<string, unknown>
    s.expireSession()
    const second = clientFor(s)
    await second.importSession(saved)
    const err = await protocolError(second.resumeSession())
    expect(err.code).toBe('retcode')
    expect([100000, 100001]).toContain(err.retcode)
  })
})
