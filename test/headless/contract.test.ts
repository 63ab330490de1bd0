/**
 * The headless contract for bot authors: stable keys that survive a new login, errors (never empty
 * successes) for unknown ids and keys, --help and exit codes, and a JSON line when no server answers.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { sleep, tempProfile } from '../main/engine/harness'
import { buildHeadless } from './build-headless'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

type Line = Record<string, unknown>

describe('headless contract', () => {
  it('keys on every message and contact; history by key finds the old messages after a new login, the old id is an error', async () => {
    const { sim, child } = await suite.online()
    const acc = sim.account()
    const buddy = acc.buddies[0]!
    const group = acc.groups[0]!

    child.send({ cmd: 'contacts' })
    const contacts = await child.next((l) => l.type === 'contacts')
    const buddyLine = (contacts.buddies as Line[]).find((b) => b.uin === buddy.uin)!
    const groupLine = (contacts.groups as Line[]).find((g) => g.gid === group.gid)!
    expect(buddyLine.key).toMatch(/^buddy:/)
    expect(groupLine.key).toMatch(/^group:/)
    for (const d of contacts.discussions as Line[]) expect(d.key).toMatch(/^discuss:/)

    sim.pushMessage({ kind: 'buddy', from: buddy.qq, segments: [{ type: 'text', text: 'before the new login' }] })
    const msg = await child.next((l) => l.type === 'message' && l.text === 'before the new login')
    expect(msg.key).toBe(buddyLine.key)

    // Sending by key works like sending by id.
    child.send({ cmd: 'send', ref: 'k1', key: buddyLine.key, text: 'sent by key' })
    await child.next((l) => l.type === 'sent' && l.ref === 'k1')
    expect(sim.sent().map((s) => s.text)).toContain('sent by key')

    // A new login: the protocol hands out new uins.
    const oldUin = buddy.uin
    child.send({ cmd: 'logout' })
    const qrCount = child.lines.filter((l) => l.type === 'qr').length
    await child.next(() => child.lines.filter((l) => l.type === 'qr').length > qrCount)
    const readyCount = child.lines.filter((l) => l.type === 'ready').length
    sim.scan({ confirm: true })
    await child.next(() => child.lines.filter((l) => l.type === 'ready').length > readyCount)
    const newUin = sim.account().buddies.find((b) => b.qq === buddy.qq)!.uin
    expect(newUin).not.toBe(oldUin)

    child.send({ cmd: 'history', key: buddyLine.key, limit: 10 })
    const history = await child.next((l) => l.type === 'history')
    expect(history).toMatchObject({ kind: 'buddy', id: newUin, key: buddyLine.key })
    expect((history.messages as Line[]).map((m) => m.text)).toEqual(['sent by key', 'before the new login'])
    for (const m of history.messages as Line[]) expect(m.key).toBe(buddyLine.key)

    child.send({ cmd: 'history', kind: 'buddy', id: oldUin, limit: 10 })
    const stale = await child.next((l) => l.type === 'error' && l.cmd === 'history')
    expect(stale).toMatchObject({ code: 'unknown-conversation' })
    expect(stale.message).toMatch(/stable "key"/)

    child.send({ cmd: 'read', key: 'group:name:no such group' })
    expect(await child.next((l) => l.type === 'error' && l.cmd === 'read')).toMatchObject({ code: 'unknown-conversation' })
    child.send({ cmd: 'send', ref: 'k2', key: 'discuss:name:nobody', text: 'x' })
    expect(await child.next((l) => l.type === 'error' && l.ref === 'k2')).toMatchObject({ cmd: 'send', code: 'unknown-conversation' })
    child.send({ cmd: 'members', key: groupLine.key })
    expect(await child.next((l) => l.type === 'members')).toMatchObject({ kind: 'group', key: groupLine.key })
    child.send({ cmd: 'read', key: buddyLine.key })
    expect(await child.next((l) => l.type === 'read')).toEqual({ type: 'read', kind: 'buddy', id: newUin, key: buddyLine.key })
    child.send({ cmd: 'history', kind: 'group', key: buddyLine.key })
    expect((await child.next((l) => l.type === 'error' && l.cmd === 'history' && l.code === 'bad-target')).message).toMatch(/is a buddy/)

    // One segment shape: a face needs only its id (the name comes from the face table); an image is a
    // clear error (SmartQQ cannot send pictures), not a malformed command.
    child.send({
      cmd: 'send',
      ref: 'f1',
      key: buddyLine.key,
      segments: [
        { type: 'text', text: 'hi ' },
        { type: 'face', id: 14 }
      ]
    })
    await child.next((l) => l.type === 'sent' && l.ref === 'f1')
    expect(sim.sent().at(-1)!.segments).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'face', id: 14, name: '微笑' }
    ])
    child.send({ cmd: 'send', ref: 'i1', key: buddyLine.key, segments: [{ type: 'image' }] })
    expect((await child.next((l) => l.type === 'error' && l.ref === 'i1')).message).toMatch(/cannot send pictures/)

    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })

  it('says server-unreachable as a JSON line and on stderr instead of retrying silently', async () => {
    const p = tempProfile()
    suite.defer(p.cleanup)
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const child = suite.spawn(['--server', 'http://127.0.0.1:9', '--profile', p.dir])
    const line = await child.next((l) => l.type === 'error')
    expect(line).toMatchObject({ code: 'server-unreachable', server: 'http://127.0.0.1:9', reason: 'refused' })
    // stderr is a separate pipe: give it a moment to catch up with stdout.
    for (let i = 0; i < 50 && !child.stderr().includes('SmartQQ itself'); i++) await sleep(50)
    expect(child.stderr()).toContain('use --server for a compatible server; SmartQQ itself was shut down in 2019')
    // Said once per outage, not once per retry.
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
    expect(child.lines.filter((l) => l.code === 'server-unreachable')).toHaveLength(1)
  })

  it('--help exits 0 with the usage; an unknown option exits 2; nothing but the help on stdout', async () => {
    const script = await buildHeadless()
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^usage: headless --profile <dir>/)
    expect(help.stdout).toContain('Exit codes: 0')
    const bad = spawnSync(process.execPath, [script, '--profile', '/tmp/x', '--bogus'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/Unknown option '--bogus'[\s\S]*usage: headless/)
    const noProfile = spawnSync(process.execPath, [script], { encoding: 'utf8' })
    expect(noProfile.status).toBe(2)
    expect(noProfile.stderr).toContain('--profile is required')
    const badUrl = spawnSync(process.execPath, [script, '--profile', '/tmp/x', '--server', 'not a url'], { encoding: 'utf8' })
    expect(badUrl.status).toBe(2)
    expect(badUrl.stderr).toContain('--server must be a URL')
  })

  it('prints no SQLite ExperimentalWarning on stderr', async () => {
    const { child } = await suite.online()
    child.send({ cmd: 'search', query: 'hello' })
    await child.next((l) => l.type === 'search')
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
    expect(child.stderr()).not.toMatch(/ExperimentalWarning|SQLite is an experimental/)
  })
})
