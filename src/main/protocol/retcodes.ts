/**
 * Every retcode the client gives a meaning to, in one table (seed 一 "公共约定"; reference §2.3, §3.3).
 * Poll and send classify with it; contact calls turn anything but 0 into a ProtocolError whose
 * `retcode` the caller can look up here.
 */

export type RetcodeMeaning =
  | 'ok'
  /** The poll held and nothing came (old, 2017 and benign-noise forms). */
  | 'no-news'
  /** 103: the session is not registered (get_online_buddies2 not called yet, or a duplicate login). */
  | 'not-registered'
  /** 116: the server rotates ptwebqq; the new value is in `p`. */
  | 'rotate-ptwebqq'
  /** 120/121: connection lost, login2 again. */
  | 'relink'
  /** Login expired or not accepted: scan again. */
  | 'session-dead'
  /** 1000000/1000001: a header or cookie is missing (seed). */
  | 'missing-credentials'
  /** 1000003: requests too frequent (seed). */
  | 'rate-limited'
  /** 100100: send "error" that was delivered anyway. */
  | 'delivered'
  /** 1202: maybe delivered, maybe not. Never auto-retried (retries made 2-5x duplicates). */
  | 'ambiguous'
  /** 6: get_group_info_ext2 called with a gid instead of the code. */
  | 'group-code-wrong'
  /** 50: the contact-list hash is wrong. */
  | 'hash-wrong'

export const RETCODES: ReadonlyMap<number, RetcodeMeaning> = new Map<number, RetcodeMeaning>([
  [0, 'ok'],
  [102, 'no-news'],
  [100012, 'no-news'],
  [109, 'no-news'],
  [110, 'no-news'],
  [-1, 'no-news'],
  [103, 'not-registered'],
  [116, 'rotate-ptwebqq'],
  [120, 'relink'],
  [121, 'relink'],
  [100, 'session-dead'],
  [100000, 'session-dead'],
  [100001, 'session-dead'],
  [1000000, 'missing-credentials'],
  [1000001, 'missing-credentials'],
  [1000003, 'rate-limited'],
  [100100, 'delivered'],
  [1202, 'ambiguous'],
  [6, 'group-code-wrong'],
  [50, 'hash-wrong']
])

/** The meaning of a retcode, or null for one nobody documented. */
export function retcodeMeaning(retcode: number): RetcodeMeaning | null {
  return RETCODES.get(retcode) ?? null
}

/**
 * On poll, 1202 is harmless noise too (Mojo and YZ ignore it, reference §2.3), whereas on send it
 * is the ambiguous verdict.
 */
export function pollMeaning(retcode: number): RetcodeMeaning | null {
  return retcode === 1202 ? 'no-news' : retcodeMeaning(retcode)
}
