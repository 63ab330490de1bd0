/** Send answers: `{"errCode":0,"msg":"send ok"}` (seed) or a retcode object (2017-09 on). */
import * as v from 'valibot'

export const SendAnswerSchema = v.pipe(
  v.looseObject({
    errCode: v.optional(v.number()),
    retcode: v.optional(v.number()),
    msg: v.optional(v.string()),
    errmsg: v.optional(v.string()),
    errMsg: v.optional(v.string())
  }),
  v.check((a) => a.errCode !== undefined || a.retcode !== undefined, 'neither errCode nor retcode')
)
