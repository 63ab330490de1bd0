/** Wires the pieces into one ProtocolClient: one jar, one got instance, one session. */
import * as contacts from './contacts'
import { checkServerUrl } from '../../shared/server-url'
import type { ClientContext } from './context'
import { createSessionJar } from './cookies'
import { ServerUrlError } from './errors'
import { createHttp } from './http'
import * as login from './login'
import { poll } from './poll'
import { send } from './send'
import type { ProtocolClient, ProtocolClientOptions } from './types'

const DEFAULTS = {
  pollTimeoutMs: 90_000,
  requestTimeoutMs: 15_000,
  retryLimit: 2,
  retryBackoffLimitMs: 4_000,
  // A 20,000-message poll answer is ~6 MB and a 3,000-member group ~1 MB; 32 MB leaves room and bounds memory.
  maxBodyBytes: 32 * 1024 * 1024
}

export function createProtocolClient(options: ProtocolClientOptions = {}): ProtocolClient {
  if (options.serverUrl !== undefined) {
    const check = checkServerUrl(options.serverUrl)
    if (!check.ok) throw new ServerUrlError(check.problem)
  }
  const jar = createSessionJar()
  const request = createHttp(jar, {
    serverUrl: options.serverUrl,
    userAgent: options.userAgent,
    pollTimeoutMs: options.pollTimeoutMs ?? DEFAULTS.pollTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    retryLimit: options.retry?.limit ?? DEFAULTS.retryLimit,
    retryBackoffLimitMs: options.retry?.backoffLimitMs ?? DEFAULTS.retryBackoffLimitMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes
  })
  const ctx: ClientContext = { request, jar, serverUrl: options.serverUrl, credentials: null }
  // ptqrlogin's `action` counts milliseconds since the QR was shown.
  let qrShownAt = Date.now()

  return {
    get credentials() {
      return ctx.credentials
    },
    prepareLogin: (signal) => login.prepareLogin(ctx, signal),
    async fetchQrCode(signal) {
      const qr = await login.fetchQrCode(ctx, signal)
      qrShownAt = qr.shownAt
      return qr.png
    },
    pollQrState: (signal) => login.pollQrState(ctx, qrShownAt, signal),
    completeLogin: (url, signal) => login.completeLogin(ctx, url, signal),
    relink: (signal) => login.relink(ctx, signal),
    exportSession: () => login.exportSession(ctx),
    importSession: (saved) => login.importSession(ctx, saved),
    resumeSession: (signal) => login.resumeSession(ctx, signal),
    async reset() {
      ctx.credentials = null
      await jar.clear()
    },
    poll: (signal) => poll(ctx, signal),
    send: (req, signal) => send(ctx, req, signal),
    getFriends: (signal) => contacts.getFriends(ctx, signal),
    getOnlineBuddies: (signal) => contacts.getOnlineBuddies(ctx, signal),
    getFriendQQ: (uin, signal) => contacts.getFriendQQ(ctx, uin, signal),
    getFriendInfo: (uin, signal) => contacts.getFriendInfo(ctx, uin, signal),
    getSelfInfo: (signal) => contacts.getSelfInfo(ctx, signal),
    getLongNick: (uin, signal) => contacts.getLongNick(ctx, uin, signal),
    getGroups: (signal) => contacts.getGroups(ctx, signal),
    getGroupInfo: (code, signal) => contacts.getGroupInfo(ctx, code, signal),
    getDiscussions: (signal) => contacts.getDiscussions(ctx, signal),
    getDiscussionInfo: (did, signal) => contacts.getDiscussionInfo(ctx, did, signal),
    getRecentList: (signal) => contacts.getRecentList(ctx, signal),
    changeStatus: (status, signal) => contacts.changeStatus(ctx, status, signal)
  }
}
