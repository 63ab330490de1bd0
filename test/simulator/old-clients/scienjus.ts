/**
 * ScienJus/qqbot (Ruby, 2015-2017, by the author of the seed write-up) as it talked to SmartQQ, from
 * lib/qqbot/{api,auth,bot,client,cookie}.rb: Net::HTTP without redirects, a Referer header on every
 * request ('' when none was given), Origin = scheme://host on POSTs, a cookie hash filled by
 * splitting each Set-Cookie line on '; ' and each part on '=' (Ruby's split, which drops trailing
 * empty fields), ptqrtoken = hash33(qrsig) (auth.rb, since its PR #5, b3023da, which fixed the 403 that
 * ptqrlogin answered without it), no get_online_buddies2 (so poll answers 103 wherever the server
 * registers sessions on that call), and `errCode == 0` as the send success test.
 */
import { contactHash, hash33 } from '../../../src/simulator/index'
import { formR, onSim, send, setCookieLines, type HttpResult } from './wire'

const S_REF = 'http://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1'
const D_REF = 'http://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'
const CLIENT_ID = 53999199

/** Ruby's String#split(sep): trailing empty fields are removed. */
function rubySplit(s: string, sep: string): string[] {
  const parts = s.split(sep)
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts
}

/** URI.extract(text).first for http(s) URLs: RFC 2396 URI characters, which include ' and ,. */
export function uriExtractFirst(text: string): string | null {
  return /https?:\/\/[-_.!~*'()a-zA-Z\d;/?:@&=+$,[\]%]+/.exec(text)?.[0] ?? null
}

export class ScienJusClient {
  readonly cookies = new Map<string, string>()
  options = { ptwebqq: '', vfwebqq: '', psessionid: '', uin: 0 }
  private msgId = 1_000_000

  constructor(readonly base: string) {}

  /** QQBot::Cookie#put. */
  private put(lines: string[]): void {
    for (const line of lines)
      for (const cookie of line.split('; ')) {
        const [k, v] = rubySplit(cookie, '=')
        if (k !== undefined && v !== undefined) this.cookies.set(k, v)
      }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, referer = ''): Promise<HttpResult> {
    const res = await send(this.base, 'GET', url, {
      'User-Agent': 'Mozilla/5.0 (Windows NT 6.3; WOW64) Chrome/45.0.2454.101 Safari/537.36',
      Cookie: this.cookieHeader(),
      Referer: referer
    })
    this.put(setCookieLines(res))
    return res
  }

  async post(url: string, referer: string, r: unknown): Promise<HttpResult> {
    const u = new URL(onSim(this.base, url))
    const res = await send(
      this.base,
      'POST',
      url,
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'Mozilla/5.0 (Windows NT 6.3; WOW64) Chrome/45.0.2454.101 Safari/537.36',
        Cookie: this.cookieHeader(),
        Referer: referer,
        Origin: `${u.protocol}//${u.hostname}`
      },
      formR(r)
    )
    this.put(setCookieLines(res))
    return res
  }

  /** Bot#check_response_json: the result when HTTP 200 and retcode 0, else null (logged). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static check(res: HttpResult): any {
    if (res.status !== 200) return null
    const json = res.json()
    return json.retcode === 0 ? json.result : null
  }

  /** Bot#login: QR, verify until the answer holds 'http', check_sig (302), vfwebqq, login2. */
  async login(scan: () => void): Promise<void> {
    await this.get('https://ssl.ptlogin2.qq.com/ptqrshow?appid=501004106&e=0&l=M&s=5&d=72&v=4&t=0.1')
    let url: string | null = null
    for (let i = 0; i < 4 && !url; i++) {
      const body = (
        await this.get(
          `https://ssl.ptlogin2.qq.com/ptqrlogin?ptqrtoken=${hash33(this.cookies.get('qrsig') ?? '')}&webqq_type=10&remember_uin=1&login2qq=1&aid=501004106&u1=http%3A%2F%2FFw.qq.com%2Fproxy.html%3Flogin2qq%3D1%26webqq_type%3D10&ptredirect=0&ptlang=2052&daid=164&from_ui=1&pttype=1&dumy=&fp=loginerroralert&action=0-0-157510&mibao_css=m_webqq&t=1&g=1&js_type=0&js_ver=10143&login_sig=&pt_randsalt=0`
        )
      ).text
      if (body.includes('二维码已失效')) throw new Error(`QR expired: ${body}`)
      if (body.includes('http')) url = uriExtractFirst(body)
      else scan()
    }
    if (!url) throw new Error('never confirmed')
    const cs = await this.get(url, S_REF)
    if (cs.status !== 302) throw new Error(`check_sig answered ${cs.status}`)
    const ptwebqq = this.cookies.get('ptwebqq') ?? ''
    const vf = ScienJusClient.check(
      await this.get(`http://s.web2.qq.com/api/getvfwebqq?ptwebqq=${ptwebqq}&clientid=${CLIENT_ID}&psessionid=&t=0.1`, S_REF)
    )
    if (!vf) throw new Error('getvfwebqq refused')
    const l2 = ScienJusClient.check(
      await this.post('http://d1.web2.qq.com/channel/login2', D_REF, {
        ptwebqq,
        clientid: CLIENT_ID,
        psessionid: '',
        status: 'online'
      })
    )
    if (!l2) throw new Error('login2 refused')
    this.options = { ptwebqq, vfwebqq: vf.vfwebqq, psessionid: l2.psessionid, uin: l2.uin }
  }

  private hash(): string {
    return contactHash(this.options.uin, this.options.ptwebqq)
  }

  /** Api: groups (with the d1 Referer, as it sent them), friends, discussions, self, recent list. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async loadAll(): Promise<Record<string, any>> {
    const o = this.options
    const groups = ScienJusClient.check(
      await this.post('http://s.web2.qq.com/api/get_group_name_list_mask2', D_REF, {
        vfwebqq: o.vfwebqq,
        hash: this.hash()
      })
    )
    const friends = ScienJusClient.check(
      await this.post('http://s.web2.qq.com/api/get_user_friends2', S_REF, {
        vfwebqq: o.vfwebqq,
        hash: this.hash()
      })
    )
    const discusses = ScienJusClient.check(
      await this.get(`http://s.web2.qq.com/api/get_discus_list?clientid=${CLIENT_ID}&psessionid=${o.psessionid}&vfwebqq=${o.vfwebqq}&t=0.1`, D_REF)
    )
    const account = ScienJusClient.check(await this.get('http://s.web2.qq.com/api/get_self_info2?t=0.1', S_REF))
    const recent = ScienJusClient.check(
      await this.post('http://d1.web2.qq.com/channel/get_recent_list2', D_REF, {
        vfwebqq: o.vfwebqq,
        clientid: CLIENT_ID,
        psessionid: ''
      })
    )
    const groupInfo = groups
      ? ScienJusClient.check(
          await this.get(`http://s.web2.qq.com/api/get_group_info_ext2?gcode=${groups.gnamelist[0].code}&vfwebqq=${o.vfwebqq}&t=0.1`, S_REF)
        )
      : null
    return { groups, friends, discusses, account, recent, groupInfo }
  }

  /** One round of Bot#poll: the result list when retcode is 0, else null. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async poll(): Promise<any[] | null> {
    const o = this.options
    return ScienJusClient.check(
      await this.post('http://d1.web2.qq.com/channel/poll2', D_REF, {
        ptwebqq: o.ptwebqq,
        clientid: CLIENT_ID,
        psessionid: o.psessionid,
        key: ''
      })
    )
  }

  /** send_to_*: Bot#check_send_msg_response is true only for `errCode == 0`. */
  async send(kind: 'friend' | 'group' | 'discuss', id: number, text: string): Promise<boolean> {
    const o = this.options
    const [endpoint, key] = {
      friend: ['send_buddy_msg2', 'to'],
      group: ['send_qun_msg2', 'group_uin'],
      discuss: ['send_discu_msg2', 'did']
    }[kind]
    const res = await this.post(`http://d1.web2.qq.com/channel/${endpoint}`, D_REF, {
      [key!]: id,
      content: JSON.stringify([text, ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]]),
      face: 522,
      clientid: CLIENT_ID,
      msg_id: ++this.msgId,
      psessionid: o.psessionid
    })
    return res.status === 200 && res.json().errCode === 0
  }
}
