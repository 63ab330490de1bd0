/**
 * The seed's five login steps plus registration, relink and the remembered session.
 * QR (keep qrsig) -> ptqrlogin with ptqrtoken -> check_sig (302, cookies, no Referer) ->
 * getvfwebqq -> login2 -> get_online_buddies2 (without it later servers answer every poll 103).
 */
import * as v from 'valibot'
import type { ClientContext } from './context'
import { getOnlineBuddies } from './contacts'
import { ENDPOINTS, endpointUrl, serverGivenUrl } from './endpoints'
import { ProtocolError } from './errors'
import { hash33 } from './hash'
import { callApi, httpError } from './json'
import { parsePtuiCB } from './ptui'
import { Login2ResultSchema, VfwebqqResultSchema } from './schemas/login'
import { cacheBuster, requireCredentials } from './session'
import { rememberSecrets } from './redact'
import { cookiesProblem, credentialsProblem, tokenProblem, tokenSchema } from './tokens'
import { CLIENT_ID, type QrPollResult, type SavedSession, type SessionCredentials } from './types'

type Signal = AbortSignal | undefined

const APPID = 501004106
const DAID = 164
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47]

/** Step 0 (reference §1.2): the xlogin page sets pt_login_sig; nothing shows it is required. */
export async function prepareLogin(ctx: ClientContext, signal: Signal): Promise<void> {
  const query = {
    daid: DAID,
    target: 'self',
    style: 40,
    pt_disable_pwd: 1,
    mibao_css: 'm_webqq',
    appid: APPID,
    enable_qlogin: 0,
    no_verifyimg: 1,
    s_url: 'http://w.qq.com/proxy.html',
    f_url: 'loginerroralert',
    strong_login: 1,
    login_state: 10,
    t: 20131024001
  }
  const res = await ctx.request(ENDPOINTS.xlogin, { query, signal })
  if (res.status !== 200) throw httpError(ENDPOINTS.xlogin, res)
}

/** Step 1: the QR PNG. Its qrsig cookie stays in the jar for ptqrtoken. */
export async function fetchQrCode(ctx: ClientContext, signal: Signal): Promise<{ png: Uint8Array; shownAt: number }> {
  const endpoint = ENDPOINTS.ptqrshow
  const query = { appid: APPID, e: 0, l: 'M', s: 5, d: 72, v: 4, t: Math.random(), daid: DAID, pt_3rd_aid: 0 }
  const res = await ctx.request(endpoint, { query, signal })
  if (res.status !== 200) throw httpError(endpoint, res)
  const isPng = PNG_MAGIC.every((b, i) => res.body[i] === b)
  if (!isPng) {
    throw new ProtocolError({ code: 'malformed', endpoint: endpoint.name, httpStatus: 200, body: res.text, detail: 'not a PNG' })
  }
  if ((await ctx.jar.get('qrsig', endpointUrl(endpoint, ctx.serverUrl))) === null) {
    throw new ProtocolError({ code: 'malformed', endpoint: endpoint.name, httpStatus: 200, detail: 'no qrsig cookie set' })
  }
  return { png: new Uint8Array(res.body), shownAt: Date.now() }
}

/** Step 2: one scan-state check, with ptqrtoken = hash33(qrsig) (required from 2017-02). */
export async function pollQrState(ctx: ClientContext, qrShownAt: number, signal: Signal): Promise<QrPollResult> {
  const endpoint = ENDPOINTS.ptqrlogin
  const url = endpointUrl(endpoint, ctx.serverUrl)
  const qrsig = await ctx.jar.get('qrsig', url)
  if (qrsig === null) throw new ProtocolError({ code: 'no-session', endpoint: endpoint.name, detail: 'no QR fetched yet' })
  const query = {
    ptqrtoken: hash33(qrsig),
    webqq_type: 10,
    remember_uin: 1,
    login2qq: 1,
    aid: APPID,
    u1: 'http://w.qq.com/proxy.html?login2qq=1&webqq_type=10',
    ptredirect: 0,
    ptlang: 2052,
    daid: DAID,
    from_ui: 1,
    pttype: 1,
    dumy: '',
    fp: 'loginerroralert',
    action: `0-0-${Math.max(0, Date.now() - qrShownAt)}`,
    mibao_css: 'm_webqq',
    t: 1,
    g: 1,
    js_type: 0,
    js_ver: 10203,
    login_sig: (await ctx.jar.get('pt_login_sig', url)) ?? '',
    pt_randsalt: 2
  }
  const res = await ctx.request(endpoint, { url, query, signal })
  if (res.status !== 200) throw httpError(endpoint, res)
  return parsePtuiCB(res.text)
}

async function login2(ctx: ClientContext, ptwebqq: string, psessionid: string, signal: Signal) {
  // A relink (psessionid set) also sends key:"" as Mojo's _relink did.
  const r = psessionid
    ? { ptwebqq, clientid: CLIENT_ID, psessionid, key: '', status: 'online' }
    : { ptwebqq, clientid: CLIENT_ID, psessionid: '', status: 'online' }
  return await callApi(ctx, ENDPOINTS.login2, { r, signal }, Login2ResultSchema)
}

/** Steps 4-5 and registration, from whatever ptwebqq the jar (or the saved session) holds. */
async function establish(ctx: ClientContext, fallbackPtwebqq: string, signal: Signal): Promise<SessionCredentials> {
  const cookieUrl = endpointUrl(ENDPOINTS.getvfwebqq, ctx.serverUrl)
  // Clients reported ptwebqq can be empty and still work (reference §1.6), so a missing cookie is not fatal here.
  const ptwebqq = (await ctx.jar.get('ptwebqq', cookieUrl)) ?? fallbackPtwebqq
  const problem = tokenProblem(ptwebqq)
  if (problem !== null)
    throw new ProtocolError({ code: 'bad-token', endpoint: ENDPOINTS.getvfwebqq.name, detail: `the ptwebqq cookie is unusable: ${problem}` })
  const query = { ptwebqq, clientid: CLIENT_ID, psessionid: '', t: cacheBuster() }
  const { vfwebqq } = await callApi(ctx, ENDPOINTS.getvfwebqq, { query, signal }, VfwebqqResultSchema)
  const { uin, psessionid } = await login2(ctx, ptwebqq, '', signal)
  ctx.credentials = { ptwebqq, vfwebqq, psessionid, uin }
  rememberSecrets([ptwebqq, vfwebqq, psessionid])
  await getOnlineBuddies(ctx, signal)
  return ctx.credentials
}

/** Step 3 (check_sig, read as the 302 it is) then establish the session. */
export async function completeLogin(ctx: ClientContext, checkSigUrl: string, signal: Signal): Promise<SessionCredentials> {
  const endpoint = ENDPOINTS.checkSig
  let url: URL
  try {
    url = serverGivenUrl(checkSigUrl, ctx.serverUrl)
  } catch (cause) {
    throw new ProtocolError({ code: 'malformed', endpoint: endpoint.name, body: checkSigUrl, detail: 'bad check_sig URL', cause })
  }
  const res = await ctx.request(endpoint, { url, signal })
  if (res.status < 300 || res.status > 399) throw httpError(endpoint, res, 'check_sig should answer a redirect')
  return await establish(ctx, '', signal)
}

/** login2 again with the current psessionid (poll 120/121); vfwebqq stays the getvfwebqq one. */
export async function relink(ctx: ClientContext, signal: Signal): Promise<SessionCredentials> {
  const c = requireCredentials(ctx, ENDPOINTS.login2.name)
  const { uin, psessionid } = await login2(ctx, c.ptwebqq, c.psessionid, signal)
  ctx.credentials = { ...c, uin, psessionid }
  rememberSecrets([psessionid])
  return ctx.credentials
}

/** A session whose tokens could not be used again is not worth remembering: null then (and never persisted). */
export async function exportSession(ctx: ClientContext): Promise<SavedSession | null> {
  if (!ctx.credentials) return null
  const cookies = await ctx.jar.serialize()
  const problem = credentialsProblem(ctx.credentials) ?? cookiesProblem(cookies)
  if (problem !== null) throw new ProtocolError({ code: 'bad-token', endpoint: 'exportSession', detail: `not saving the session: ${problem}` })
  return { credentials: { ...ctx.credentials }, cookies, savedAt: Date.now() }
}

const SavedSessionSchema = v.object({
  credentials: v.object({
    ptwebqq: tokenSchema(),
    vfwebqq: tokenSchema(),
    psessionid: tokenSchema(),
    uin: v.number()
  }),
  cookies: v.looseObject({ cookies: v.array(v.unknown()) }),
  savedAt: v.number()
})

/** Loads a remembered session (validated: it comes from a file). */
export async function importSession(ctx: ClientContext, saved: unknown): Promise<void> {
  const parsed = v.safeParse(SavedSessionSchema, saved)
  if (!parsed.success) {
    const detail = `saved session is invalid at ${v.getDotPath(parsed.issues[0]) ?? '(root)'}: ${parsed.issues[0].message}`
    throw new ProtocolError({ code: 'malformed', endpoint: 'importSession', detail })
  }
  const problem = cookiesProblem(parsed.output.cookies)
  if (problem !== null) throw new ProtocolError({ code: 'bad-token', endpoint: 'importSession', detail: `saved session unusable: ${problem}` })
  try {
    await ctx.jar.load(parsed.output.cookies)
  } catch (cause) {
    throw new ProtocolError({ code: 'malformed', endpoint: 'importSession', detail: 'saved cookies are unreadable', cause })
  }
  ctx.credentials = { ...parsed.output.credentials }
  rememberSecrets([ctx.credentials.ptwebqq, ctx.credentials.vfwebqq, ctx.credentials.psessionid])
}

/** Re-validates a restored session: getvfwebqq + login2 with the saved cookies, then register. */
export async function resumeSession(ctx: ClientContext, signal: Signal): Promise<SessionCredentials> {
  const saved = requireCredentials(ctx, 'resumeSession')
  return await establish(ctx, saved.ptwebqq, signal)
}
