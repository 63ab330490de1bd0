/**
 * A full disk as the README promises it (issue 15 row 4): the `storage` notice is emitted once per
 * change of the situation, not once per refused batch. Real engine against the simulator on loopback;
 * the history refuses writes the way a full disk does (SQLITE_FULL) while `full` is set.
 */
import { describe, expect, it } from 'vitest'
import type { Engine, StorageStatusDto } from '../../../src/main/engine'
import { openAccountStore, type AccountStore, type HistoryStore, type OutboxStore } from '../../../src/main/store'
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
      // The outbox lives in the same file: a full disk refuses new sends too.
      const outbox: OutboxStore = new Proxy(store.outbox, {
        get(target, prop) {
          if (prop === 'enqueue' && control.full)
            return () => {
              throw diskFull()
            }
          const value: unknown = Reflect.get(target, prop)
          return typeof value === 'function' ? value.bind(target) : value
        }
      })
      return { ...store, history, outbox, close: () => store.close(), searchIndex: store.searchIndex }
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

  it('keeps unsaved messages visible in history and search this session, marked, among the stored ones', async () => {
    const { disk, sim, engine, rec } = await fullDisk()
    const buddy = sim.account().buddies[0]!
    for (const text of ['stored one', 'stored two']) {
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text })
      const live = await rec.next('message', (m) => m.text === text)
      expect(live.unsaved).toBeUndefined()
    }
    disk.full = true
    for (let i = 0; i < 3; i++) {
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: `unsaved ${i}` })
      // Marked as it arrives, not only once the conversation is loaded again.
      const live = await rec.next('message', (m) => m.text === `unsaved ${i}`)
      expect(live.unsaved).toBe(true)
    }
    const shown = engine.history('buddy', buddy.uin!).messages
    expect(shown.map((m) => [m.text, m.unsaved ?? false])).toEqual([
      ['unsaved 2', true],
      ['unsaved 1', true],
      ['unsaved 0', true],
      ['stored two', false],
      ['stored one', false]
    ])
    // Paged two at a time, across both kinds, each message once.
    const paged: string[] = []
    let before: string | null = null
    do {
      const page = engine.history('buddy', buddy.uin!, { limit: 2, before })
      paged.push(...page.messages.map((m) => m.text))
      before = page.next
    } while (before)
    expect(paged).toEqual(['unsaved 2', 'unsaved 1', 'unsaved 0', 'stored two', 'stored one'])
    expect(engine.search('unsaved 1').messages.map((m) => [m.text, m.unsaved])).toEqual([['unsaved 1', true]])
    expect(engine.search('STORED', { kind: 'buddy', id: buddy.uin! }).messages.map((m) => m.text)).toEqual(['stored two', 'stored one'])

    disk.full = false
    await until('storage to recover', () => engine.storage.ok)
    const saved = engine.history('buddy', buddy.uin!).messages
    expect(saved.map((m) => m.text)).toEqual(['unsaved 2', 'unsaved 1', 'unsaved 0', 'stored two', 'stored one'])
    expect(saved.some((m) => m.unsaved)).toBe(false)
  })

  it('keeps sending: a send the disk refuses goes out once from memory, shown marked unsaved', async () => {
    const { disk, sim, engine, rec, statuses } = await fullDisk()
    const buddy = sim.account().buddies[0]!
    disk.full = true
    const [entry] = engine.send({ kind: 'buddy', to: buddy.uin!, text: 'sent while the disk is full', ref: 'r1' })
    expect(entry).toMatchObject({ state: 'queued' })
    await rec.next('outbox', (o) => o.id === entry!.id && o.state === 'sent')
    await until('the server to have it', () => sim.sent().some((s) => s.text === 'sent while the disk is full'))
    expect(sim.sent().filter((s) => s.text === 'sent while the disk is full')).toHaveLength(1)
    expect(statuses.at(-1)).toMatchObject({ ok: false, reason: 'disk-full' })
    expect(engine.outboxByRef('r1')).toMatchObject({ id: entry!.id, state: 'sent' })
    const shown = engine.history('buddy', buddy.uin!).messages
    expect(shown.map((m) => [m.text, m.self, m.state, m.unsaved])).toEqual([['sent while the disk is full', true, 'sent', true]])
  })
})
