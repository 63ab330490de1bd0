import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, sleep, tempProfile } from '../main/engine/harness'
import { useHeadlessSuite, type HeadlessChild } from './child'

const suite = useHeadlessSuite()

async function start(): Promise<{ sim: Awaited<ReturnType<typeof startSimulator>>; child: HeadlessChild; profile: string }> {
  const sim = await startSimulator(FAST_SIM)
  const p = tempProfile()
  const child = suite.spawn(['--server', sim.url, '--profile', p.dir, '--send-interval', '50'])
  suite.defer(p.cleanup, () => sim.close())
  return { sim, child, profile: p.dir }
}

describe('headless JSON-lines mode', () => {
  it('QR -> scan -> ready -> message -> send -> history -> quit exits 0, with owner-only files', async () => {
    const t0 = Date.now()
    const { sim, child, profile } = await start()
    const qr = await child.next((l) => l.type === 'qr')
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(statSync(qr.path as string).mode & 0o777).toBe(0o600)
    for (let i = 0; i < 50 && !child.stderr().includes('▀'); i++) await sleep(100)
    expect(child.stderr()).toMatch(/[▀▄]/)
    expect(child.lines.find((l) => l.type === 'login')).toEqual({ type: 'login', state: 'waiting' })
    await sim.scan({ confirm: true })
    const ready = await child.next((l) => l.type === 'ready')
    const acc = await sim.account()
    expect(ready).toMatchObject({
      self: { uin: acc.self.uin, nick: acc.self.nick },
      buddies: acc.buddies.length,
      groups: acc.groups.length,
      discussions: acc.discussions.length
    })

    const buddy = acc.buddies[0]!
    await sim.pushMessage({
      kind: 'buddy',
      from: buddy.qq,
      segments: [
        { type: 'text', text: 'a < b & c ' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    const msg = await child.next((l) => l.type === 'message')
    expect(msg).toMatchObject({ kind: 'buddy', from: { uin: buddy.uin, name: buddy.markname ?? buddy.nick }, to: { uin: acc.self.uin } })
    expect(msg.segments).toEqual([
      { type: 'text', text: 'a < b & c ' },
      { type: 'face', id: 14, name: '微笑' }
    ])
    expect(msg.text).toBe('a < b & c [微笑]')
    expect(typeof msg.id).toBe('string')

    child.send({ cmd: 'send', ref: 'x1', kind: 'buddy', to: buddy.uin, text: 'hello back' })
    expect(await child.next((l) => l.type === 'sent' && l.ref === 'x1')).toEqual({ type: 'sent', ref: 'x1', state: 'sent' })
    expect(sim.sent().map((s) => s.text)).toEqual(['hello back'])

    child.send({ cmd: 'history', kind: 'buddy', id: buddy.uin, limit: 10 })
    const hist = await child.next((l) => l.type === 'history')
    expect((hist.messages as Array<{ text: string; self?: boolean }>).map((m) => [m.text, m.self ?? false])).toEqual([
      ['hello back', true],
      ['a < b & c [微笑]', false]
    ])
    expect(hist.next).toBeNull()

    // A relative export path lands in the profile (checked 0600 with the other files below).
    child.send({ cmd: 'export', kind: 'buddy', id: buddy.uin, format: 'txt', path: 'chat.txt' })
    expect(await child.next((l) => l.type === 'exported')).toEqual({ type: 'exported', path: join(profile, 'chat.txt'), format: 'txt' })
    const txt = readFileSync(join(profile, 'chat.txt'), 'utf8')
    expect(txt).toContain('a < b & c [微笑]')
    expect(txt).toContain('hello back')
    child.send({ cmd: 'export', kind: 'buddy', id: acc.buddies[1]!.uin, format: 'json', path: 'none.json' })
    expect((await child.next((l) => l.type === 'error' && l.cmd === 'export')).message).toMatch(/no stored history/)

    child.send({ cmd: 'contacts' })
    const contacts = await child.next((l) => l.type === 'contacts')
    const b0 = (contacts.buddies as Array<Record<string, unknown>>).find((b) => b.uin === buddy.uin)!
    expect(Object.keys(b0).sort()).toEqual(expect.arrayContaining(['uin', 'nick', 'markname', 'category', 'online']))
    expect(typeof b0.category).toBe('string')

    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
    expect(statSync(profile).mode & 0o777).toBe(0o700)
    for (const f of readdirSync(profile)) expect([f, statSync(join(profile, f)).mode & 0o777]).toEqual([f, 0o600])
  })

  it('answers an invalid line with an error and lives on; end of stdin exits 0', async () => {
    const { child } = await start()
    await child.next((l) => l.type === 'qr')
    child.sendRaw('this is not json')
    expect((await child.next((l) => l.type === 'error')).message).toMatch(/JSON/)
    child.send({ cmd: 'send', ref: 'bad', kind: 'buddy', to: 'nobody', text: 'x' })
    const err = await child.next((l) => l.type === 'error' && l.ref === 'bad')
    expect(err.message).toMatch(/to/)
    child.send({ cmd: 'export', kind: 'buddy', id: 1, format: 'pdf', path: 'x.pdf' })
    expect((await child.next((l) => l.type === 'error' && String(l.message).includes('format'))).message).toMatch(
      /invalid command: "format" must be "txt" or "json"/
    )
    child.send({ cmd: 'frobnicate' })
    await child.next((l) => l.type === 'error' && String(l.message).includes('cmd'))
    child.proc.stdin!.end()
    expect(await child.exit()).toBe(0)
    expect(child.stderr()).not.toContain('NON-JSON STDOUT')
  })
})
