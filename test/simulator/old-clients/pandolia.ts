/**
 * pandolia/qqbot (Python, v2.3.x, 2016-07..2018) as it talked to SmartQQ, from qqbot/basicqsession.py
 * and qcontactdb/fetch.py: a requests.Session (a real, domain-aware cookie jar; every redirect
 * followed, cookies kept from each hop), STICKY Referer/Origin headers (session.headers.update), the
 * login answer read as text (split on ',') and retcode-or-errCode checks in smartRequest.
 */
import { CookieJar } from 'tough-cookie'
import { hash33, contactHash } from '../../../src/simulator/index'
import { rawRequest } from '../client'
import { onSim, setCookieLines, type HttpResult } from './wire'

const CLIENT_ID = 53999199
const LOGIN_PAGE =
  'https://ui.ptlogin2.qq.com/cgi-bin/login?daid=164&target=self&style=16&mibao_css=m_webqq&appid=501004106&enable_qlogin=0&no_verifyimg=1&s_url=http%3A%2F%2Fw.qq.com%2Fproxy.html&f_url=loginerroralert&strong_login=1&login_state=10&t=20131024001'
const D1_REF_HTTP = 'http://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'
const D1_REF_HTTPS = 'https://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'
const S_REF_HTTPS = 'https://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1'

export class PandoliaClient {
  readonly jar = new CookieJar(undefined, {
    rejectPublicSuffixes: false,
    allowSpecialUseDomain: true
  })
  /** session.cookies.update({...}): domain-less cookies PQ planted itself. */
  private planted = new Map<string, string>()
  private sticky: Record<string, string> = {}
  /** Every URL a GET ended on after following redirects (check_sig's last hop is here). */
  readonly finalUrls: string[] = []
  nick = ''
  qq = ''
  ptwebqq = ''
  vfwebqq = ''
  uin = 0
  psessionid = ''
  private msgId = 6_000_000

  /**
   * hostsFile: the real host names stay in every URL (port: the simulator's), as with a hosts file
   * pointing them at loopback; the jar then sees qq.com hosts and DOMAIN=qq.com cookies.
   */
  constructor(
    readonly base: string,
    readonly hostsFile = false
  ) {}

  private where(url: string): string {
    if (!this.hostsFile) return onSim(this.base, url)
    const port = new URL(this.base).port
    return url.replace(/^https?:\/\/([^/:]+)(:\d+)?/, (_m, host: string) => `http://${host}:${port}`)
  }

  async cookie(name: string): Promise<string | undefined> {
    const found = (await this.jar.getCookies(this.hostsFile ? this.where('http://w.qq.com/') : this.base + '/')).find((c) => c.key === name)
    return found?.value ?? this.planted.get(name)
  }

  /** urlGet: GET (following redirects like requests) or POST with form data. */
  async urlGet(url: string, data?: Record<string, string>, referer?: string, origin?: string): Promise<HttpResult> {
    if (referer) this.sticky.Referer = referer
    if (origin) this.sticky.Origin = origin
    let target = this.where(url)
    for (let hop = 0; hop < 5; hop++) {
      const jarCookies = await this.jar.getCookieString(target)
      const names = new Set(jarCookies.split('; ').map((c) => c.split('=')[0]))
      const planted = [...this.planted].filter(([k]) => !names.has(k)).map(([k, v]) => `${k}=${v}`)
      const cookie = [jarCookies, ...planted].filter(Boolean).join('; ')
      const headers: Record<string, string> = {
        'User-Agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:27.0) Gecko/20100101 Firefox/27.0',
        'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
        ...this.sticky,
        ...(cookie && { Cookie: cookie })
      }
      const body = data && hop === 0 ? new URLSearchParams(data).toString() : undefined
      const t = new URL(target)
      // With a hosts file the connection goes to loopback; the Host header keeps the real name.
      const res = await rawRequest(this.hostsFile ? this.base + t.pathname + t.search : target, {
        method: body ? 'POST' : 'GET',
        headers: this.hostsFile ? { ...headers, Host: t.host } : headers,
        ...(body !== undefined && { body })
      })
      for (const line of setCookieLines(res)) await this.jar.setCookie(line, target, { ignoreError: true })
      const location = res.headers.location
      if (res.status >= 300 && res.status < 400 && typeof location === 'string') {
        target = new URL(location, target).href
        continue
      }
      this.finalUrls.push(target)
      return res
    }
    throw new Error('too many redirects')
  }

  /** smartRequest without the retry loop: the result if its retcode (or errCode) is expected. */
  async smartRequest(
    url: string,
    opts: {
      data?: Record<string, string>
      referer?: string
      origin?: string
      expectedCodes?: number[]
      expectedKey?: string
    } = {}
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<any> {
    const res = await this.urlGet(url, opts.data, opts.referer, opts.origin)
    if ([502, 504, 404].includes(res.status)) return { timeout: res.status }
    const rst = res.json()
    const result = rst.result ?? rst
    if (opts.expectedKey) {
      if (opts.expectedKey in result) return result
    } else {
      const retcode = rst.retcode ?? rst.errCode ?? rst.ec ?? -1
      if ((opts.expectedCodes ?? [0, 100003, 100100]).includes(retcode)) return result
    }
    throw new Error(`RequestError ${url.split('?')[0]}: ${res.text}`)
  }

  async getAuthStatus(): Promise<string> {
    const qrsig = (await this.cookie('qrsig')) ?? ''
    const res = await this.urlGet(
      `https://ssl.ptlogin2.qq.com/ptqrlogin?ptqrtoken=${hash33(qrsig)}&webqq_type=10&remember_uin=1&login2qq=1&aid=501004106&u1=http%3A%2F%2Fw.qq.com%2Fproxy.html%3Flogin2qq%3D1%26webqq_type%3D10&ptredirect=0&ptlang=2052&daid=164&from_ui=1&pttype=1&dumy=&fp=loginerroralert&action=0-0-1234567.8&mibao_css=m_webqq&t=undefined&g=1&js_type=0&js_ver=10141&login_sig=&pt_randsalt=0`,
      undefined,
      LOGIN_PAGE
    )
    return res.text
  }

  /** prepareSession + waitForAuth: the state is read from the Chinese text, as PQ did. */
  async login(scan: () => void): Promise<void> {
    await this.urlGet(LOGIN_PAGE)
    for (const [k, v] of Object.entries({
      RK: 'OfeLBai4FB',
      pgv_pvi: '911366144',
      ptcz: 'ad3bf14f9da2738e09e498bfeb93dd9da7540dea2b7a71acfb97ed4d3da4e277',
      qrsig: 'hJ9GvNx*oIvLjP5I5dQ19KPa3zwxNI62eALLO*g2JLbKPYsZIRsnbJIxNe74NzQQ'
    }))
      this.planted.set(k, v)
    await this.getAuthStatus()
    this.planted.delete('qrsig')
    await this.urlGet('https://ssl.ptlogin2.qq.com/ptqrshow?appid=501004106&e=0&l=M&s=5&d=72&v=4&t=0.3')
    let urlPtwebqq = ''
    for (let i = 0; i < 5 && !urlPtwebqq; i++) {
      const status = await this.getAuthStatus()
      if (status.includes('二维码未失效')) scan()
      else if (status.includes('二维码认证中')) continue
      else if (status.includes('登录成功')) {
        const items = status.split(',')
        this.nick = items[items.length - 1]!.split("'")[1]!
        this.qq = String(Number((await this.cookie('superuin'))!.slice(1)))
        urlPtwebqq = items[2]!.trim().replace(/^'+|'+$/g, '')
      } else throw new Error(`获取二维码扫描状态时出错, html="${status}"`)
    }
    if (!urlPtwebqq) throw new Error('never logged in')
    // getPtwebqq: requests follows check_sig's 302.
    await this.urlGet(urlPtwebqq)
    this.ptwebqq = (await this.cookie('ptwebqq'))!
    this.vfwebqq = (
      await this.smartRequest(`http://s.web2.qq.com/api/getvfwebqq?ptwebqq=${this.ptwebqq}&clientid=${CLIENT_ID}&psessionid=&t=0.5`, {
        referer: 'http://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1',
        origin: 'http://s.web2.qq.com'
      })
    ).vfwebqq
    const l2 = await this.smartRequest('http://d1.web2.qq.com/channel/login2', {
      data: {
        r: JSON.stringify({
          ptwebqq: this.ptwebqq,
          clientid: CLIENT_ID,
          psessionid: '',
          status: 'online'
        })
      },
      referer: D1_REF_HTTP,
      origin: 'http://d1.web2.qq.com'
    })
    this.uin = l2.uin
    this.psessionid = l2.psessionid
    // TestLogin: get_online_buddies2 "to avoid 103".
    await this.smartRequest(
      `http://d1.web2.qq.com/channel/get_online_buddies2?vfwebqq=${this.vfwebqq}&clientid=${CLIENT_ID}&psessionid=${this.psessionid}&t=0.6`,
      { referer: D1_REF_HTTP, origin: 'http://d1.web2.qq.com' }
    )
  }

  /** fetch.py: buddies, groups, discussions, then one group's and one discussion's members. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async fetchAll(): Promise<Record<string, any>> {
    const data = {
      r: JSON.stringify({ vfwebqq: this.vfwebqq, hash: contactHash(this.uin, this.ptwebqq) })
    }
    const buddies = await this.smartRequest('https://s.web2.qq.com/api/get_user_friends2', {
      data,
      referer: D1_REF_HTTPS,
      expectedKey: 'marknames'
    })
    const groups = await this.smartRequest('https://s.web2.qq.com/api/get_group_name_list_mask2', {
      data,
      referer: D1_REF_HTTPS,
      expectedKey: 'gmarklist'
    })
    const discusses = await this.smartRequest(
      `https://s.web2.qq.com/api/get_discus_list?clientid=${CLIENT_ID}&psessionid=${this.psessionid}&vfwebqq=${this.vfwebqq}&t=0.7`,
      { referer: D1_REF_HTTPS, expectedKey: 'dnamelist' }
    )
    const members = await this.smartRequest(
      `https://s.web2.qq.com/api/get_group_info_ext2?gcode=${groups.gnamelist[0].code}&vfwebqq=${this.vfwebqq}&t=0.8`,
      { referer: S_REF_HTTPS, expectedKey: 'minfo' }
    )
    const discussMembers = await this.smartRequest(
      `https://d1.web2.qq.com/channel/get_discu_info?did=${discusses.dnamelist[0].did}&psessionid=${this.psessionid}&vfwebqq=${this.vfwebqq}&clientid=${CLIENT_ID}&t=0.9`,
      { referer: D1_REF_HTTPS }
    )
    return { buddies, groups, discusses, members, discussMembers }
  }

  /** Poll: a list means messages (it reads the first), anything else is a timeout. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async poll(): Promise<any[] | 'timeout'> {
    const result = await this.smartRequest('https://d1.web2.qq.com/channel/poll2', {
      data: {
        r: JSON.stringify({
          ptwebqq: this.ptwebqq,
          clientid: CLIENT_ID,
          psessionid: this.psessionid,
          key: ''
        })
      },
      referer: D1_REF_HTTP,
      expectedCodes: [0, 100003, 100100, 1202, 103]
    })
    return Array.isArray(result) ? result : 'timeout'
  }

  /** send(): throws (RequestError) unless the answer's retcode or errCode is 0. */
  async send(ctype: 'buddy' | 'group' | 'discuss', uin: number, text: string): Promise<void> {
    const url = {
      buddy: 'http://d1.web2.qq.com/channel/send_buddy_msg2',
      group: 'http://d1.web2.qq.com/channel/send_qun_msg2',
      discuss: 'http://d1.web2.qq.com/channel/send_discu_msg2'
    }[ctype]
    const tag = { buddy: 'to', group: 'group_uin', discuss: 'did' }[ctype]
    await this.smartRequest(url, {
      data: {
        r: JSON.stringify({
          [tag]: uin,
          content: JSON.stringify([text, ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]]),
          face: 522,
          clientid: CLIENT_ID,
          msg_id: ++this.msgId,
          psessionid: this.psessionid
        })
      },
      referer: D1_REF_HTTP,
      expectedCodes: [0]
    })
  }
}
