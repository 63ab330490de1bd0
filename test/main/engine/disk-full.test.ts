/**
 * A full disk as the README promises it (issue 15 row 4): the `storage` notice is emitted once per
 * change of the situation, not once per refused batch. Real engine against the simulator on loopback;
 * the history refuses writes the way a full disk does (SQLITE_FULL) while `full` is set.
 */
import { describe, expect, it } from 'vitest'
import type { Engine, StorageStatusDto } from '../../../src/main/engine'
import { openAccountStore, type AccountStore, type HistoryStore } from '../../../src/main/store'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, loginByQr, makeEngine, record, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

function diskFull(): Error {
  return Object.assign(new Error('database or disk is full'), { errcode: 13 })
}

function fillableStore(profile: string): { open(account: number): AccountStore; full: boolean } {
  const control = {
    full: false,
    open(account: number): AccountStore {
      const store = openAccountStore(profile, String(account))
      const history: HistoryStore = new Proxy(store.history, {
        get(target, prop) {
          if (prop === 'appendBatch' && control.full)
            return () => {
              throw diskFull()
            }
          const value: unknown = Reflect.get(target, prop)
          return typeof value === 'function' ? value.bind(target) : value
        }
      })
      return { ...store, history, close: () => store.close(), searchIndex: store.searchIndex }
    }
  }
  return control
}

async function until(what: string, ok: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function fullDisk() {
  const p = tempProfile()
  const disk = fillableStore(p.dir)
  const sim = await startSimulator(FAST_SIM)
  const engine: Engine = makeEngine(sim, p.dir, { openStore: (a) => disk.open(a), storageRetryMs: 50 })
  suite.defer(
    p.cleanup,
    () => sim.close(),
    () => engine.stop()
  )
  const rec = record(engine)
  const statuses: StorageStatusDto[] = []
  engine.on('storage', (s) => statuses.push(s))
  engine.start()
  await loginByQr(sim, rec)
  return { disk, sim, engine, rec, statuses }
}

describe('a full disk', () => {
  it('says so once per change of state, however many batches it refuses', async () => {
    const { disk, sim, engine, rec, statuses } = await fullDisk()
    const buddy = sim.account().buddies[0]!
    disk.full = true
    // One batch per message (each waits for the previous one), with retries failing in between.
    for (let i = 0; i < 20; i++) {
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: `unsaved ${i}` })
      await rec.next('message', (m) => m.text === `unsaved ${i}`)
    }
    expect(statuses).toEqual([expect.objectContaining({ ok: false, reason: 'disk-full', unsaved: 1 })])
    expect(engine.storage).toMatchObject({ ok: false, reason: 'disk-full', unsaved: 20 })
    disk.full = false
    await until('storage to recover', () => engine.storage.ok)
    expect(statuses.map((s) => s.ok)).toEqual([false, true])
    expect(engine.history('buddy', buddy.uin!, { limit: 50 }).messages).toHaveLength(20)
  })
})
