import { describe, expect, it } from 'vitest'
import { openAccountStore } from '../../src/main/store'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, sleep, tempProfile } from '../main/engine/harness'
import { useHeadlessSuite, type HeadlessChild } from './child'

const suite = useHeadlessSuite()

const messageIds = (c: HeadlessChild): string[] => c.lines.filter((l) => l.type === 'message').map((l) => l.id as string)

describe('kill -9 during a burst', () => {
  it('every message reported before the kill is stored exactly once, and the restart neither loses nor repeats any', async () => {
    const sim = await startSimulator({ ...FAST_SIM, account: { buddies: 20, groups: 5, discussions: 2, groupMembers: 20 } })
    const p = tempProfile()
    suite.defer(p.cleanup, () => sim.close())
    const args = ['--server', sim.url, '--profile', p.dir]

    const a = suite.spawn(args)
    await a.next((l) => l.type === 'qr')
    sim.scan({ confirm: true })
    const ready = await a.next((l) => l.type === 'ready')
    const qq = (ready.self as { uin: number }).uin

    // Keep the server pushing while the process dies mid-stream.
    let pushing = true
    const pusher = (async () => {
      while (pushing) {
        sim.burst(50)
        await sleep(10)
      }
    })()
    await a.next(() => messageIds(a).length >= 400, 15_000)
    a.proc.kill('SIGKILL')
    await a.exit()
    pushing = false
    await pusher
    const beforeKill = messageIds(a)

    const b = suite.spawn(args)
    await b.next((l) => l.type === 'ready')
    expect(b.lines.some((l) => l.type === 'qr')).toBe(false)
    // Let the restart drain what the server still held for the session.
    for (let n = -1; n !== messageIds(b).length;) {
      n = messageIds(b).length
      await sleep(500)
    }
    b.send({ cmd: 'quit' })
    expect(await b.exit()).toBe(0)
    const afterRestart = messageIds(b)

    expect(new Set(beforeKill).size).toBe(beforeKill.length)
    expect(afterRestart.filter((id) => beforeKill.includes(id))).toEqual([])

    const store = openAccountStore(p.dir, String(qq))
    try {
      const stored: string[] = []
      for (const c of store.history.listConversations())
        for (let before: string | null = null; ;) {
          const page = store.history.page(c.key, { limit: 500, before })
          stored.push(...page.messages.map((m) => m.id))
          if (!page.next) break
          before = page.next
        }
      expect(new Set(stored).size).toBe(stored.length)
      const storedSet = new Set(stored)
      expect(beforeKill.filter((id) => !storedSet.has(id))).toEqual([])
      expect(afterRestart.filter((id) => !storedSet.has(id))).toEqual([])
      // At most the batch being emitted at the moment of the kill is stored but unreported.
      expect(stored.length - beforeKill.length - afterRestart.length).toBeLessThanOrEqual(50 * 20)
      expect(stored.length).toBeGreaterThanOrEqual(beforeKill.length + afterRestart.length)
    } finally {
      store.close()
    }
  }, 40_000)
})
