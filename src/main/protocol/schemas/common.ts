/** Pieces shared by the response schemas. */
import * as v from 'valibot'

/** Every web2 JSON answer carries a numeric retcode; `result` is checked per endpoint. */
export const EnvelopeSchema = v.looseObject({
  retcode: v.number(),
  result: v.optional(v.unknown())
})

/** ids (uin, gid, code, did) are plain integers; some exceed 2^32 but stay below 2^53. */
export const IdSchema = v.number()

/**
 * A display name. For three days in 2017-05 nick fields carried the QQ number instead
 * (reference §1.0), possibly as a number, so numbers are accepted and turned into text.
 */
export const NameSchema = v.union([v.string(), v.pipe(v.number(), v.transform(String))])
