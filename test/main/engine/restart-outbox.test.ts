/**
 * A send issued while signed out (the session died with 100000 on poll), then quit, then a restart
 * with the same profile where the remembered session is refused and a new QR is scanned: the queued
 * message goes out exactly once after the new login.
 */
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, loginByQr, makeEngine, record, sleep, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

describe('outbox across a dead session and a restart', () => {
  // 2015: the first process had learned QQ numbers (get_friend_uin2), so the entry is stored under
  // buddy:qq:…; the new process only knows that key once its own lookups have run.
  for (const era of ['2015', '2017'] as const)
    it(`a message queued while signed out is delivered exactly once after the restart and a new QR login (era ${era})`, async () => {
      const sim = await startSimulator({ ...FAST_SIM, era })
      const p = tempProfile()
      suite.defer(p.cleanup, () => sim.close())
      const first = makeEngine(sim, p.dir, { log: process.env.ENGINE_LOG ? (m) => process.stderr.write(`[1] ${m}\n`) : undefined })
      const rec1 = record(first)
      first.start()
      await loginByQr(sim, rec1)
      const buddy = (await sim.account({ members: false })).buddies[0]!

      // The session dies on poll with 100000.
      const mark = rec1.mark()
      sim.injectFault({ type: 'retcode', endpoint: 'poll2', retcode: 100000 })
      expect((await rec1.next('state', (s) => s.state === 'signed-out', 8000, mark)).reason).toBe('expired')
      await rec1.next('qr', undefined, 8000, mark)
      const [entry] = first.send({ kind: 'buddy', to: buddy.uin!, text: 'written while signed out', ref: 'late' })
      expect(entry!.state).toBe('queued')
      await first.stop()

      // The server no longer takes the old session either.
      sim.expireSession()
      const second = makeEngine(sim, p.dir, { log: process.env.ENGINE_LOG ? (m) => process.stderr.write(`[2] ${m}\n`) : undefined })
      suite.defer(() => second.stop())
      const rec2 = record(second)
      second.start()
      await loginByQr(sim, rec2)
      const done = await rec2.next('outbox', (o) => o.ref === 'late' && o.state !== 'queued' && o.state !== 'sending', 10_000)
      expect(done.state).toBe('sent')
      await sleep(500)
      const sent = sim.sent().filter((s) => s.text === 'written while signed out')
      expect(sent).toHaveLength(1)
      expect(sent[0]!.targetRef).toBe(buddy.qq)
      expect(second.outbox()).toEqual([])
    })
})
