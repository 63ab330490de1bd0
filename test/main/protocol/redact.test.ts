import { afterEach, describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src/main/protocol'
import { redact, rememberSecrets } from '../../../src/main/protocol/redact'

const ORIGINAL_DEBUG = process.env.QQ_DEBUG
afterEach(() => {
  if (ORIGINAL_DEBUG === undefined) delete process.env.QQ_DEBUG
  else process.env.QQ_DEBUG = ORIGINAL_DEBUG
})

describe('redact', () => {
  it('masks credentials in JSON, query strings, form bodies and cookie headers', () => {
    const text = [
      '{"retcode":0,"result":{"psessionid":"PS-1","vfwebqq":"VF-2","uin":123},"p":"PT-3"}',
      'https://d1.web2.qq.com/channel/poll2?vfwebqq=VF-4&clientid=53999199&psessionid=PS-5&t=1',
      'r={"ptwebqq":"PT-6","key":""}',
      'cookie: skey=@SK7; p_skey=PSK8; uin=o123',
      'Set-Cookie: ptwebqq=PT-9; Path=/',
      'ptwebqq=PT-10; skey=@SK11'
    ].join('\n')
    const out = redact(text)
    for (const secret of ['PS-1', 'VF-2', 'PT-3', 'VF-4', 'PS-5', 'PT-6', '@SK7', 'PSK8', 'PT-9', 'PT-10', '@SK11']) expect(out).not.toContain(secret)
    // What is not a secret stays readable.
    expect(out).toContain('"retcode":0')
    expect(out).toContain('clientid=53999199')
    expect(out).toContain('"uin":123')
  })

  it('masks long hex tokens and registered session values wherever they appear', () => {
    const hex = 'ab'.repeat(40)
    rememberSecrets(['not-hex-but-secret-value'])
    const out = redact(`{"minfo":"${hex}","x":"not-hex-but-secret-value and more"}`)
    expect(out).not.toContain(hex)
    expect(out).not.toContain('not-hex-but-secret-value')
    expect(out).toContain('and more')
  })

  it('masks message content unless debug logging is on', () => {
    const body = '{"poll_type":"message","value":{"content":[["font",{"name":"宋体"}],"secret words",["face",14]],"time":1}}'
    delete process.env.QQ_DEBUG
    expect(redact(body)).not.toContain('secret words')
    expect(redact(body)).toContain('"time":1')
    process.env.QQ_DEBUG = '1'
    expect(redact(body)).toContain('secret words')
  })

  it('masks real poll contents whole: nested font styles, escaped quotes, and bodies cut off mid-content', () => {
    delete process.env.QQ_DEBUG
    const font = '["font",{"name":"宋体","size":10,"style":[0,0,0],"color":"000000"}]'
    const body = `{"retcode":0,"result":[{"poll_type":"message","value":{"content":[${font},"first \\"quoted\\" words",["face",14],"second words"],"time":1}},{"value":{"content":"plain string words"}}]}`
    const out = redact(body)
    for (const words of ['first', 'quoted', 'second words', 'plain string words']) expect(out).not.toContain(words)
    expect(out).toContain('"time":1')
    expect(out).toContain('"poll_type":"message"')
    const cut = redact(`{"result":[{"value":{"content":[${font},"cut off here`)
    expect(cut).not.toContain('cut off here')
  })

  it('ProtocolError messages and excerpts are redacted at construction', () => {
    delete process.env.QQ_DEBUG
    const e = new ProtocolError({
      code: 'malformed',
      endpoint: 'poll2',
      body: '{"psessionid":"PS-XYZ","content":["hello there"]',
      detail: 'bad check_sig URL https://x/check_sig?ptsigx=SIGX&uin=1'
    })
    for (const s of ['PS-XYZ', 'hello there', 'SIGX']) {
      expect(e.message).not.toContain(s)
      expect(e.excerpt).not.toContain(s)
    }
  })
})
