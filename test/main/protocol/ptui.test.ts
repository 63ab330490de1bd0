import { describe, expect, it } from 'vitest'
import { parsePtuiCB, ProtocolError } from '../../../src/main/protocol'

const URL_REAL =
  'http://ptlogin4.web2.qq.com/check_sig?pttype=1&uin=123456&service=ptqrlogin&nodirect=0&ptsigx=abc&s_url=http%3A%2F%2Fw.qq.com%2Fproxy.html'

function rejects(body: string): ProtocolError {
  try {
    parsePtuiCB(body)
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolError)
    return e as ProtocolError
  }
  throw new Error('expected a ProtocolError')
}

describe('parsePtuiCB', () => {
  it('seed form: URL in the 5th field with code 66', () => {
    const r = parsePtuiCB("ptuiCB('66','0','','0','http://ptlogin4.web2.qq.com/check_sig?xxxxxx','');")
    expect(r).toEqual({ state: 'confirmed', checkSigUrl: 'http://ptlogin4.web2.qq.com/check_sig?xxxxxx', nick: '' })
  })

  it('real form: code 0, URL in the 3rd field, nick in the 6th', () => {
    const r = parsePtuiCB(`ptuiCB('0','0','${URL_REAL}','0','登录成功！', '小明');\r\n`)
    expect(r).toEqual({ state: 'confirmed', checkSigUrl: URL_REAL, nick: '小明' })
  })

  it('waiting, scanned (67 and the 2015 66 + 认证中), expired', () => {
    expect(parsePtuiCB("ptuiCB('66','0','','0','二维码未失效。（3203423232）','');")).toEqual({ state: 'waiting' })
    expect(parsePtuiCB("ptuiCB('67','0','','0','二维码认证中。(1)','');")).toEqual({ state: 'scanned' })
    expect(parsePtuiCB("ptuiCB('66','0','','0','二维码认证中。（3203423232）','');")).toEqual({ state: 'scanned' })
    expect(parsePtuiCB("ptuiCB('65','0','','0','二维码已失效。(4012918406)', '');")).toEqual({ state: 'expired' })
  })

  it('keeps escaped quotes inside a nick', () => {
    const r = parsePtuiCB(`ptuiCB('0','0','${URL_REAL}','0','登录成功！','O\\'Neil');`)
    expect(r).toMatchObject({ state: 'confirmed', nick: "O'Neil" })
  })

  it('garbage and HTML are malformed', () => {
    expect(rejects('<html><body>502 Bad Gateway</body></html>').code).toBe('malformed')
    expect(rejects('').code).toBe('malformed')
    expect(rejects("ptuiCB('66','0')").code).toBe('malformed')
    expect(rejects("ptuiCB('x','0','','0','?','');").code).toBe('malformed')
  })

  it('code 0 without a URL is malformed; other codes are refusals carrying the message', () => {
    expect(rejects("ptuiCB('0','0','','0','登录成功！','');").code).toBe('malformed')
    const e = rejects("ptuiCB('3','0','','0','您输入的帐号或密码不正确，请重新输入。','');")
    expect(e.code).toBe('retcode')
    expect(e.retcode).toBe(3)
    expect(e.message).toContain('密码不正确')
  })
})
