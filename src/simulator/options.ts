/** Defaults for every simulator option, resolved once at start. */
import type { AccountSizes } from './account'
import { InvalidInput } from './errors'
import { ERA_PRESETS, type EraBehaviour } from './eras'
import type { Era, Scenario, SimulatorOptions } from './types'

export interface ResolvedOptions extends EraBehaviour {
  port: number
  host: string
  era: Era
  scenario: Scenario
  seed: number
  pollHoldMs: number
  qrLifetimeMs: number
  sessionLifetimeMs: number
  sendIntervalMs: number
  livelyIntervalMs: number
  refusalLogSize: number
  account: AccountSizes
  echo: boolean
  blockAfter: number
  blockWindowMs: number
  blockMs: number
  discuss100100: boolean
  minfoMaxAgeMs: number
  loadBurstSize: number
  zeroFaces: boolean
}

export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
  const era = o.era ?? '2017'
  const preset = ERA_PRESETS[era] as EraBehaviour | undefined
  if (!preset) throw new InvalidInput(`unknown era ${String(era)}`)
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    era,
    scenario: o.scenario ?? 'quiet',
    seed: o.seed ?? 1,
    pollHoldMs: o.pollHoldMs ?? 60_000,
    qrLifetimeMs: o.qrLifetimeMs ?? 120_000,
    // Real sessions lasted about 1-2 days (reference §6).
    sessionLifetimeMs: o.sessionLifetimeMs ?? 2 * 24 * 3600_000,
    sendIntervalMs: o.sendIntervalMs ?? 1000,
    livelyIntervalMs: o.livelyIntervalMs ?? 3000,
    emptyPoll: o.emptyPoll ?? preset.emptyPoll,
    ptuiForm: o.ptuiForm ?? preset.ptuiForm,
    ptqrtoken: o.ptqrtoken ?? preset.ptqrtoken,
    registerOnOnlineBuddies: o.registerOnOnlineBuddies ?? preset.registerOnOnlineBuddies,
    sendAnswer: o.sendAnswer ?? preset.sendAnswer,
    friendUin: o.friendUin ?? preset.friendUin,
    refusalLogSize: clamp(o.refusalLogSize ?? 200, 1, 10_000),
    account: {
      buddies: clamp(o.account?.buddies ?? 60, 0, 5000),
      groups: clamp(o.account?.groups ?? 12, 0, 500),
      discussions: clamp(o.account?.discussions ?? 3, 0, 200),
      groupMembers: clamp(o.account?.groupMembers ?? 40, 3, 3000),
      categories: clamp(o.account?.categories ?? 4, 1, 10)
    },
    echo: o.echo ?? true,
    blockAfter: o.blockAfter ?? 5,
    blockWindowMs: o.blockWindowMs ?? 30_000,
    blockMs: o.blockMs ?? 60_000,
    discuss100100: o.discuss100100 ?? false,
    minfoMaxAgeMs: o.minfoMaxAgeMs ?? Number.POSITIVE_INFINITY,
    loadBurstSize: o.loadBurstSize ?? 100,
    zeroFaces: o.zeroFaces ?? false
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(n)))
}
