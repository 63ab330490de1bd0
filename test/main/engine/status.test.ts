import { describe, expect, it } from 'vitest'
import { EngineCommandError } from '../../../src/main/engine'
import { FAST_SIM, makeEngine, tempProfile, useEngineSuite } from './harness'
import { startSimulator } from '../../../src/simulator'

const suite = useEngineSuite()

describe('engine.setStatus (change_status2)', () => {
  it('sends each status the server knows, invisible as hidden', async () => {
    const { sim, engine } = await suite.online()
    const before = sim.state().requests['change_status2'] ?? 0
    // The simulator refuses a status name SmartQQ did not know, so 'invisible' must go out as 'hidden'.
    await engine.setStatus('invisible')
    await engine.setStatus('busy')
    await engine.setStatus('away')
    await engine.setStatus('online')
    expect(sim.state().requests['change_status2']).toBe(before + 4)
  })

  it('refuses with a clear error before any session is online', async () => {
    const sim = await startSimulator(FAST_SIM)
    const p = tempProfile()
    const engine = makeEngine(sim, p.dir)
    suite.defer(
      p.cleanup,
      () => sim.close(),
      () => engine.stop()
    )
    await expect(engine.setStatus('busy')).rejects.toThrow(EngineCommandError)
    await expect(engine.setStatus('busy')).rejects.toThrow('not signed in')
    expect(sim.state().requests['change_status2'] ?? 0).toBe(0)
  })
})
