/** `result` shapes of the contact and info endpoints (seed 四, 五, 六; reference §4). */
import * as v from 'valibot'
import { IdSchema, NameSchema } from './common'

const VipSchema = v.object({ u: IdSchema, is_vip: v.number(), vip_level: v.number() })

export const FriendsResultSchema = v.object({
  friends: v.array(v.object({ uin: IdSchema, categories: v.number() })),
  /** PQ retried until this key appeared: it can be missing. */
  marknames: v.optional(v.array(v.object({ uin: IdSchema, markname: NameSchema })), []),
  /** Category 0 is often missing from here. */
  categories: v.optional(v.array(v.object({ index: v.number(), sort: v.optional(v.number(), 0), name: NameSchema })), []),
  vipinfo: v.optional(v.array(VipSchema), []),
  info: v.array(v.object({ uin: IdSchema, nick: NameSchema, face: v.optional(v.number(), 0) }))
})

export const OnlineBuddiesResultSchema = v.array(v.object({ uin: IdSchema, status: v.string(), client_type: v.optional(v.number(), 0) }))

export const FriendUinResultSchema = v.object({ account: IdSchema })

/** get_friend_info2 / get_self_info2: known keys checked, the rest kept for profile cards. */
export const UserInfoResultSchema = v.looseObject({
  uin: IdSchema,
  nick: NameSchema,
  face: v.optional(v.number(), 0),
  account: v.optional(IdSchema),
  gender: v.optional(v.string()),
  lnick: v.optional(NameSchema)
})

export const LongNickResultSchema = v.array(v.object({ uin: IdSchema, lnick: NameSchema }))

export const GroupListResultSchema = v.object({
  gnamelist: v.array(v.object({ gid: IdSchema, code: IdSchema, flag: v.optional(v.number(), 0), name: NameSchema })),
  /** PQ retried until this key appeared: it can be missing. */
  gmarklist: v.optional(v.array(v.object({ uin: IdSchema, markname: NameSchema })), [])
})

export const GroupInfoResultSchema = v.object({
  ginfo: v.object({
    gid: IdSchema,
    code: IdSchema,
    name: NameSchema,
    memo: v.optional(NameSchema, ''),
    owner: v.optional(IdSchema, 0),
    createtime: v.optional(v.number(), 0),
    /** mflag bit 0 marks an admin (WebQQ's own client read it so). */
    members: v.optional(v.array(v.object({ muin: IdSchema, mflag: v.optional(v.number(), 0) })), [])
  }),
  /** Lost after some hours on real servers (reference §4.2). */
  minfo: v.optional(v.array(v.object({ uin: IdSchema, nick: NameSchema }))),
  /** Absent when nobody set a card (seed 五). */
  cards: v.optional(v.array(v.object({ muin: IdSchema, card: NameSchema })), []),
  stats: v.optional(v.array(v.object({ uin: IdSchema, stat: v.number() })), [])
})

export const DiscussionListResultSchema = v.object({
  dnamelist: v.array(v.object({ did: IdSchema, name: NameSchema }))
})

export const DiscussionInfoResultSchema = v.object({
  info: v.object({
    did: IdSchema,
    discu_name: NameSchema,
    mem_list: v.optional(v.array(v.object({ mem_uin: IdSchema, ruin: v.optional(IdSchema) })), [])
  }),
  mem_info: v.optional(v.array(v.object({ uin: IdSchema, nick: NameSchema })), []),
  mem_status: v.optional(v.array(v.object({ uin: IdSchema, status: v.string() })), [])
})

export const RecentListResultSchema = v.array(v.object({ uin: IdSchema, type: v.number() }))
