/**
 * The headless process against hostile input on both sides: malformed server answers (through a
 * proxy in front of the simulator), over-long stdin lines, a gzip bomb. Every command gets exactly
 * one answer line, nothing secret reaches stdout or stderr, and the process lives on.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, tempProfile } from '../main/engine/harness'
import { json, startHostileProxy, type HostileAnswer, type HostileProxy } from '../main/engine/hostile-proxy'
import { useHeadlessSuite, type HeadlessChild } from './child'

const suite = useHeadlessSuite()

async function online(): Promise<{ sim: Awaited<ReturnType<typeof startSimulator>>; proxy: HostileProxy; child: HeadlessChild; profile: string }> {
  const sim = await startSimulator(FAST_SIM)
  const proxy = await startHostileProxy(sim.url)
  const p = tempProfile()
  suite.defer(
    p.cleanup,
    () => sim.close(),
    () => proxy.close()
  )
  const child = suite.spawn(['--server', proxy.url, '--profile', p.dir, '--send-interval', '50'])
  await child.next((l) => l.type === 'qr')
  sim.scan({ confirm: true })
  await child.next((l) => l.type === 'ready')
  return { sim, proxy, child, profile: p.dir }
}

/** Sends one command and returns every stdout line it produced once `answer` matched and a quiet moment passed. */
async function ask(
  child: HeadlessChild,
  cmd: Record<string, unknown>,
  answer: (l: Record<string, unknown>) => boolean
): Promise<Array<Record<string, unknown>>> {
  const from = child.lines.length
  child.send(cmd)
  await child.next(answer, 8000, from)
  await new Promise((r) => setTimeout(r, 150))
  return child.lines.slice(from).filter((l) => l.type !== 'message' && l.type !== 'login' && l.type !== 'presence')
}

const MALFORMED_GROUP_INFO: Array<[string, HostileAnswer]> = [
  ['html 200', { headers: { 'content-type': 'text/html' }, body: '<html><body>502 Bad Gateway</body></html>' }],
  ['empty body', { body: '' }],
  ['truncated JSON', { body: '{"retcode":0,"result":{"ginfo":{"gid":1' }],
  ['null', json(null)],
  ['array', json([])],
  ['no result', json({ retcode: 0 })],
  ['result null', json({ retcode: 0, result: null })],
  ['minfo not an array', json({ retcode: 0, result: { ginfo: {}, minfo: 'x' } })],
  ['members of the wrong type', json({ retcode: 0, result: { ginfo: { gid: 'x', members: 5 }, minfo: [{ uin: 'y' }] } })],
  ['retcode 6', json({ retcode: 6 })],
  ['retcode 100000', json({ retcode: 100000, errmsg: 'login error' })],
  ['retcode as text', json({ retcode: 'zero' })],
  ['HTTP 500', { status: 500, body: '<html>500</html>' }],
  ['HTTP 404', { status: 404, body: '<html>404</html>' }],
  ['__proto__ keys', { body: '{"retcode":0,"result":{"__proto__":{"minfo":[]},"ginfo":{"__proto__":null}}}' }]
]

describe('headless: every command gets exactly one answer', () => {
  it('members with a malformed server answer: one error line per request (with cmd), never silence', async () => {
    const { sim, proxy, child } = await online()
    const group = (await sim.account()).groups[0]!
    for (const [label, bad] of MALFORMED_GROUP_INFO) {
      const off = proxy.on('/api/get_group_info_ext2', () => bad)
      const lines = await ask(
        child,
        { cmd: 'members', kind: 'group', id: group.gid, refresh: true },
        (l) => l.type === 'members' || (l.type === 'error' && l.cmd === 'members')
      )
      off()
      expect([label, lines.length]).toEqual([label, 1])
      const [line] = lines
      if (line!.type === 'error') {
        expect(line).toMatchObject({ type: 'error', cmd: 'members' })
        expect(typeof line!.message).toBe('string')
      } else {
        expect(Array.isArray(line!.members)).toBe(true)
      }
    }
    // And the real answer still works afterwards.
    const ok = await ask(child, { cmd: 'members', kind: 'group', id: group.gid, refresh: true }, (l) => l.type === 'members')
    expect(ok).toHaveLength(1)
    expect((ok[0]!.members as unknown[]).length).toBeGreaterThan(0)
    expect(child.proc.exitCode).toBeNull()
  })

  it('each command answers exactly once while every server endpoint answers garbage', async () => {
    const { sim, proxy, child } = await online()
    const acc = await sim.account()
    const buddy = acc.buddies[0]!
    const group = acc.groups[0]!
    const garbage = (): HostileAnswer => ({ body: '{"retcode":0,"result":' })
    for (const path of [
      '/api/get_user_friends2',
      '/api/get_group_name_list_mask2',
      '/api/get_discus_list',
      '/api/get_group_info_ext2',
      '/channel/get_discu_info',
      '/channel/get_online_buddies2',
      '/channel/get_recent_list2',
      '/channel/send_buddy_msg2'
    ])
      proxy.on(path, garbage)
    const cmds: Array<[Record<string, unknown>, string]> = [
      [{ cmd: 'contacts', refresh: true }, 'contacts'],
      [{ cmd: 'members', kind: 'group', id: group.gid, refresh: true }, 'members'],
      [{ cmd: 'members', kind: 'discuss', id: acc.discussions[0]!.did, refresh: true }, 'members'],
      [{ cmd: 'history', kind: 'buddy', id: buddy.uin, limit: 5 }, 'history'],
      [{ cmd: 'search', query: 'anything' }, 'search'],
      [{ cmd: 'read', kind: 'buddy', id: buddy.uin }, 'read'],
      [{ cmd: 'unread' }, 'unread'],
      [{ cmd: 'outbox' }, 'outbox'],
      [{ cmd: 'retry', id: 999 }, 'retry'],
      [{ cmd: 'export', kind: 'buddy', id: buddy.uin, format: 'json', path: 'x.json' }, 'export'],
      [{ cmd: 'send', ref: 's1', kind: 'buddy', to: buddy.uin, text: 'hi' }, 'send'],
      [{ cmd: 'logout' }, 'logout']
    ]
    for (const [cmd, name] of cmds) {
      const answered = (l: Record<string, unknown>): boolean =>
        (l.type === 'error' && (l.cmd === name || (name === 'send' && l.ref === 's1'))) ||
        (name === 'export' ? l.type === 'exported' : name === 'send' ? (l.type === 'queued' || l.type === 'sent') && l.ref === 's1' : l.type === name)
      const lines = await ask(child, cmd, answered)
      const answers = lines.filter(answered)
      expect([name, answers.length]).toEqual([name, 1])
    }
    expect(child.proc.exitCode).toBeNull()
    child.send({ cmd: 'quit' })
    await child.next((l) => l.type === 'quit')
    expect(await child.exit()).toBe(0)
  })
})

describe('headless: stdin lines', () => {
  it('a line over 1 MB gets one clear error; the process lives on and later lines work', async () => {
    const { child } = await online()
    const from = child.lines.length
    // 3 MB in several writes, no newline until the end: never held whole.
    const big = JSON.stringify({ cmd: 'search', query: 'x'.repeat(3 * 1024 * 1024) })
    for (let i = 0; i < big.length; i += 256 * 1024) child.proc.stdin!.write(big.slice(i, i + 256 * 1024))
    child.proc.stdin!.write('\n')
    const err = await child.next((l) => l.type === 'error', 8000, from)
    expect(err.message).toMatch(/line too long/)
    child.send({ cmd: 'unread' })
    await child.next((l) => l.type === 'unread', 8000, from)
    expect(child.lines.slice(from).filter((l) => l.type === 'error')).toHaveLength(1)
    expect(child.proc.exitCode).toBeNull()
  })
})

describe('headless: hostile bodies and secrets', () => {
  it('a gzip bomb on poll2 is cut off (peak RSS stays bounded) and the session goes on', async () => {
    const { sim, proxy, child } = await online()
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 })
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member))
    const off = proxy.on('/channel/poll2', ({ count }) => (count < 2 ? { headers: { 'content-encoding': 'gzip' }, body: bomb } : null))
    for (let i = 0; i < 100 && proxy.hits('/channel/poll2') < 4; i++) await new Promise((r) => setTimeout(r, 100))
    off()
    const status = readFileSync(`/proc/${child.proc.pid}/status`, 'utf8')
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
    expect(peakKb).toBeLessThan(400 * 1024)
    const buddy = (await sim.account()).buddies[0]!
    const from = child.lines.length
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'after the bomb' })
    expect((await child.next((l) => l.type === 'message', 10_000, from)).text).toBe('after the bomb')
    expect(child.stderr()).toMatch(/too-large|larger than/)
  })

  it('stderr and error details never carry session tokens or message text', async () => {
    const { sim, proxy, child, profile } = await online()
    const sessionFile = readdirSync(profile).find((f) => /^session-\d+\.json$/.test(f))!
    const saved = JSON.parse(readFileSync(join(profile, sessionFile), 'utf8')) as { credentials: Record<string, string> }
    const { psessionid, vfwebqq, ptwebqq } = saved.credentials
    const words = 'a private sentence nobody else may read'
    // A poll answer that cannot be decoded, quoting tokens and someone's words.
    const off = proxy.on('/channel/poll2', ({ count }) =>
      count < 2
        ? {
            body: `{"retcode":0,"psessionid":"${psessionid}","vfwebqq":"${vfwebqq}","p":"${ptwebqq}","result":[{"poll_type":"message","value":{"content":[["font",{"name":"宋体","size":10,"style":[0,0,0],"color":"000000"}],"${words}"]}}] garbage`
          }
        : null
    )
    const group = (await sim.account()).groups[0]!
    proxy.on('/api/get_group_info_ext2', () => ({ body: `{"retcode":0,"result":{"minfo":"${psessionid}","vfwebqq":"${vfwebqq}"}` }))
    for (let i = 0; i < 100 && proxy.hits('/channel/poll2') < 4; i++) await new Promise((r) => setTimeout(r, 100))
    off()
    const from = child.lines.length
    child.send({ cmd: 'members', kind: 'group', id: group.gid, refresh: true })
    const err = await child.next((l) => l.type === 'error' && l.cmd === 'members', 8000, from)
    const everything = child.stderr() + JSON.stringify(child.lines)
    expect(child.stderr()).toMatch(/poll failed/)
    for (const secret of [psessionid.slice(0, 16), vfwebqq.slice(0, 16), ptwebqq.slice(0, 16), words]) expect(everything).not.toContain(secret)
    expect(JSON.stringify(err)).not.toContain(psessionid.slice(0, 16))
  })
})
