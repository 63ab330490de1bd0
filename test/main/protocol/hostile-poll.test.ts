/**
 * Hostile poll2 answers, through a loopback proxy in front of the simulator (login and cookies are the
 * simulator's; only the poll answer is replaced): per-element validation, impossible times, poisoned
 * ptwebqq rotations, a gzip bomb, and no secret or message text in any error.
 */
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { ProtocolError, type PollEvent, type ProtocolClient } from '../../../src/main/protocol'
import { json, startHostileProxy, type HostileProxy } from '../engine/hostile-proxy'
import { clientFor, login, protocolError, simulator, type Sim } from './sim-helpers'

let cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const c of cleanups.reverse()) await c()
  cleanups = []
})

async function setup(): Promise<{ sim: Sim; proxy: HostileProxy; client: ProtocolClient }> {
  const sim = await simulator()
  const proxy = await startHostileProxy(sim.url)
  cleanups.push(
    () => sim.close(),
    () => proxy.close()
  )
  const client = clientFor(sim, { serverUrl: proxy.url })
  // The admin API is the simulator's; the client only ever talks to the proxy.
  await login(sim, client)
  return { sim, proxy, client }
}

const NOW_S = Math.floor(Date.now() / 1000)
const msg = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  from_uin: 11,
  to_uin: 22,
  msg_id: 1,
  time: NOW_S - 5,
  content: [['font', { name: '宋体' }], 'hello'],
  ...over
})

async function events(client: ProtocolClient): Promise<PollEvent[]> {
  const o = await client.poll()
  if (o.kind !== 'events') throw new Error(`expected events, got ${o.kind}`)
  return o.events
}

describe('poll answers validated per element', () => {
  it('[msgA, null, msgB] keeps A and B and reports the null by its index', async () => {
    const { proxy, client } = await setup()
    proxy.on('/channel/poll2', () =>
      json({
        retcode: 0,
        result: [
          { poll_type: 'message', value: msg({ msg_id: 1, content: ['A'] }) },
          null,
          { poll_type: 'message', value: msg({ msg_id: 2, content: ['B'] }) },
          7,
          { poll_type: 'group_message', value: null }
        ]
      })
    )
    const ev = await events(client)
    expect(ev.map((e) => e.type)).toEqual(['message', 'invalid', 'message', 'invalid', 'invalid'])
    expect(ev.filter((e) => e.type === 'message').map((e) => (e.type === 'message' ? e.message.segments : null))).toEqual([
      [{ type: 'text', text: 'A' }],
      [{ type: 'text', text: 'B' }]
    ])
    expect(ev[1]).toEqual({ type: 'invalid', index: 1, pollType: null, reason: 'null element' })
    expect(ev[3]).toMatchObject({ type: 'invalid', index: 3, pollType: null })
    expect(ev[4]).toMatchObject({ type: 'invalid', index: 4, pollType: 'group_message' })
  })

  it('impossible times are clamped to the receive time and flagged; possible ones are kept', async () => {
    const { proxy, client } = await setup()
    const times = [-1, 1.5, 1e20, Number.MAX_SAFE_INTEGER + 2, 0, NOW_S - 3600]
    proxy.on('/channel/poll2', () =>
      json({ retcode: 0, result: times.map((time, i) => ({ poll_type: 'message', value: msg({ msg_id: i, time }) })) })
    )
    const before = Math.floor(Date.now() / 1000)
    const ev = await events(client)
    const after = Math.floor(Date.now() / 1000)
    const got = ev.map((e) => (e.type === 'message' ? e.message : null))
    expect(got.every((m) => m !== null)).toBe(true)
    for (const m of got.slice(0, 5)) {
      expect(m!.timeAdjusted).toBe(true)
      expect(m!.time).toBeGreaterThanOrEqual(before)
      expect(m!.time).toBeLessThanOrEqual(after)
    }
    expect(got[5]).toMatchObject({ time: NOW_S - 3600 })
    expect(got[5]!.timeAdjusted).toBeUndefined()
  })

  it('a bad face id becomes an unknown face in the text, and the message is kept', async () => {
    const { proxy, client } = await setup()
    proxy.on('/channel/poll2', () =>
      json({ retcode: 0, result: [{ poll_type: 'message', value: msg({ content: [['face', -1], 'x', ['face', 1.5], ['face', 14]] }) }] })
    )
    const [e] = await events(client)
    expect(e).toMatchObject({ type: 'message' })
    if (e?.type !== 'message') return
    expect(e.message.segments).toEqual([
      { type: 'text', text: '[表情]x[表情]' },
      { type: 'face', id: 14, name: '微笑' }
    ])
  })

  it('poll_type "toString" / "__proto__" / "constructor" are unknown types, never messages without a kind', async () => {
    const { proxy, client } = await setup()
    proxy.on('/channel/poll2', () =>
      json({
        retcode: 0,
        result: ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'message'].map((t, i) => ({ poll_type: t, value: msg({ msg_id: i }) }))
      })
    )
    const ev = await events(client)
    expect(ev.map((e) => e.type)).toEqual(['other', 'other', 'other', 'other', 'message'])
    for (const e of ev) if (e.type === 'message') expect(['buddy', 'group', 'discuss']).toContain(e.message.kind)
  })

  it('HTML entities named like Object.prototype members stay as written', async () => {
    const { proxy, client } = await setup()
    proxy.on('/channel/poll2', () =>
      json({ retcode: 0, result: [{ poll_type: 'message', value: msg({ content: ['&constructor; &toString; &lt;'] }) }] })
    )
    const [e] = await events(client)
    expect(e?.type === 'message' && e.message.segments).toEqual([{ type: 'text', text: '&constructor; &toString; <' }])
  })
})

describe('116 with an unusable ptwebqq', () => {
  for (const [label, p] of [
    ['CR/LF', 'abc\r\nSet-Cookie: x=1'],
    ['a semicolon', 'abc;def'],
    ['1 MB', 'a'.repeat(1024 * 1024)],
    ['non-ASCII', 'ptwebqq的值']
  ] as const) {
    it(`(${label}) is refused and never adopted: later requests still carry the old one`, async () => {
      const { proxy, client } = await setup()
      const old = client.credentials!.ptwebqq
      const off = proxy.on('/channel/poll2', () => json({ retcode: 116, p }))
      const e = await protocolError(client.poll())
      expect(e.code).toBe('bad-token')
      expect(e.message).not.toContain(p.slice(0, 20))
      off()
      expect(client.credentials!.ptwebqq).toBe(old)
      // The next poll goes out (no ERR_INVALID_CHAR, no 431) with the old token, and the simulator accepts it.
      expect((await client.poll()).kind).toBe('empty')
      const saved = await client.exportSession()
      expect(saved!.credentials.ptwebqq).toBe(old)
    })
  }

  it('a remembered session holding a poisoned token is refused at import, before any request', async () => {
    const { client } = await setup()
    const saved = (await client.exportSession())!
    const poisoned = { ...saved, credentials: { ...saved.credentials, ptwebqq: 'x\r\ny' } }
    const e = await protocolError(client.importSession(poisoned))
    expect(e.code).toBe('malformed')
    expect(e.message).not.toContain('x\r\ny')
  })
})

describe('response size', () => {
  it('a 1 MB gzip answer expanding to 1 GB is cut off early with a typed error, memory bounded', async () => {
    const { proxy, client } = await setup()
    // Concatenated gzip members decompress as one stream: 1024 x (1 MB of spaces) ≈ 1 MB compressed, 1 GB expanded.
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 })
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member))
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    proxy.on('/channel/poll2', () => ({ headers: { 'content-encoding': 'gzip' }, body: bomb }))
    const rssBefore = process.memoryUsage().rss
    const started = Date.now()
    const e = await protocolError(client.poll())
    expect(e.code).toBe('too-large')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024)
  })

  it('a plain body over the cap is refused too; a small gzip answer still decodes', async () => {
    const sim = await simulator()
    const proxy = await startHostileProxy(sim.url)
    cleanups.push(
      () => sim.close(),
      () => proxy.close()
    )
    const client = clientFor(sim, { serverUrl: proxy.url, maxBodyBytes: 64 * 1024 })
    await login(sim, client)
    proxy.on('/channel/poll2', ({ count }) =>
      count === 0
        ? json({ retcode: 0, result: [{ poll_type: 'message', value: msg({ content: ['x'.repeat(100_000)] }) }] })
        : {
            headers: { 'content-encoding': 'gzip' },
            body: gzipSync(JSON.stringify({ retcode: 0, result: [{ poll_type: 'message', value: msg() }] }))
          }
    )
    expect((await protocolError(client.poll())).code).toBe('too-large')
    const ev = await events(client)
    expect(ev).toHaveLength(1)
  })
})

describe('secrets in errors', () => {
  it('error messages and excerpts never carry tokens, cookies or message text', async () => {
    const { proxy, client } = await setup()
    const c = client.credentials!
    const text = 'my very private words'
    proxy.on('/channel/poll2', () => ({
      body: `{"retcode":0,"psessionid":"${c.psessionid}","vfwebqq":"${c.vfwebqq}","ptwebqq":"${c.ptwebqq}","result":[{"poll_type":"message","value":{"content":["${text}"]}}],"cookie":"skey=@abc; p_skey=XYZ" oops`
    }))
    const e = await protocolError(client.poll())
    expect(e.code).toBe('malformed')
    // Prefixes: an excerpt is cut at 160 characters, so a whole long token would never show anyway.
    for (const secret of [c.psessionid.slice(0, 12), c.vfwebqq.slice(0, 12), c.ptwebqq.slice(0, 12), text, '@abc', 'XYZ']) {
      expect(e.message).not.toContain(secret)
      expect(e.excerpt).not.toContain(secret)
    }
    expect(e.excerpt).toContain('retcode')
    expect(e).toBeInstanceOf(ProtocolError)
  })
})
