import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine, StorageStatusDto } from '../../../src/main/engine'
import { openAccountStore, type AccountStore, type HistoryStore } from '../../../src/main/store'
import { startSimulator } from '../../../src/simulator'
import { FAST_SIM, loginByQr, makeEngine, record, tempProfile, useEngineSuite } from './harness'

const suite = useEngineSuite()

function storageEvents(engine: Engine): StorageStatusDto[] {
  const seen: StorageStatusDto[] = []
  engine.on('storage', (s) => seen.push(s))
  return seen
}

async function until(what: string, ok: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * A real store whose history refuses appendBatch the way a full disk does (SQLITE_FULL) while `full` is
 * set; everything else is the real store.
 */
function fillableStore(profile: string): { open(account: number): AccountStore; full: boolean } {
  const control = {
    full: false,
    open(account: number): AccountStore {
      const store = openAccountStore(profile, String(account))
      const history: HistoryStore = new Proxy(store.history, {
        get(target, prop) {
          if (prop === 'appendBatch' && control.full)
            return () => {
              throw Object.assign(new Error('appendBatch: database or disk is full'), { errcode: 13 })
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

describe('engine storage health', () => {
  it('a full disk: messages are still shown, the person is told, and they are saved once space returns', async () => {
    const p = tempProfile()
    const disk = fillableStore(p.dir)
    const sim = await startSimulator(FAST_SIM)
    const engine = makeEngine(sim, p.dir, { openStore: (a) => disk.open(a), storageRetryMs: 100 })
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => engine.stop()
    )
    const rec = record(engine)
    const statuses = storageEvents(engine)
    engine.start()
    await loginByQr(sim, rec)
    const buddy = sim.account().buddies[0]!

    disk.full = true
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'while the disk is full' })
    await rec.next('message', (m) => m.text === 'while the disk is full')
    await until('a storage problem', () => statuses.some((s) => !s.ok))
    expect(statuses.at(-1)).toMatchObject({ ok: false, reason: 'disk-full', unsaved: 1, path: expect.stringMatching(/history-\d+\.sqlite$/) })
    expect(engine.storage.ok).toBe(false)

    disk.full = false
    // Nothing else arrives: the retry alone saves it.
    await until('storage to recover', () => engine.storage.ok)
    expect(statuses.at(-1)).toMatchObject({ ok: true, reason: null, unsaved: 0 })
    expect(engine.history('buddy', buddy.uin!).messages.map((m) => m.text)).toEqual(['while the disk is full'])

    // Full again, then a later batch arrives after space returned: both are saved, in order, once.
    disk.full = true
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'second' })
    await rec.next('message', (m) => m.text === 'second')
    disk.full = false
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'third' })
    await rec.next('message', (m) => m.text === 'third')
    await until('storage to recover again', () => engine.storage.ok)
    expect(engine.history('buddy', buddy.uin!).messages.map((m) => m.text)).toEqual(['third', 'second', 'while the disk is full'])
  })

  it('a folder where the history file should be: signs in, receives and sends in memory, says where, quits cleanly', async () => {
    const p = tempProfile()
    const sim = await startSimulator(FAST_SIM)
    const qq = sim.account().self.qq
    mkdirSync(join(p.dir, `history-${qq}.sqlite`))
    const engine = makeEngine(sim, p.dir)
    suite.defer(p.cleanup, () => sim.close())
    const rec = record(engine)
    const statuses = storageEvents(engine)
    engine.start()
    await loginByQr(sim, rec)
    expect(statuses).toEqual([
      expect.objectContaining({ ok: false, reason: 'unavailable', path: join(p.dir, `history-${qq}.sqlite`), movedTo: null })
    ])

    const buddy = sim.account().buddies[1]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'hello in memory' })
    await rec.next('message', (m) => m.text === 'hello in memory')
    expect(engine.history('buddy', buddy.uin!).messages.map((m) => m.text)).toEqual(['hello in memory'])
    expect(engine.search('in memory').messages).toHaveLength(1)
    const sent = engine.send({ kind: 'buddy', to: buddy.uin!, text: 'reply' })
    await rec.next('outbox', (o) => o.id === sent[0]!.id && o.state === 'sent')
    await engine.stop()
    // The folder is left alone: never moved aside, never deleted.
    expect(readdirSync(join(p.dir, `history-${qq}.sqlite`))).toEqual([])
  })

  it('a damaged history file: moved aside, a new one started, and the event says where the old one went', async () => {
    const p = tempProfile()
    const sim = await startSimulator(FAST_SIM)
    const qq = sim.account().self.qq
    const path = join(p.dir, `history-${qq}.sqlite`)
    writeFileSync(path, Buffer.alloc(8192, 0x5a))
    const engine = makeEngine(sim, p.dir)
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => engine.stop()
    )
    const rec = record(engine)
    const statuses = storageEvents(engine)
    engine.start()
    await loginByQr(sim, rec)
    expect(statuses).toHaveLength(1)
    const moved = statuses[0]!
    expect(moved).toMatchObject({ ok: true, reason: 'damaged', path })
    expect(moved.movedTo).toMatch(/history-\d+\.sqlite\.corrupt-/)
    expect(existsSync(moved.movedTo!)).toBe(true)
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'stored in the new file' })
    await rec.next('message', (m) => m.text === 'stored in the new file')
    expect(engine.history('buddy', buddy.uin!).messages).toHaveLength(1)
  })
})
