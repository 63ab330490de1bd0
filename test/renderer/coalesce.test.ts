import { describe, expect, it } from 'vitest'
import { coalesced } from '../../src/renderer/src/lib/coalesce'

describe('coalesced', () => {
  it('runs once for a burst of calls, plus exactly one more when calls came while it ran', async () => {
    let runs = 0
    let release: () => void = () => {}
    const run = coalesced(async () => {
      runs++
      await new Promise<void>((resolve) => (release = resolve))
    })
    run()
    run()
    run()
    expect(runs).toBe(1)
    release()
    await new Promise((r) => setTimeout(r, 0))
    expect(runs).toBe(2)
    release()
    await new Promise((r) => setTimeout(r, 0))
    expect(runs).toBe(2)
  })
})
