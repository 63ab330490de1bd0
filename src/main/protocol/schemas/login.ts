/** Results of the login steps (seed 二). */
import * as v from 'valibot'
import { IdSchema } from './common'

export const VfwebqqResultSchema = v.object({ vfwebqq: v.pipe(v.string(), v.minLength(1)) })

/** login2's result; its own vfwebqq is ignored on purpose (the seed: "这个值是无用的"). */
export const Login2ResultSchema = v.object({
  uin: IdSchema,
  psessionid: v.pipe(v.string(), v.minLength(1))
})
