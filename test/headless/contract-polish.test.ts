/**
 * Issue 17, item 7: --server takes http(s) URLs only; contacts/members/history while signed out are a
 * `not-signed-in` error, not an empty list; every answer to a command with a ref carries that ref; a
 * command that does not validate gets a sentence naming the field and what it must be; presence is the
 * same in contacts and members, and the account itself has its real status.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/simulator'
import { FAST_SIM, tempProfile } from '../main/engine/harness'
import { buildHeadless } from './build-headless'
import { useHeadlessSuite } from './child'

const suite = useHeadlessSuite()

type Line = Record<string, unknown>

describe('headless contract polish', () => {
  it('refuses a --server that is not an http(s) URL (ftp:, file:, a bare host) with exit 2 and a sentence', async () => {
    const script = await buildHeadless()
    for (const server of ['ftp://127.0.0.1:8080', 'file:///tmp/x', 'localhost:8080', 'not a url']) {
      const r = spawnSync(process.execPath, [script, '--profile', '/tmp/qq-never-created', '--server', server], { encoding: 'utf8' })
      expect(r.status, server).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(
        /^--server must be a URL like http:\/\/127\.0\.0\.1:8080, but it (must start with http:\/\/ or https:\/\/|is not a valid URL)/
      )
    }
  })

  it('answers contacts, members and history with not-signed-in before the sign-in, then with the lists', async () => {
    const sim = await startSimulator(FAST_SIM)
    const p = tempProfile()
    suite.defer(p.cleanup, () => sim.close())
    const child = suite.spawn(['--server', sim.url, '--profile', p.dir])
    await child.next((l) => l.type === 'qr')
    child.send({ cmd: 'contacts', ref: 'c' })
    child.send({ cmd: 'members', ref: 'm', key: 'group:name:whatever' })
    child.send({ cmd: 'history', ref: 'h', key: 'buddy:name:我的好友/x' })
    for (const [ref, cmd] of [
      ['c', 'contacts'],
      ['m', 'members'],
      ['h', 'history']
    ] as const) {
      const answer = await child.next((l) => l.ref === ref)
      expect(answer).toMatchObject({ type: 'error', cmd, code: 'not-signed-in' })
      expect(answer.message).toMatch(/not signed in/)
    }
    sim.scan({ confirm: true })
    await child.next((l) => l.type === 'ready')
    child.send({ cmd: 'contacts', ref: 'c2' })
    const contacts = await child.next((l) => l.ref === 'c2')
    expect(contacts.type).toBe('contacts')
    expect((contacts.buddies as Line[]).length).toBeGreaterThan(0)
    child.send({ cmd: 'quit' })
    expect(await child.exit()).toBe(0)
  })

  it('every answer to a command with a ref carries it, for every command, even when the answers interleave', async () => {
    const { sim, child } = await suite.online()
    const group = sim.account().groups[0]!
    const buddy = sim.account().buddies[0]!
    child.send({ cmd: 'contacts', ref: 'r-contacts' })
    const contacts = await child.next((l) => l.ref === 'r-contacts')
    const groupKey = (contacts.groups as Line[]).find((g) => g.gid === group.gid)!.key as string
    const buddyKey = (contacts.buddies as Line[]).find((b) => b.uin === buddy.uin)!.key as string
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'ref test message' })
    const message = await child.next((l) => l.type === 'message' && l.text === 'ref test message')

    // Sent all at once: answers may come in any order, each one names its command's ref.
    const commands: Array<[string, Line]> = [
      ['contacts', { cmd: 'contacts', refresh: true }],
      ['members', { cmd: 'members', key: groupKey }],
      ['profile', { cmd: 'profile', key: buddyKey }],
      ['history', { cmd: 'history', key: buddyKey, limit: 5 }],
      ['around', { cmd: 'around', key: buddyKey, message: message.id }],
      ['search', { cmd: 'search', query: 'ref test' }],
      ['read', { cmd: 'read', key: buddyKey }],
      ['exported', { cmd: 'export', key: buddyKey, format: 'txt', path: 'ref-test.txt' }],
      ['unread', { cmd: 'unread' }],
      ['outbox', { cmd: 'outbox' }],
      ['error', { cmd: 'retry', id: 999_999 }],
      ['sent', { cmd: 'send', key: buddyKey, text: 'ref test reply' }]
    ]
    for (const [answer, command] of commands) child.send({ ...command, ref: `r-${answer}` })
    for (const [answer] of commands) {
      const line = await child.next((l) => l.ref === `r-${answer}` && l.type === answer, 15_000)
      expect(line.type).toBe(answer)
    }
    child.send({ cmd: 'logout', ref: 'r-logout' })
    expect(await child.next((l) => l.ref === 'r-logout')).toMatchObject({ type: 'logout' })
    child.send({ cmd: 'quit', ref: 'r-quit' })
    expect(await child.next((l) => l.ref === 'r-quit')).toMatchObject({ type: 'quit' })
    expect(await child.exit()).toBe(0)
  })

  it('says which field is wrong and what it must be, in a sentence, with the ref', async () => {
    const { child } = await suite.online()
    const cases: Array<[Line, string]> = [
      [{ cmd: 'history', ref: 'v1', key: 'buddy:x', limit: 0 }, '"limit" must be a whole number from 1 to 500 (got 0)'],
      [{ cmd: 'export', ref: 'v2', key: 'buddy:x', format: 'pdf', path: 'a' }, '"format" must be "txt" or "json" (got "pdf")'],
      [{ cmd: 'nope', ref: 'v3' }, '"cmd" must be one of contacts, members, profile, send,'],
      [{ cmd: 'members', ref: 'v4', kind: 'buddy', id: 1 }, '"kind" must be "group" or "discuss" (got "buddy")'],
      [{ cmd: 'history', ref: 'v5' }, 'give "key", or "kind" and "id"'],
      [{ cmd: 'send', ref: 'v6', key: 'buddy:x', segments: [{ type: 'gif' }] }, '"segments[0].type" must be "text", "face" or "image" (got "gif")']
    ]
    for (const [command, sentence] of cases) {
      child.send(command)
      const answer = await child.next((l) => l.ref === command.ref)
      expect(answer.type).toBe('error')
      expect(answer.message).toContain(`invalid command: ${sentence}`)
      // Not valibot's own words.
      expect(answer.message).not.toMatch(/Invalid (type|key|length|value)|Expected /)
    }
    child.send({ cmd: 'send', key: 'buddy:x', text: 'no ref' })
    expect((await child.next((l) => l.type === 'error' && String(l.message).includes('"ref"'))).message).toBe(
      'invalid command: "ref" is missing: it must be a string of your choice'
    )
  })

  it('shows a person with one presence in contacts and members, and the account with its own', async () => {
    const { sim, child } = await suite.online()
    const account = sim.account()
    const self = account.self
    // A group where a buddy is a member too.
    const group = account.groups.find((g) => g.members?.some((m) => account.buddies.some((b) => b.qq === m.qq)))!
    const buddy = account.buddies.find((b) => group.members!.some((m) => m.qq === b.qq))!
    child.send({ cmd: 'members', ref: 'm1', kind: 'group', id: group.gid })
    await child.next((l) => l.ref === 'm1')
    // The member list is now cached; the buddy's presence changes afterwards.
    const next = buddy.status === 'away' ? 'busy' : 'away'
    sim.pushStatus(buddy.qq, next)
    for (;;) {
      child.send({ cmd: 'contacts', ref: 'c' })
      const c = await child.next((l) => l.ref === 'c', 10_000, child.lines.length)
      if ((c.buddies as Line[]).find((b) => b.uin === buddy.uin)!.status === next) break
    }
    child.send({ cmd: 'members', ref: 'm2', kind: 'group', id: group.gid })
    const members = (await child.next((l) => l.ref === 'm2')).members as Line[]
    expect(members.find((m) => m.uin === buddy.uin)!.status).toBe(next)
    const me = members.find((m) => m.uin === self.uin)
    expect(me, 'the account is a member of its own group').toBeDefined()
    expect(me!.status).toBe('online')
  })
})
