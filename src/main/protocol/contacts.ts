/**
 * Contact and info endpoints (seed 四, 五, 六): each fetches, validates and turns the server's
 * split-up lists into the typed, indexed shapes of types.ts. Names are HTML-unescaped here.
 */
import type { ConversationKind, PresenceStatus } from '../../shared/domain'
import { cleanName } from './codec'
import type { ClientContext } from './context'
import { ENDPOINTS } from './endpoints'
import { hash } from './hash'
import { callApi, check, httpError, okResult } from './json'
import { toPresence } from './presence'
import { cacheBuster, requireCredentials, sessionQuery } from './session'
import * as s from './schemas/contacts'
import * as v from 'valibot'
import { CLIENT_ID } from './types'
import type { Category, DiscussionInfo, DiscussionSummary, FriendList, GroupInfo, GroupSummary, OnlineBuddy, RecentEntry, UserInfo } from './types'

/** The name real clients gave category 0, which the server often leaves out (reference §4.1). */
export const DEFAULT_CATEGORY_NAME = '我的好友'

type Signal = AbortSignal | undefined

/** Body of the two hash-protected list calls. */
function hashedBody(ctx: ClientContext, endpoint: string): { vfwebqq: string; hash: string } {
  const c = requireCredentials(ctx, endpoint)
  return { vfwebqq: c.vfwebqq, hash: hash(c.uin, c.ptwebqq) }
}

/** Builds the friend list; exported for the bench (parse+index without HTTP). */
export function buildFriendList(r: v.InferOutput<typeof s.FriendsResultSchema>): FriendList {
  const info = new Map(r.info.map((i) => [i.uin, i]))
  const marks = new Map(r.marknames.map((m) => [m.uin, cleanName(m.markname)]))
  const vips = new Map(r.vipinfo.map((x) => [x.u, x]))
  const categories = new Map<number, Category>(r.categories.map((c) => [c.index, { index: c.index, sort: c.sort, name: cleanName(c.name) }]))
  const friends = r.friends.map((f) => {
    const i = info.get(f.uin)
    const vip = vips.get(f.uin)
    if (!categories.has(f.categories)) {
      const name = f.categories === 0 ? DEFAULT_CATEGORY_NAME : `分组${f.categories}`
      categories.set(f.categories, { index: f.categories, sort: f.categories, name })
    }
    return {
      uin: f.uin,
      nick: i ? cleanName(i.nick) : '',
      markname: marks.get(f.uin) ?? null,
      category: f.categories,
      face: i?.face ?? 0,
      isVip: vip ? vip.is_vip !== 0 : false,
      vipLevel: vip?.vip_level ?? 0
    }
  })
  if (!categories.has(0)) categories.set(0, { index: 0, sort: 0, name: DEFAULT_CATEGORY_NAME })
  return { categories: [...categories.values()].sort((a, b) => a.sort - b.sort || a.index - b.index), friends }
}

export async function getFriends(ctx: ClientContext, signal: Signal): Promise<FriendList> {
  const r = hashedBody(ctx, ENDPOINTS.friends.name)
  return buildFriendList(await callApi(ctx, ENDPOINTS.friends, { r, signal }, s.FriendsResultSchema))
}

export async function getOnlineBuddies(ctx: ClientContext, signal: Signal): Promise<OnlineBuddy[]> {
  const c = requireCredentials(ctx, ENDPOINTS.onlineBuddies.name)
  const list = await callApi(ctx, ENDPOINTS.onlineBuddies, { query: sessionQuery(c), signal }, s.OnlineBuddiesResultSchema)
  // A buddy listed here is online in some form; an undocumented status string still means that.
  return list.map((b) => ({ uin: b.uin, status: toPresence(b.status) ?? 'online', clientType: b.client_type }))
}

export async function getFriendQQ(ctx: ClientContext, uin: number, signal: Signal): Promise<number | null> {
  const c = requireCredentials(ctx, ENDPOINTS.friendUin.name)
  const endpoint = ENDPOINTS.friendUin
  // The seed names the parameter tuid, later clients tuin; the server reads one of them.
  const query = { tuid: uin, tuin: uin, type: 1, vfwebqq: c.vfwebqq, t: cacheBuster() }
  const res = await ctx.request(endpoint, { query, signal })
  // Closed since 2017-04: a Tomcat/HTML 404 means "no way to know", not an error.
  if (res.status === 404) return null
  if (res.status !== 200) throw httpError(endpoint, res)
  return check(s.FriendUinResultSchema, okResult(endpoint, res), endpoint, res).account
}

function userInfo(r: v.InferOutput<typeof s.UserInfoResultSchema>): UserInfo {
  const { uin, nick, face, account, gender, lnick, ...extra } = r
  return {
    uin,
    account: account ?? null,
    nick: cleanName(nick),
    face,
    gender: gender ?? null,
    lnick: lnick === undefined ? null : cleanName(lnick),
    extra
  }
}

export async function getFriendInfo(ctx: ClientContext, uin: number, signal: Signal): Promise<UserInfo> {
  const c = requireCredentials(ctx, ENDPOINTS.friendInfo.name)
  const query = { tuin: uin, ...sessionQuery(c) }
  return userInfo(await callApi(ctx, ENDPOINTS.friendInfo, { query, signal }, s.UserInfoResultSchema))
}

export async function getSelfInfo(ctx: ClientContext, signal: Signal): Promise<UserInfo> {
  requireCredentials(ctx, ENDPOINTS.selfInfo.name)
  const query = { t: cacheBuster() }
  return userInfo(await callApi(ctx, ENDPOINTS.selfInfo, { query, signal }, s.UserInfoResultSchema))
}

export async function getLongNick(ctx: ClientContext, uin: number, signal: Signal): Promise<string> {
  const c = requireCredentials(ctx, ENDPOINTS.longNick.name)
  const query = { tuin: uin, vfwebqq: c.vfwebqq, t: cacheBuster() }
  const list = await callApi(ctx, ENDPOINTS.longNick, { query, signal }, s.LongNickResultSchema)
  const entry = list.find((e) => e.uin === uin) ?? list[0]
  return entry ? cleanName(entry.lnick) : ''
}

export async function getGroups(ctx: ClientContext, signal: Signal): Promise<GroupSummary[]> {
  const r = hashedBody(ctx, ENDPOINTS.groups.name)
  const result = await callApi(ctx, ENDPOINTS.groups, { r, signal }, s.GroupListResultSchema)
  const marks = new Map(result.gmarklist.map((m) => [m.uin, cleanName(m.markname)]))
  return result.gnamelist.map((g) => ({
    gid: g.gid,
    code: g.code,
    name: cleanName(g.name),
    markname: marks.get(g.gid) ?? null,
    flag: g.flag
  }))
}

/** Builds group info; exported for the bench (parse+index without HTTP). */
export function buildGroupInfo(r: v.InferOutput<typeof s.GroupInfoResultSchema>): GroupInfo {
  const cards = new Map(r.cards.map((c) => [c.muin, cleanName(c.card)]))
  const stats = new Map(r.stats.map((x) => [x.uin, x.stat]))
  const members = (r.minfo ?? []).map((m) => ({
    uin: m.uin,
    nick: cleanName(m.nick),
    card: cards.get(m.uin) ?? null,
    stat: stats.get(m.uin) ?? null
  }))
  const g = r.ginfo
  return {
    gid: g.gid,
    code: g.code,
    name: cleanName(g.name),
    memo: cleanName(g.memo),
    owner: g.owner,
    createTime: g.createtime,
    members,
    admins: g.members.filter((m) => (m.mflag & 1) === 1 && m.muin !== g.owner).map((m) => m.muin),
    membersMissing: r.minfo === undefined
  }
}

export async function getGroupInfo(ctx: ClientContext, code: number, signal: Signal): Promise<GroupInfo> {
  const c = requireCredentials(ctx, ENDPOINTS.groupInfo.name)
  const query = { gcode: code, vfwebqq: c.vfwebqq, t: cacheBuster() }
  return buildGroupInfo(await callApi(ctx, ENDPOINTS.groupInfo, { query, signal }, s.GroupInfoResultSchema))
}

export async function getDiscussions(ctx: ClientContext, signal: Signal): Promise<DiscussionSummary[]> {
  const c = requireCredentials(ctx, ENDPOINTS.discussions.name)
  const result = await callApi(ctx, ENDPOINTS.discussions, { query: sessionQuery(c), signal }, s.DiscussionListResultSchema)
  return result.dnamelist.map((d) => ({ did: d.did, name: cleanName(d.name) }))
}

export async function getDiscussionInfo(ctx: ClientContext, did: number, signal: Signal): Promise<DiscussionInfo> {
  const c = requireCredentials(ctx, ENDPOINTS.discussionInfo.name)
  const query = { did, ...sessionQuery(c) }
  const r = await callApi(ctx, ENDPOINTS.discussionInfo, { query, signal }, s.DiscussionInfoResultSchema)
  const nicks = new Map(r.mem_info.map((m) => [m.uin, cleanName(m.nick)]))
  const statuses = new Map(r.mem_status.map((m) => [m.uin, toPresence(m.status)]))
  const qqs = new Map(r.info.mem_list.map((m) => [m.mem_uin, m.ruin ?? null]))
  // mem_list is the membership; mem_info may name members mem_list lacks, so take the union.
  const uins = new Set([...qqs.keys(), ...nicks.keys()])
  return {
    did: r.info.did,
    name: cleanName(r.info.discu_name),
    members: [...uins].map((uin) => ({
      uin,
      nick: nicks.get(uin) ?? '',
      qq: qqs.get(uin) ?? null,
      status: statuses.get(uin) ?? null
    }))
  }
}

const RECENT_KINDS: Readonly<Record<number, ConversationKind>> = { 0: 'buddy', 1: 'group', 2: 'discuss' }

export async function getRecentList(ctx: ClientContext, signal: Signal): Promise<RecentEntry[]> {
  const c = requireCredentials(ctx, ENDPOINTS.recentList.name)
  const r = { vfwebqq: c.vfwebqq, clientid: CLIENT_ID, psessionid: c.psessionid }
  const list = await callApi(ctx, ENDPOINTS.recentList, { r, signal }, s.RecentListResultSchema)
  // Types other than 0/1/2 name no conversation this client can open.
  return list.flatMap((e) => (RECENT_KINDS[e.type] ? [{ kind: RECENT_KINDS[e.type], uin: e.uin }] : []))
}

export async function changeStatus(ctx: ClientContext, status: PresenceStatus, signal: Signal): Promise<void> {
  const c = requireCredentials(ctx, ENDPOINTS.changeStatus.name)
  const query = { newstatus: status, clientid: CLIENT_ID, psessionid: c.psessionid, t: cacheBuster() }
  await callApi(ctx, ENDPOINTS.changeStatus, { query, signal }, v.unknown())
}
