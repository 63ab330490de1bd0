/**
 * A minimal, deliberately literal SmartQQ client for the simulator's tests: raw node:http (so headers
 * such as an empty Referer go out exactly as written) and a one-origin cookie jar.
 */
import { request } from 'node:http'
import { contactHash, hash33 } from '../../src/simulator/index'

export const S_REF = 'https://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1'
export const D_REF = 'https://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'
export const CLIENT_ID = 53999199

export interface HttpResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  text: string
  /** Test-only: bodies are asserted field by field, so the parsed JSON is deliberately untyped. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any
}

export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        const text = body.toString('utf8')
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          text,
          json: () => JSON.parse(text)
        })
      })
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

export interface Creds {
  ptwebqq: string
  vfwebqq: string
  psessionid: string
  uin: number
}

export class TestClient {
  readonly cookies = new Map<string, string>()
  creds: Creds | null = null

  constructor(readonly base: string) {}

  async get(path: string, referer: string | null = S_REF, extra: Record<string, string> = {}): Promise<HttpResult> {
    return this.call('GET', path, undefined, referer, extra)
  }

  async postR(path: string, r: unknown, referer: string | null = D_REF): Promise<HttpResult> {
    return this.call('POST', path, 'r=' + encodeURIComponent(JSON.stringify(r)), referer, {
      'content-type': 'application/x-www-form-urlencoded'
    })
  }

  async call(
    method: string,
    path: string,
    body: string | undefined,
    referer: string | null,
    extra: Record<string, string> = {}
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { 'user-agent': 'Mozilla/5.0 test', ...extra }
    if (referer !== null) headers.referer = referer
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (cookie) headers.cookie = cookie
    const res = await rawRequest(this.base + path, { method, headers, body })
    const set = res.headers['set-cookie']
    for (const line of Array.isArray(set) ? set : []) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1))
    }
    return res
  }

  async showQr(): Promise<HttpResult> {
    return this.get('/ptqrshow?appid=501004106&e=0&l=M&s=5&d=72&v=4&t=0.1', null)
  }

  qrPath(token = String(hash33(this.cookies.get('qrsig') ?? ''))): string {
    return `/ptqrlogin?ptqrtoken=${token}&webqq_type=10&remember_uin=1&login2qq=1&aid=501004106&u1=http%3A%2F%2Fw.qq.com%2Fproxy.html%3Flogin2qq%3D1%26webqq_type%3D10&ptredirect=0&ptlang=2052&daid=164&from_ui=1&pttype=1&dumy=&fp=loginerroralert&action=0-0-1000&mibao_css=m_webqq&t=undefined&g=1&js_type=0&js_ver=10203&login_sig=&pt_randsalt=2`
  }

  async qrState(): Promise<string[]> {
    const res = await this.get(this.qrPath(), null)
    return [...res.text.matchAll(/'([^']*)'/g)].map((m) => m[1]!)
  }

  /** login2's raw `result` from the last webLogin (its vfwebqq is the decoy the seed warns about). */
  login2Result: { uin: number; vfwebqq: string; psessionid: string } | null = null

  /** check_sig -> getvfwebqq -> login2 -> get_online_buddies2, like a post-2017 client. */
  async completeLogin(checkSigUrl: string, register = true): Promise<Creds> {
    const cs = await this.get(new URL(checkSigUrl).pathname + new URL(checkSigUrl).search, null)
    if (cs.status !== 302) throw new Error(`check_sig answered ${cs.status}`)
    return this.webLogin(register)
  }

  /** getvfwebqq + login2 (psessionid "") with whatever ptwebqq the jar holds: YZ/RB's remembered login. */
  async webLogin(register = true): Promise<Creds> {
    const ptwebqq = this.cookies.get('ptwebqq') ?? ''
    const vf = (await this.get(`/api/getvfwebqq?ptwebqq=${ptwebqq}&clientid=${CLIENT_ID}&psessionid=&t=0.1`)).json()
    if (vf.retcode !== 0) throw new Error(`getvfwebqq: ${JSON.stringify(vf)}`)
    const l2 = (
      await this.postR('/channel/login2', {
        ptwebqq,
        clientid: CLIENT_ID,
        psessionid: '',
        status: 'online'
      })
    ).json()
    if (l2.retcode !== 0) throw new Error(`login2: ${JSON.stringify(l2)}`)
    this.login2Result = l2.result
    this.creds = {
      ptwebqq,
      vfwebqq: vf.result.vfwebqq,
      psessionid: l2.result.psessionid,
      uin: l2.result.uin
    }
    if (register) await this.onlineBuddies()
    return this.creds
  }

  onlineBuddies(): Promise<HttpResult> {
    const c = this.creds!
    return this.get(`/channel/get_online_buddies2?vfwebqq=${c.vfwebqq}&clientid=${CLIENT_ID}&psessionid=${c.psessionid}&t=0.1`, D_REF)
  }

  poll(): Promise<HttpResult> {
    const c = this.creds!
    return this.postR('/channel/poll2', {
      ptwebqq: c.ptwebqq,
      clientid: CLIENT_ID,
      psessionid: c.psessionid,
      key: ''
    })
  }

  hash(): string {
    return contactHash(this.creds!.uin, this.creds!.ptwebqq)
  }

  friends(hash = this.hash(), vfwebqq = this.creds!.vfwebqq): Promise<HttpResult> {
    return this.postR('/api/get_user_friends2', { vfwebqq, hash }, S_REF)
  }

  groups(): Promise<HttpResult> {
    return this.postR('/api/get_group_name_list_mask2', { vfwebqq: this.creds!.vfwebqq, hash: this.hash() }, S_REF)
  }

  send(endpoint: string, target: Record<string, number>, content: unknown, msgId = 65890001): Promise<HttpResult> {
    const c = this.creds!
    return this.postR(`/channel/${endpoint}`, {
      ...target,
      content,
      face: 522,
      clientid: CLIENT_ID,
      msg_id: msgId,
      psessionid: c.psessionid
    })
  }
}

/** A content string as the seed builds it: text and faces, then the font LAST. */
export function content(...parts: Array<string | ['face', number]>): string {
  return JSON.stringify([...parts, ['font', { name: '宋体', size: 10, style: [0, 0, 0], color: '000000' }]])
}

/** QR shown, scanned and confirmed, then the web2 login. */
export async function loggedIn(sim: { url: string; scan: (o?: { confirm?: boolean }) => void }, register = true): Promise<TestClient> {
  const c = new TestClient(sim.url)
  await c.showQr()
  sim.scan()
  const fields = await c.qrState()
  const url = fields.find((f) => f.includes('/check_sig?'))
  if (!url) throw new Error(`no check_sig URL in ${fields.join(',')}`)
  await c.completeLogin(url, register)
  return c
}
