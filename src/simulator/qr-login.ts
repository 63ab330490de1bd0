/**
 * The ptlogin2/ptlogin4 surface: xlogin (pt_login_sig), ptqrshow (PNG + qrsig), ptqrlogin (scan state),
 * check_sig (302 + web2 cookies), pt4_auth (re-login without scanning) and logout.
 */
import QRCode from 'qrcode'
import type { SimCore } from './core'
import { InvalidInput } from './errors'
import { addCookies, cookie, html, type CookiePair, refuse, retcode, type Reply, type SimRequest } from './http-io'
import { randInt, randToken } from './prng'
import { hash33, time33 } from './protocol-hashes'
import { qrExpired } from './qr-state'
import type { PtLogin } from './sessions'
import { qqCookieValue } from './web2-guard'

const APPID = '501004106'
/** The real redirect went to http://w.qq.com/proxy.html; the simulator serves that page itself. */
const PROXY_PATH = '/proxy.html?login2qq=1&webqq_type=10'

function script(body: string, extra: Record<string, string> = {}): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'application/javascript; charset=utf-8', ...extra },
    body
  }
}

/** Step 0: the login page; only the pt_login_sig cookie matters (reference §1.2). */
export function xlogin(core: SimCore): Reply {
  const sig = randToken(core.qrRng, 64)
  const page = `<!DOCTYPE html><html><head><script>var g_login_sig="${sig}",g_pt_version="10233",g_mibao_css="m_webqq";</script></head><body>QQ登录</body></html>`
  return addCookies(html(200, page), [cookie('pt_login_sig', sig)])
}

/** Step 1: a real QR PNG and a fresh qrsig; the previous QR stops working. */
export async function ptqrshow(core: SimCore): Promise<Reply> {
  const qrsig = randToken(core.qrRng, 64)
  core.qr = { qrsig, createdAt: core.now(), phase: 'waiting', ptlogin: null, ticket: null }
  const png = await QRCode.toBuffer(`https://txz.qq.com/p?k=${encodeURIComponent(qrsig.slice(0, 32))}&f=${APPID}`, {
    type: 'png',
    margin: 2,
    scale: 4
  })
  return addCookies({ status: 200, headers: { 'content-type': 'image/png' }, body: png }, [cookie('qrsig', qrsig)])
}

/** Step 2: ptuiCB(...) with the scan state, in the form of the configured era. */
export function ptqrlogin(core: SimCore, req: SimRequest): Reply {
  if (req.query.get('aid') !== APPID)
    return refuse(script(`ptuiCB('7','0','','0','提交参数错误，请检查。(${digits(core)})', '');`), 'ptqrlogin-aid', `ptqrlogin needs aid=${APPID}`)
  const seedForm = core.opts.ptuiForm === 'seed'
  const waiting = (): Reply =>
    script(
      seedForm ? `ptuiCB('66','0','','0','二维码未失效。（${digits(core)}）','');` : `ptuiCB('66','0','','0','二维码未失效。(${digits(core)})', '');`
    )
  const expired = (rule: string, detail: string): Reply =>
    refuse(script(`ptuiCB('65','0','','0','二维码已失效。(${digits(core)})', '');`), rule, detail)
  const qr = core.qr
  const qrsig = req.cookies.get('qrsig')
  if (!qr || qrsig !== qr.qrsig)
    return expired('qrsig-stale', qr ? 'the qrsig cookie is not the one of the QR shown last' : 'no QR has been shown (ptqrshow)')
  // From 2017-02 ptqrlogin without ptqrtoken is refused with HTTP 403 (ScienJus/qqbot PR #5 reports the
  // 403 it fixed); a wrong one never progresses (reference §1.1, §9).
  if (core.opts.ptqrtoken && !req.query.has('ptqrtoken'))
    return refuse(
      html(403, '<html><body>403 Forbidden</body></html>'),
      'ptqrtoken',
      'ptqrlogin needs ptqrtoken = hash33(qrsig) (required from 2017-02): 403 without it'
    )
  if (core.opts.ptqrtoken && req.query.get('ptqrtoken') !== String(hash33(qr.qrsig)))
    return refuse(waiting(), 'ptqrtoken', 'ptqrtoken must be hash33(qrsig) (required from 2017-02); the state stays 66 with a wrong one')
  if (qrExpired(qr, core.now(), core.opts.qrLifetimeMs)) return expired('qr-expired', 'the QR code is older than qrLifetimeMs')
  if (qr.phase === 'waiting') return waiting()
  if (qr.phase === 'scanned')
    return script(
      seedForm ? `ptuiCB('66','0','','0','二维码认证中。（${digits(core)}）','');` : `ptuiCB('67','0','','0','二维码认证中。(${digits(core)})', '');`
    )
  const ptlogin = (qr.ptlogin ??= core.registry.newPtLogin(core.account.self.qq))
  const ticket = (qr.ticket ??= core.registry.issueTicket(ptlogin))
  const url = checkSigUrl(core, req, ptlogin.qq, ticket)
  const nick = core.account.self.nick
  // The seed's example puts the URL in the 5th field; real servers put it in the 3rd.
  const body = seedForm ? `ptuiCB('66','0','','0','${url}','');` : `ptuiCB('0','0','${url}','0','登录成功！', '${nick}');`
  return addCookies(script(body), ptloginCookies(ptlogin, nick, randToken(core.qrRng, 44)))
}

function ptloginCookies(p: PtLogin, nick: string, superkey: string): CookiePair[] {
  const qq = qqCookieValue(p.qq)
  return [
    cookie('uin', qq),
    cookie('superuin', qq),
    cookie('pt2gguin', qq),
    cookie('superkey', superkey),
    cookie('supertoken', p.supertoken),
    cookie('skey', p.skey),
    cookie('RK', 'Rk' + p.supertoken),
    cookie('ptcz', p.supertoken.padEnd(16, '0')),
    cookie('pt_recent_uins', String(p.qq)),
    cookie(`ptnick_${p.qq}`, Buffer.from(nick, 'utf8').toString('hex'))
  ]
}

/**
 * Where the client reaches check_sig: the simulator's own URL, or, for a client that reached it under
 * qq.com host names (a hosts-file mapping), the real ptlogin4.web2.qq.com with the same port, so the
 * DOMAIN=qq.com cookies check_sig sets are the ones the web2 hosts get.
 */
function checkSigOrigin(core: SimCore, req: SimRequest): string {
  const host = req.headers.host ?? ''
  const m = /^([^:]+)(:\d+)?$/.exec(host)
  if (m && (m[1] === 'qq.com' || m[1]!.endsWith('.qq.com'))) return `http://ptlogin4.web2.qq.com${m[2] ?? ''}`
  return core.baseUrl
}

function checkSigUrl(core: SimCore, req: SimRequest, qq: number, ticket: string): string {
  return (
    `${checkSigOrigin(core, req)}/check_sig?pttype=1&uin=${qq}&service=ptqrlogin&nodirect=0&ptsigx=${ticket}` +
    '&s_url=http%3A%2F%2Fw.qq.com%2Fproxy.html%3Flogin2qq%3D1%26webqq_type%3D10&f_url=&ptlang=2052&ptredirect=100' +
    '&aid=501004106&daid=164&j_later=0&low_login_hour=0&regmaster=0&pt_login_type=3&pt_aid=0&pt_aaid=16&pt_light=0&pt_3rd_aid=0'
  )
}

/** Step 3: single-use; 302 with ptwebqq, p_skey, p_uin, pt4_token. An empty Referer header gets 403 (SJ #28). */
export function checkSig(core: SimCore, req: SimRequest): Reply {
  if (req.headers.referer !== undefined && req.headers.referer.trim() === '')
    return refuse(
      html(403, '<html><body><h1>403 Forbidden</h1></body></html>'),
      'check-sig-empty-referer',
      'check_sig refuses an empty Referer header (send none, or a proxy page)'
    )
  const auth = core.registry.redeemTicket(req.query.get('ptsigx') ?? '')
  if (!auth)
    return refuse(
      html(200, '<html><body>登录失败，请重新登录。</body></html>'),
      'check-sig-ticket',
      'the ptsigx ticket is unknown or was already used (a check_sig URL works once)'
    )
  const qq = qqCookieValue(auth.ptlogin.qq)
  // Same host name the client used, so following the redirect stays on the simulator.
  const origin = req.headers.host ? `http://${req.headers.host}` : core.baseUrl
  return addCookies(
    {
      status: 302,
      headers: { location: origin + PROXY_PATH, 'content-type': 'text/html; charset=utf-8' },
      body: ''
    },
    [cookie('ptwebqq', auth.ptwebqq), cookie('p_skey', auth.pskey), cookie('p_uin', qq), cookie('pt4_token', auth.pt4token)]
  )
}

/** Mojo's quick login (reference §6): auth_token = time33(supertoken) of a ptlogin still within the session lifetime. */
export function pt4Auth(core: SimCore, req: SimRequest): Reply {
  const p = core.registry.ptloginBySupertoken(req.cookies.get('supertoken') ?? '')
  const fresh = p && core.now() - p.createdAt < core.opts.sessionLifetimeMs
  if (!p || !fresh || req.query.get('auth_token') !== String(time33(p.supertoken)) || req.query.get('appid') !== APPID)
    return refuse(
      script(`ptui_auth_CB('1','')`),
      'pt4-auth',
      'pt4_auth needs appid, the supertoken cookie of a fresh login and auth_token=time33(supertoken)'
    )
  return script(`ptui_auth_CB('0','${checkSigUrl(core, req, p.qq, core.registry.issueTicket(p))}')`)
}

/** Mojo's logout: pt4_token must match; the cookie jar is refused afterwards. */
export function logout(core: SimCore, req: SimRequest): Reply {
  const auth = core.registry.authByPskey(req.cookies.get('p_skey') ?? '')
  if (!auth || req.query.get('pt4_token') !== auth.pt4token)
    return refuse(
      script(`ptuiCB('1','0','','0','退出失败', '');`),
      'logout',
      'logout needs the p_skey cookie of a login and pt4_token equal to its pt4_token cookie'
    )
  const ended = core.registry.end(auth, 'logged-out')
  if (ended) core.hub.interrupt(ended, refuse(retcode(100_001, 'login error'), 'session-ended', 'the account logged out'))
  return script(`ptuiCB('0','0','','0','退出成功', '');`)
}

/** The phone scans the current QR (and, unless confirm is false, allows the login). */
export function scanQr(core: SimCore, confirm: boolean): void {
  const qr = core.qr
  if (!qr) throw new InvalidInput('no QR code has been shown yet (GET /ptqrshow first)')
  if (qrExpired(qr, core.now(), core.opts.qrLifetimeMs)) throw new InvalidInput('the QR code has expired')
  qr.phase = confirm ? 'confirmed' : 'scanned'
}

export function expireQr(core: SimCore): void {
  if (core.qr && core.qr.phase !== 'confirmed') core.qr.createdAt = core.now() - core.opts.qrLifetimeMs
}

function digits(core: SimCore): string {
  return String(randInt(core.qrRng, 1_000_000_000, 4_294_967_295))
}
