/**
 * Unsolicited traffic: `lively` = contacts chat now and then (text and faces across buddies, groups,
 * discussions, plus presence changes); `load` = bursts for benchmarks. All draws are seeded.
 */
import type { Segment } from '../shared/domain'
import { FACE_ENTRIES } from '../shared/faces'
import { phrase } from './account-names'
import type { SimCore } from './core'
import { chance, pick } from './prng'
import type { PushMessage } from './types'

function segments(core: SimCore): Segment[] {
  const rng = core.scenarioRng
  const out: Segment[] = [{ type: 'text', text: phrase(rng) }]
  if (chance(rng, 0.35)) {
    const [id, name] = pick(rng, FACE_ENTRIES)
    out.push({ type: 'face', id, name })
  }
  return out
}

/** One plausible message from some contact; null when the account has nobody to talk. */
export function randomPush(core: SimCore): PushMessage | null {
  const rng = core.scenarioRng
  const a = core.account
  const r = rng()
  if (r < 0.45 && a.groups.length > 0) {
    const group = pick(rng, a.groups)
    const from = pick(
      rng,
      a.members(group).filter((m) => m.qq !== a.self.qq)
    )
    return from ? { kind: 'group', group: group.number, from: from.qq, segments: segments(core) } : null
  }
  if (r < 0.6 && a.discussions.length > 0) {
    const d = pick(rng, a.discussions)
    const from = d.memberQqs.find((q) => q !== a.self.qq)
    return from !== undefined ? { kind: 'discuss', discuss: d.index, from, segments: segments(core) } : null
  }
  if (a.buddies.length === 0) return null
  return { kind: 'buddy', from: pick(rng, a.buddies).qq, segments: segments(core) }
}

export interface ScenarioActions {
  push(p: PushMessage): void
  status(qq: number, status: 'online' | 'away' | 'busy' | 'offline'): void
  burst(count: number): void
  /** True while someone is logged in and polling would be served. */
  active(): boolean
}

/** Starts the scenario's timer; returns a stop function. */
export function startScenario(core: SimCore, act: ScenarioActions): () => void {
  const { scenario, livelyIntervalMs, loadBurstSize } = core.opts
  if (scenario === 'quiet') return () => {}
  const timer = setInterval(() => {
    if (!act.active()) return
    if (scenario === 'load') return act.burst(loadBurstSize)
    const rng = core.scenarioRng
    if (chance(rng, 0.1) && core.account.buddies.length > 0) {
      return act.status(pick(rng, core.account.buddies).qq, pick(rng, ['online', 'away', 'busy', 'offline'] as const))
    }
    const p = randomPush(core)
    if (p) act.push(p)
  }, livelyIntervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
