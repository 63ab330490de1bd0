/**
 * Every HTTP call the client makes, in one table: host, path, method, Referer and retry policy.
 *
 * Bases are https (s.web2 required it from 2018-12; reference §1.0). Referers are the protocol's
 * own strings (seed; https form per reference §1.1) and stay the same when `serverUrl` maps every
 * base onto one origin, because servers checked the Referer's host, not the request's.
 */

export type Host = 'ssl-ptlogin' | 'xui-ptlogin' | 's-web2' | 'd1-web2'

export const BASE_URLS: Readonly<Record<Host, string>> = {
  'ssl-ptlogin': 'https://ssl.ptlogin2.qq.com',
  'xui-ptlogin': 'https://xui.ptlogin2.qq.com',
  's-web2': 'https://s.web2.qq.com',
  'd1-web2': 'https://d1.web2.qq.com'
}

/** The domain real servers set ptwebqq on (reference §1.6), used when we set it ourselves (poll 116). */
export const COOKIE_DOMAIN = 'qq.com'

const W_QQ_REFERER = 'http://w.qq.com/'
const XLOGIN_REFERER =
  'https://ui.ptlogin2.qq.com/cgi-bin/login?daid=164&target=self&style=16&mibao_css=m_webqq&appid=501004106&enable_qlogin=0&no_verifyimg=1&s_url=http%3A%2F%2Fw.qq.com%2Fproxy.html&f_url=loginerroralert&strong_login=1&login_state=10&t=20131024001'
const S_PROXY = 'https://s.web2.qq.com/proxy.html?v=20130916001&callback=1&id=1'
const D1_PROXY = 'https://d1.web2.qq.com/proxy.html?v=20151105001&callback=1&id=2'

/**
 * - `idempotent`: got retries network errors and 5xx (GETs only).
 * - `nginx404`: as idempotent, plus 404: s.web2's nginx answered a plain 404 now and then (reference §1.7).
 * - `none`: never retried by got (POSTs, single-use URLs, the poll whose loop owns backoff).
 */
export type RetryPolicy = 'idempotent' | 'nginx404' | 'none'

export interface Endpoint {
  readonly name: string
  /** null: the URL comes from the server (check_sig). */
  readonly host: Host | null
  readonly path: string
  readonly method: 'GET' | 'POST'
  /** null: send no Referer at all (an EMPTY one got 403 on check_sig; reference §1.6). */
  readonly referer: string | null
  readonly retry: RetryPolicy
  /** The poll gets the long timeout; everything else the normal one. */
  readonly long?: true
}

function get(name: string, host: Host, path: string, referer: string, retry: RetryPolicy = 'idempotent'): Endpoint {
  return { name, host, path, method: 'GET', referer, retry }
}
function post(name: string, host: Host, path: string, referer: string): Endpoint {
  return { name, host, path, method: 'POST', referer, retry: 'none' }
}

export const ENDPOINTS = {
  xlogin: get('xlogin', 'xui-ptlogin', '/cgi-bin/xlogin', W_QQ_REFERER),
  ptqrshow: get('ptqrshow', 'ssl-ptlogin', '/ptqrshow', XLOGIN_REFERER),
  ptqrlogin: get('ptqrlogin', 'ssl-ptlogin', '/ptqrlogin', XLOGIN_REFERER),
  checkSig: { name: 'check_sig', host: null, path: '', method: 'GET', referer: null, retry: 'none' } as Endpoint,
  getvfwebqq: get('getvfwebqq', 's-web2', '/api/getvfwebqq', S_PROXY, 'nginx404'),
  login2: post('login2', 'd1-web2', '/channel/login2', D1_PROXY),
  poll2: { ...post('poll2', 'd1-web2', '/channel/poll2', D1_PROXY), long: true } as Endpoint,
  sendBuddy: post('send_buddy_msg2', 'd1-web2', '/channel/send_buddy_msg2', D1_PROXY),
  sendGroup: post('send_qun_msg2', 'd1-web2', '/channel/send_qun_msg2', D1_PROXY),
  sendDiscuss: post('send_discu_msg2', 'd1-web2', '/channel/send_discu_msg2', D1_PROXY),
  friends: post('get_user_friends2', 's-web2', '/api/get_user_friends2', S_PROXY),
  onlineBuddies: get('get_online_buddies2', 'd1-web2', '/channel/get_online_buddies2', D1_PROXY),
  friendUin: get('get_friend_uin2', 's-web2', '/api/get_friend_uin2', D1_PROXY),
  friendInfo: get('get_friend_info2', 's-web2', '/api/get_friend_info2', S_PROXY),
  selfInfo: get('get_self_info2', 's-web2', '/api/get_self_info2', S_PROXY),
  longNick: get('get_single_long_nick2', 's-web2', '/api/get_single_long_nick2', S_PROXY),
  groups: post('get_group_name_list_mask2', 's-web2', '/api/get_group_name_list_mask2', D1_PROXY),
  groupInfo: get('get_group_info_ext2', 's-web2', '/api/get_group_info_ext2', S_PROXY),
  discussions: get('get_discus_list', 's-web2', '/api/get_discus_list', D1_PROXY),
  discussionInfo: get('get_discu_info', 'd1-web2', '/channel/get_discu_info', D1_PROXY),
  recentList: post('get_recent_list2', 'd1-web2', '/channel/get_recent_list2', D1_PROXY),
  changeStatus: get('change_status2', 'd1-web2', '/channel/change_status2', D1_PROXY)
} as const satisfies Record<string, Endpoint>

/** The real URL of an endpoint, or the same path on `serverUrl` when one origin serves everything. */
export function endpointUrl(endpoint: Endpoint, serverUrl: string | undefined): URL {
  if (endpoint.host === null) throw new Error(`${endpoint.name} has no fixed URL`)
  return new URL(endpoint.path, serverUrl ?? BASE_URLS[endpoint.host])
}

/**
 * A URL handed out by the server (check_sig). With `serverUrl`, a *.qq.com URL is moved onto that
 * origin (same path and query), so a simulator that hands out the real host still works.
 */
export function serverGivenUrl(raw: string, serverUrl: string | undefined): URL {
  const url = new URL(raw)
  if (serverUrl === undefined || !/(^|\.)qq\.com$/i.test(url.hostname)) return url
  return new URL(url.pathname + url.search, serverUrl)
}

/** Browsers send the Origin of the page that posts; the page is the Referer. */
export function originOf(referer: string): string {
  return new URL(referer).origin
}
