/** Results of the login steps (seed 二). */
import * as v from 'valibot'
import { tokenSchema } from '../tokens'
import { IdSchema } from './common'

/** Tokens are checked here, where they enter: one that cannot travel in a header would poison every later request. */
export const VfwebqqResultSchema = v.object({ vfwebqq: tokenSchema({ nonEmpty: true }) })

/** login2's result; its own vfwebqq is ignored on purpose (the seed: "这个值是无用的"). */
export const Login2ResultSchema = v.object({
  uin: IdSchema,
  psessionid: tokenSchema({ nonEmpty: true })
})
