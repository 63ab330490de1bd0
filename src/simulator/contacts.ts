/** Contact and info endpoints (seed 四-六, reference §4), strict about vfwebqq, hash and gid-vs-code. */
import * as v from 'valibot'
import type { PresenceStatus } from '../shared/domain'
import type { Buddy, Group } from './account'
import type { SimCore } from './core'
import { html, json, refuse, retcode, type Reply, type SimRequest } from './http-io'
import { contactHash } from './protocol-hashes'
import type { Session } from './sessions'
import { deadAuthDetail, guardWeb2, liveSession, LOGIN_ERROR, readR, REFUSED, type Binding } from './web2-guard'
import { escapeName } from './wire-content'

/** Status text -> the numeric `stat` of get_friend_info2 (Mojo code2state). */
const STAT: Record<PresenceStatus, number> = {
  online: 10,
  offline: 20,
  away: 30,
  hidden: 40,
  busy: 50,
  callme: 60,
  silent: 70
}
/** Wrong contact hash (LW LWQQ_EC_HASH_WRONG, reference §1.10). */
const HASH_WRONG = 50
/** A gid (or anything else) where get_group_info_ext2 wants the code (reference §4.2). */
const NOT_A_CODE = 6

const ListBody = v.object({ vfwebqq: v.string(), hash: v.string() })
const RecentBody = v.object({
  vfwebqq: v.string(),
  clientid: v.optional(v.union([v.number(), v.string()])),
  psessionid: v.optional(v.string())
})

type Handler = (core: SimCore, req: SimRequest) => Reply

function param(req: SimRequest, name: string): string | null {
  return req.query.get(name)
}

/** GET endpoints carry the binding in the query string. */
function fromQuery(req: SimRequest, ...names: Array<keyof Binding>): Binding {
  const b: Binding = {}
  for (const n of names) b[n] = param(req, n)
  return b
}

function ok(result: unknown): Reply {
  return json({ retcode: 0, result })
}

function withSession(binding: (req: SimRequest) => Binding, body: (core: SimCore, session: Session, req: SimRequest) => Reply): Handler {
  return (core, req) => {
    const live = liveSession(core.registry, req, binding(req))
    return live.ok ? body(core, live.session, req) : live.reply
  }
}

/** POST (or Mojo's GET) with r={vfwebqq, hash}; the hash is of the self uin and the CURRENT ptwebqq. */
function hashedList(body: (core: SimCore, session: Session) => unknown): Handler {
  return (core, req) => {
    const rr = readR(req, ListBody, true)
    if (!rr.ok) return rr.reply
    const live = liveSession(core.registry, req, { vfwebqq: rr.r.vfwebqq })
    if (!live.ok) return live.reply
    if (rr.r.hash !== contactHash(core.account.self.qq, live.auth.ptwebqq))
      return refuse(json({ retcode: HASH_WRONG }), 'hash', 'hash must be the contact hash of the self uin and the CURRENT ptwebqq')
    return ok(body(core, live.session))
  }
}

const friends = hashedList((core, session) => {
  const bs = core.account.buddies
  const uin = (b: Buddy): number => session.ids.uin(b.qq)
  return {
    friends: bs.map((b) => ({ flag: b.flag, uin: uin(b), categories: b.category })),
    marknames: bs.filter((b) => b.markname !== null).map((b) => ({ uin: uin(b), markname: escapeName(b.markname!), type: 0 })),
    // Real servers often left out category 0 (我的好友) even though friends reference it.
    categories: core.account.categories.filter((c) => c.index !== 0).map((c) => ({ index: c.index, sort: c.sort, name: c.name })),
    vipinfo: bs.map((b) => ({ vip_level: b.vipLevel, u: uin(b), is_vip: b.vipLevel > 0 ? 1 : 0 })),
    info: bs.map((b) => ({ face: b.face, flag: b.flag, nick: escapeName(b.nick), uin: uin(b) }))
  }
})

const groupList = hashedList((core, session) => ({
  gnamelist: core.account.groups.map((g) => ({
    flag: g.flag,
    name: escapeName(g.name),
    gid: session.ids.gid(g.index),
    code: session.ids.code(g.index)
  })),
  gmarklist: core.account.groups
    .filter((g) => g.markname !== null)
    .map((g) => ({ uin: session.ids.gid(g.index), markname: escapeName(g.markname!) })),
  gmasklist: []
}))

const onlineBuddies = withSession(
  (req) => fromQuery(req, 'vfwebqq', 'clientid', 'psessionid'),
  (core, session) => {
    // Real servers registered the session for poll2 here (YZ #38).
    session.registered = true
    const online = core.account.buddies.filter((b) => b.status !== 'offline' && b.status !== 'hidden')
    return ok(
      online.map((b) => ({
        client_type: b.clientType,
        status: b.status,
        uin: session.ids.uin(b.qq)
      }))
    )
  }
)

function profile(core: SimCore, session: Session, qq: number): Record<string, unknown> {
  const p = core.account.person(qq)
  const b = core.account.buddy(qq)
  return {
    face: p.face,
    birthday: p.birthday,
    occupation: '',
    phone: '',
    allow: 1,
    college: '',
    uin: session.ids.uin(qq),
    constel: (p.birthday.month % 12) + 1,
    blood: 0,
    homepage: '',
    stat: STAT[b?.status ?? 'offline'],
    vip_info: p.vipLevel,
    country: p.province ? '中国' : '',
    city: p.city,
    personal: '',
    nick: escapeName(p.nick),
    shengxiao: (p.birthday.year % 12) + 1,
    email: '',
    province: p.province,
    gender: p.gender,
    mobile: '',
    client_type: b?.clientType ?? 1
  }
}

function unknownTuin(): Reply {
  return refuse(retcode(LOGIN_ERROR, 'unknown tuin'), 'unknown-tuin', 'tuin must be a uin this session handed out')
}

/** tuin must be a uin this session handed out. */
function tuinQq(session: Session, req: SimRequest): number | null {
  return session.ids.qqOf(Number(param(req, 'tuin') ?? NaN)) ?? null
}

const friendInfo = withSession(
  (req) => fromQuery(req, 'vfwebqq', 'clientid', 'psessionid'),
  (core, session, req) => {
    const qq = tuinQq(session, req)
    return qq === null ? unknownTuin() : ok(profile(core, session, qq))
  }
)

const longNick = withSession(
  (req) => fromQuery(req, 'vfwebqq'),
  (core, session, req) => {
    const qq = tuinQq(session, req)
    return qq === null ? unknownTuin() : ok([{ uin: session.ids.uin(qq), lnick: escapeName(core.account.person(qq).lnick) }])
  }
)

/** Works in the 2015 era; closed 2017-04 (HTML 404 from then on, reference §4.2). */
const friendUin = withSession(
  (req) => fromQuery(req, 'vfwebqq'),
  (core, session, req) => {
    if (!core.opts.friendUin)
      return refuse(
        html(404, '<html><head><title>Apache Tomcat/6.0.45 - Error report</title></head><body><h1>HTTP Status 404 - </h1></body></html>'),
        'friend-uin-closed',
        'get_friend_uin2 was closed in 2017-04 (eras 2017 and later)'
      )
    const uin = Number(param(req, 'tuin') ?? NaN)
    const qq = session.ids.qqOf(uin)
    return qq === undefined ? unknownTuin() : ok({ uiuin: '', account: qq, uin })
  }
)

/** Only the cookies; seed shows it without vfwebqq. `account` is the real QQ number. */
const selfInfo: Handler = (core, req) => {
  const g = guardWeb2(core.registry, req)
  if (!g.ok) return g.reply
  if (g.auth.status !== 'alive') return refuse(retcode(REFUSED, 'login domain error'), 'session-ended', deadAuthDetail(g.auth))
  const self = core.account.self
  const session = g.auth.session && !g.auth.session.ended ? g.auth.session : null
  const info = session ? profile(core, session, self.qq) : { nick: escapeName(self.nick), face: self.face, gender: self.gender }
  return ok({
    ...info,
    uin: self.qq,
    account: self.qq,
    lnick: escapeName(self.lnick),
    vfwebqq: g.auth.vfwebqq
  })
}

function groupInfo(core: SimCore, session: Session, group: Group): unknown {
  const members = core.account.members(group)
  const uin = (qq: number): number => session.ids.uin(qq)
  const cards = members.filter((m) => m.card !== null)
  const result: Record<string, unknown> = {
    ginfo: {
      face: 0,
      memo: escapeName(group.memo),
      class: 25,
      fingermemo: '',
      code: session.ids.code(group.index),
      createtime: group.createtime,
      flag: group.flag,
      level: group.level,
      name: escapeName(group.name),
      gid: session.ids.gid(group.index),
      owner: uin(members[0]!.qq),
      members: members.map((m) => ({ muin: uin(m.qq), mflag: m.mflag })),
      option: 2
    },
    stats: members.filter((m) => m.stat !== 20).map((m) => ({ client_type: m.clientType, uin: uin(m.qq), stat: m.stat })),
    vipinfo: members.map((m) => ({
      vip_level: m.vipLevel,
      u: uin(m.qq),
      is_vip: m.vipLevel > 0 ? 1 : 0
    }))
  }
  // A 2017 failure: after some hours only uins came back, no minfo (PQ #121).
  if (core.now() - session.createdAt < core.opts.minfoMaxAgeMs)
    result.minfo = members.map((m) => ({
      nick: escapeName(m.nick),
      province: m.province,
      gender: m.gender,
      uin: uin(m.qq),
      country: m.province ? '中国' : '',
      city: m.city
    }))
  // No cards at all = no `cards` key (seed 五).
  if (cards.length > 0) result.cards = cards.map((m) => ({ muin: uin(m.qq), card: escapeName(m.card!) }))
  return result
}

const groupInfoExt = withSession(
  (req) => fromQuery(req, 'vfwebqq'),
  (core, session, req) => {
    const index = session.ids.groupOfCode(Number(param(req, 'gcode') ?? NaN))
    return index === undefined
      ? refuse(json({ retcode: NOT_A_CODE }), 'gcode', 'gcode must be the group CODE of get_group_name_list_mask2, not the gid')
      : ok(groupInfo(core, session, core.account.groups[index]!))
  }
)

const discusList = withSession(
  (req) => fromQuery(req, 'clientid', 'psessionid', 'vfwebqq'),
  (core, session) =>
    ok({
      dnamelist: core.account.discussions.map((d) => ({
        did: session.ids.did(d.index),
        name: escapeName(d.name)
      }))
    })
)

const discuInfo = withSession(
  (req) => fromQuery(req, 'clientid', 'psessionid', 'vfwebqq'),
  (core, session, req) => {
    const did = Number(param(req, 'did') ?? NaN)
    const index = session.ids.discussOfDid(did)
    if (index === undefined) return refuse(retcode(LOGIN_ERROR, 'unknown did'), 'unknown-did', 'did must be a did of get_discus_list in this session')
    const d = core.account.discussions[index]!
    const people = core.account.discussMembers(d)
    const statusOf = (qq: number): PresenceStatus => core.account.buddy(qq)?.status ?? 'online'
    return ok({
      info: {
        did,
        discu_name: escapeName(d.name),
        discu_owner: session.ids.uin(people[0]!.qq),
        // ruin is the member's REAL QQ number (PQ uses it as the qq).
        mem_list: people.map((p) => ({ mem_uin: session.ids.uin(p.qq), ruin: p.qq }))
      },
      mem_info: people.map((p) => ({ nick: escapeName(p.nick), uin: session.ids.uin(p.qq) })),
      mem_status: people
        .filter((p) => statusOf(p.qq) !== 'offline')
        .map((p) => ({
          client_type: core.account.buddy(p.qq)?.clientType ?? 1,
          status: statusOf(p.qq),
          uin: session.ids.uin(p.qq)
        }))
    })
  }
)

/** psessionid "" is accepted here (seed 六); a non-empty one must be the session's. */
const recentList: Handler = (core, req) => {
  const rr = readR(req, RecentBody)
  if (!rr.ok) return rr.reply
  const live = liveSession(core.registry, req, {
    vfwebqq: rr.r.vfwebqq,
    ...(rr.r.psessionid ? { psessionid: rr.r.psessionid } : {})
  })
  if (!live.ok) return live.reply
  const ids = live.session.ids
  const a = core.account
  return ok([
    ...a.buddies.slice(0, 5).map((b) => ({ type: 0, uin: ids.uin(b.qq) })),
    ...a.groups.slice(0, 3).map((g) => ({ type: 1, uin: ids.gid(g.index) })),
    ...a.discussions.slice(0, 1).map((d) => ({ type: 2, uin: ids.did(d.index) }))
  ])
}

const changeStatus = withSession(
  (req) => fromQuery(req, 'clientid', 'psessionid'),
  (_core, session, req) => {
    const s = param(req, 'newstatus')
    if (!s || !(s in STAT))
      return refuse(retcode(LOGIN_ERROR, 'bad status'), 'bad-status', `newstatus must be one of ${Object.keys(STAT).join(', ')}`)
    session.status = s as PresenceStatus
    return json({ retcode: 0, result: 'ok' })
  }
)

export const contactRoutes: Record<string, { methods: string[]; handler: Handler }> = {
  get_user_friends2: { methods: ['POST', 'GET'], handler: friends },
  get_group_name_list_mask2: { methods: ['POST', 'GET'], handler: groupList },
  get_online_buddies2: { methods: ['GET'], handler: onlineBuddies },
  get_friend_uin2: { methods: ['GET'], handler: friendUin },
  get_friend_info2: { methods: ['GET'], handler: friendInfo },
  get_self_info2: { methods: ['GET'], handler: selfInfo },
  get_single_long_nick2: { methods: ['GET'], handler: longNick },
  get_group_info_ext2: { methods: ['GET'], handler: groupInfoExt },
  get_discus_list: { methods: ['GET'], handler: discusList },
  get_discu_info: { methods: ['GET'], handler: discuInfo },
  get_recent_list2: { methods: ['POST'], handler: recentList },
  change_status2: { methods: ['GET'], handler: changeStatus }
}
