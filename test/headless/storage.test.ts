/**
 * The headless process with an unusable or damaged history file: it says so on stdout (one `storage`
 * line with the path and, for a damaged file, where it was moved), signs in, receives and sends, and a
 * `quit` exits 0.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, tempProfile } from '../main/engine/harness'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

/**
 * A folder this process cannot write in. chmod is enough for a normal user; root ignores it, so as root
 * sysfs stands in (no file can be created there, whoever asks). Fails loudly when neither works.
 */
function unwritableFolder(): string {
  const p = tempProfile()
  suite.defer(() => {
    chmodSync(p.dir, 0o700)
    p.cleanup()
  })
  chmodSync(p.dir, 0o500)
  for (const dir of [p.dir, '/sys/kernel']) {
    try {
      writeFileSync(join(dir, 'probe'), '')
      rmSync(join(dir, 'probe'))
    } catch {
      return dir
    }
  }
  throw new Error('no folder here refuses writes: cannot test a read-only profile')
}

describe('headless storage line', () => {
  it('a folder where the history file should be: storage line, then it works in memory and quits 0', async () => {
    const { sim, child, profile } = await suite.online({
      args: ['--send-interval', '50'],
      prepare: (dir, qq) => mkdirSync(join(dir, `history-${qq}.sqlite`))
    })
    const qq = sim.account().self.qq
    const line = await child.next((l) => l.type === 'storage')
    expect(line).toMatchObject({ ok: false, reason: 'unavailable', path: join(profile, `history-${qq}.sqlite`), movedTo: null })
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'still delivered' })
    await child.next((l) => l.type === 'message' && l.text === 'still delivered')
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })

  it('a read-only profile folder: the QR still shows (the image in the line), storage line, then it works and quits 0', async () => {
    const sim = await startSimulator(FAST_SIM)
    suite.defer(() => sim.close())
    const profile = unwritableFolder()
    const child = suite.spawn(['--server', sim.url, '--profile', profile, '--send-interval', '50'])
    const qr = await child.next((l) => l.type === 'qr')
    expect(qr).toMatchObject({ path: null, error: expect.stringMatching(/could not be saved in the profile folder/) })
    expect(Buffer.from(String(qr.png), 'base64').subarray(1, 4).toString()).toBe('PNG')
    sim.scan({ confirm: true })
    const line = await child.next((l) => l.type === 'storage')
    expect(line).toMatchObject({ ok: false, reason: 'read-only' })
    await child.next((l) => l.type === 'ready')
    const buddy = sim.account().buddies[0]!
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'delivered without a disk' })
    await child.next((l) => l.type === 'message' && l.text === 'delivered without a disk')
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })

  it('a damaged history file: the storage line names where it was moved', async () => {
    const { sim, child, profile } = await suite.online({
      args: ['--send-interval', '50'],
      prepare: (dir, qq) => writeFileSync(join(dir, `history-${qq}.sqlite`), Buffer.alloc(8192, 0x5a))
    })
    const qq = sim.account().self.qq
    const line = await child.next((l) => l.type === 'storage')
    expect(line).toMatchObject({ ok: true, reason: 'damaged', path: join(profile, `history-${qq}.sqlite`) })
    expect(String(line.movedTo)).toMatch(/history-\d+\.sqlite\.corrupt-/)
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })
})
