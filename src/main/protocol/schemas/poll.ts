/** poll2 answers (seed 三; reference §2.3, §2.4). */
import * as v from 'valibot'
import { IdSchema } from './common'

/**
 * The envelope only: `result` elements are checked one by one (see poll.ts), so one bad element
 * (null, a wrong shape) cannot take the good ones around it down with it.
 */

export const PollEnvelopeSchema = v.looseObject({
  retcode: v.number(),
  /** Absent in the 2018 empty form `{"retcode":0,"retmsg":"ok","errmsg":"error"}`. */
  result: v.optional(v.array(v.unknown())),
  /** 116: the new ptwebqq (checked for usability by the caller). */
  p: v.optional(v.string())
})

export const PollElementSchema = v.looseObject({ poll_type: v.string(), value: v.unknown() })

export const MessageValueSchema = v.object({
  from_uin: IdSchema,
  to_uin: IdSchema,
  msg_id: v.number(),
  time: v.number(),
  content: v.array(v.unknown()),
  /** group_message */
  group_code: v.optional(IdSchema),
  /** group_message / discu_message: the member who spoke. */
  send_uin: v.optional(IdSchema),
  /** discu_message */
  did: v.optional(IdSchema),
  /** sess_message: the group gid or did it came through, and 0 = group / 1 = discussion. */
  id: v.optional(IdSchema),
  service_type: v.optional(v.number())
})

export const StatusValueSchema = v.object({
  uin: IdSchema,
  status: v.string(),
  client_type: v.optional(v.number(), 0)
})

export const KickValueSchema = v.object({
  reason: v.optional(v.string(), '')
})
