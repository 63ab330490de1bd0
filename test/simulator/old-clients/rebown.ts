/**
 * qq-bot-rebown (Rocket1184, Node, 2017-05..2018-05) as it talked to SmartQQ, from its
 * src/httpclient.js, src/qq/index.js, url.js and message-agent.js: a cookie object updated by
 * joining every Set-Cookie line with a space and parsing the result as ONE cookie string (npm
 * `cookie`), then deleting the EXPIRES/DOMAIN/PATH keys that this leaves behind.
 */
import { contactHash, hash33 } from '../../../src/simulator/index'
import { formR, send, setCookieLines, type HttpResult } from './wire'

const REFERER_130916 = 'http://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1'
const REFERER_151105 = 'http://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'
const ORIGIN_D1 = 'http://d1.web2.qq.com'
const LOGIN_PREPARE =
  'https://ui.ptlogin2.qq.com/cgi-bin/login?daid=164&target=self&style=16&mibao_css=m_webqq&appid=501004106&enable_qlogin=0&no_verifyimg=1&s_url=http%3A%2F%2Fw.qq.com%2Fproxy.html&f_url=loginerroralert&strong_login=1&login_state=10&t=20131024001'
const CLIENT_ID = 53999199

/** npm `cookie`'s parse (0.3): split on "; ", cut at the first `=`; the FIRST value of a key wins. */
export function cookieModuleParse(str: string): Record<string, string> {
  const obj: Record<string, string> = {}
  for (const pair of str.split(/; */)) {
    const eq = pair.indexOf('=')
    if (eq < 0) continue
    const key = pair.slice(0, eq).trim()
    let val = pair.slice(eq + 1).trim()
    if (val.startsWith('"')) val = val.slice(1, -1)
    if (obj[key] === undefined) obj[key] = decodeURIComponent(val)
  }
  return obj
}

export class RebownClient {
  cookie: Record<string, string> = {}
  tokens = { uin: 0, ptwebqq: '', vfwebqq: '', psessionid: '' }
  private msgT = ((): number => {
    const t = Math.floor(Date.now() / 1000)
    return (t % 10000) * 10000
  })()
  private seq = 0

  constructor(readonly base: string) {}

  /** HttpClient.updateCookie, literally. */
  updateCookie(lines: string[]): void {
    if (lines.length === 0) return
    Object.assign(this.cookie, cookieModuleParse(lines.join(' ').replace(/HttpOnly /g, '')))
    delete this.cookie.EXPIRES
    delete this.cookie.DOMAIN
    delete this.cookie.PATH
  }

  private cookieString(): string {
    return Object.entries(this.cookie)
      .map(([k, v]) => `${k}=${v}; `)
      .join('')
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<HttpResult> {
    const res = await send(this.base, 'GET', url, {
      Cookie: this.cookieString(),
      'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:51.0) Gecko/20100101 Firefox/51.0',
      ...headers
    })
    this.updateCookie(setCookieLines(res))
    return res
  }

  async post(url: string, data: unknown, headers: Record<string, string>): Promise<HttpResult> {
    const body = formR(data)
    const res = await send(
      this.base,
      'POST',
      url,
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(Buffer.byteLength(body)),
        Cookie: this.cookieString(),
        'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:51.0) Gecko/20100101 Firefox/51.0',
        ...headers
      },
      body
    )
    this.updateCookie(setCookieLines(res))
    return res
  }

  /** Steps 0-2: prepare, QR, then ptqrlogin until `scan` has been played and the answer is 0. */
  async qrLogin(scan: () => void): Promise<string> {
    this.cookie = { pgv_info: 'ssid=s1234567890', pgv_pvid: '1234567890' }
    await this.get(LOGIN_PREPARE)
    await this.get(`https://ssl.ptlogin2.qq.com/ptqrshow?appid=501004106&e=0&l=M&s=5&d=72&v=4&t=0.5`)
    const ptqrlogin = `https://ssl.ptlogin2.qq.com/ptqrlogin?ptqrtoken=${hash33(this.cookie.qrsig ?? '')}&webqq_type=10&remember_uin=1&login2qq=1&aid=501004106&u1=http%3A%2F%2Fw.qq.com%2Fproxy.html%3Flogin2qq%3D1%26webqq_type%3D10&ptredirect=0&ptlang=2052&daid=164&from_ui=1&pttype=1&dumy=&fp=loginerroralert&action=0-0-123332&mibao_css=m_webqq&t=undefined&g=1&js_type=0&js_ver=10141&login_sig=&pt_randsalt=0`
    for (let i = 0; i < 4; i++) {
      const body = (await this.get(ptqrlogin, { Referer: LOGIN_PREPARE })).text
      const arr = (body.match(/'[^,]*'/g) ?? []).map((s) => s.slice(1, -1))
      if (arr[0] === '0') return arr[2]!
      if (arr[0] === '65') throw new Error(`QR expired: ${body}`)
      if (i === 0) scan()
    }
    throw new Error('the QR login never succeeded')
  }

  /** Steps 3-5: check_sig read as a 302 (no redirect following), getvfwebqq, login2. */
  async webLogin(ptlogin4Url: string): Promise<void> {
    const cs = await this.get(ptlogin4Url, { Referer: REFERER_130916 })
    if (cs.status !== 302) throw new Error(`check_sig answered ${cs.status}`)
    this.tokens.ptwebqq = this.cookie.ptwebqq ?? ''
    const vf = (
      await this.get(`http://s.web2.qq.com/api/getvfwebqq?ptwebqq=${this.tokens.ptwebqq}&clientid=53999199&psessionid=&t=0.1`, {
        Referer: REFERER_130916
      })
    ).json()
    if (!vf.result?.vfwebqq) throw new Error(`getvfwebqq: ${JSON.stringify(vf)}`)
    this.tokens.vfwebqq = vf.result.vfwebqq
    const login = (
      await this.post(
        'http://d1.web2.qq.com/channel/login2',
        { ptwebqq: this.tokens.ptwebqq, clientid: CLIENT_ID, psessionid: '', status: 'online' },
        { Origin: ORIGIN_D1, Referer: REFERER_151105 }
      )
    ).json()
    if (!login.result) throw new Error(`login2: ${JSON.stringify(login)}`)
    this.tokens.uin = login.result.uin
    this.tokens.psessionid = login.result.psessionid
  }

  private hash(): string {
    return contactHash(this.tokens.uin, this.tokens.ptwebqq)
  }

  /** QQ.run()'s Promise.all: buddies, groups, discussions, self, online buddies, recent list. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async loadAll(): Promise<Record<string, any>> {
    const { vfwebqq, psessionid } = this.tokens
    const hashed = { vfwebqq, hash: this.hash() }
    const [buddy, group, discu, self, online, recent] = await Promise.all([
      this.post('http://s.web2.qq.com/api/get_user_friends2', hashed, { Referer: REFERER_130916 }),
      this.post('http://s.web2.qq.com/api/get_group_name_list_mask2', hashed, {
        Referer: REFERER_130916
      }),
      // A POST with the parameters in the query AND an r body: what it sent for a year.
      this.post(`http://s.web2.qq.com/api/get_discus_list?clientid=53999199&psessionid=${psessionid}&vfwebqq=${vfwebqq}&t=0.3`, hashed, {
        Referer: REFERER_130916
      }),
      this.get(`http://s.web2.qq.com/api/get_self_info2?t=${Date.now()}`, {
        Referer: REFERER_130916
      }),
      this.get(`http://d1.web2.qq.com/channel/get_online_buddies2?vfwebqq=${vfwebqq}&clientid=53999199&psessionid=${psessionid}&t=0.2`, {
        Referer: REFERER_151105
      }),
      this.post('http://d1.web2.qq.com/channel/get_recent_list2', hashed, {
        Referer: REFERER_151105
      })
    ])
    return {
      buddy: buddy.json(),
      group: group.json(),
      discu: discu.json(),
      self: self.json(),
      online: online.json(),
      recent: recent.json()
    }
  }

  /** One loopPoll round; a 504 is accepted (validateStatus 200 or 504) and carries no JSON. */
  async poll(): Promise<{ status: number; body: string }> {
    const res = await this.post(
      'http://d1.web2.qq.com/channel/poll2',
      {
        ptwebqq: this.tokens.ptwebqq,
        clientid: CLIENT_ID,
        psessionid: this.tokens.psessionid,
        key: ''
      },
      { Origin: ORIGIN_D1, Referer: REFERER_151105 }
    )
    return { status: res.status, body: res.text }
  }

  /** innerSendMsg without its retries: true when `res.retcode === 0`, its only success test. */
  async sendMsg(type: 'buddy' | 'group' | 'discu', id: number, text: string): Promise<boolean> {
    const endpoint = { buddy: 'send_buddy_msg2', group: 'send_qun_msg2', discu: 'send_discu_msg2' }
    const key = { buddy: 'to', group: 'group_uin', discu: 'did' }[type]
    const msg = {
      [key]: id,
      content: JSON.stringify([text, ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]]),
      face: 537,
      clientid: CLIENT_ID,
      msg_id: this.msgT + ++this.seq,
      psessionid: this.tokens.psessionid
    }
    const res = // The cfproxy Referer it used for sends from 2018-03 (reference §1.1).
      (
        await this.post(`http://d1.web2.qq.com/channel/${endpoint[type]}`, msg, {
          Referer: 'https://d1.web2.qq.com/cfproxy.html?v=20151105001&callback=1'
        })
      ).json()
    return res.retcode === 0
  }
}
