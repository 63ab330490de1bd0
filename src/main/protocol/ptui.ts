/**
 * Parser of ptqrlogin's `ptuiCB('code','0','url','0','message','nick')` answer.
 *
 * The seed (Dec 2015) shows the check_sig URL in the FIFTH field with code 66; real servers put it
 * in the third with code 0. The scanned state was 66 + "二维码认证中" in 2015 and 67 later. So the
 * URL is looked for in every field, and the Chinese texts count as much as the numbers.
 */
import { ProtocolError } from './errors'
import type { QrPollResult } from './types'

const ENDPOINT = 'ptqrlogin'
const CALL = /ptuiCB\s*\(([\s\S]*)\)/
const FIELD = /'((?:[^'\\]|\\.)*)'/g
const CHECK_SIG_URL = /^https?:\/\/\S+/i

function unescapeJs(s: string): string {
  return s.replace(/\\(.)/g, '$1')
}

export function parsePtuiCB(body: string): QrPollResult {
  const call = CALL.exec(body)
  const fields = call ? Array.from(call[1].matchAll(FIELD), (m) => unescapeJs(m[1])) : []
  if (fields.length < 5) {
    throw new ProtocolError({ code: 'malformed', endpoint: ENDPOINT, body, detail: 'not a ptuiCB(...) answer' })
  }
  const code = Number(fields[0])
  const message = fields[4]
  const urlIndex = fields.findIndex((f) => CHECK_SIG_URL.test(f))
  if (urlIndex >= 0) {
    // The nickname is the field after the message; in the seed's form the URL took the message's place.
    const nick = fields[5] ?? ''
    return { state: 'confirmed', checkSigUrl: fields[urlIndex], nick: urlIndex === 5 ? '' : nick }
  }
  if (code === 65 || message.includes('已失效')) return { state: 'expired' }
  if (code === 67 || message.includes('认证中')) return { state: 'scanned' }
  if (code === 66) return { state: 'waiting' }
  if (code === 0) {
    throw new ProtocolError({ code: 'malformed', endpoint: ENDPOINT, body, retcode: 0, detail: 'success without a check_sig URL' })
  }
  const detail = Number.isFinite(code) ? `login refused: ${message}` : 'ptuiCB code is not a number'
  const retcode = Number.isFinite(code) ? code : null
  throw new ProtocolError({ code: Number.isFinite(code) ? 'retcode' : 'malformed', endpoint: ENDPOINT, body, retcode, detail })
}
