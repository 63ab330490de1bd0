/**
 * Profile cards and buddy signatures, fetched on demand and cached, so that opening a card twice or
 * scrolling a 5,000-buddy list back and forth costs the server nothing new:
 *   - signatures (get_single_long_nick2, one buddy per request) are cached by the buddy's stable key for
 *     the life of the process; at most SIGNATURE_BATCH are asked per call, and SIGNATURE_CONCURRENCY
 *     requests run at once however many calls overlap;
 *   - buddy profiles (get_friend_info2) are cached per session id for PROFILE_TTL_MS;
 *   - group and discussion cards come from the directory's member load (one get_group_info_ext2).
 */
import type { ConversationKind } from '../../shared/domain'
import type { BirthdayDto, BuddyProfileDto, DiscussionProfileDto, GroupProfileDto, MemberDto, ProfileDto } from '../../shared/messenger'
import type { ProtocolClient, UserInfo } from '../protocol/types'
import { isAbort, type Clock } from './clock'
import { memberName, type Directory, type MemberEntry } from './directory'
import { EngineCommandError } from './types'

/** Most signatures fetched for one call (what a screen of rows needs, with margin). */
export const SIGNATURE_BATCH = 60
const SIGNATURE_CONCURRENCY = 3
const PROFILE_TTL_MS = 10 * 60_000

export function toMemberDto(kind: 'group' | 'discuss', m: MemberEntry): MemberDto {
  return { uin: m.uin, nick: m.nick, card: m.card, name: kind === 'group' ? memberName(m) : m.nick, status: m.status, role: m.role }
}

export class Profiles {
  /** Buddy stable key -> signature ('' when the buddy has none). */
  private readonly signaturesByKey = new Map<string, string>()
  private readonly signatureInflight = new Map<string, Promise<void>>()
  private readonly buddyInfo = new Map<string, { at: number; info: UserInfo }>()
  /** Long-nick requests running now, across every signatures() call (the server sees at most 3 at once). */
  private signatureSlots = SIGNATURE_CONCURRENCY
  private readonly slotWaiters: Array<() => void> = []

  constructor(
    private readonly client: ProtocolClient,
    private readonly directory: Directory,
    private readonly clock: Clock,
    private readonly log: (message: string) => void,
    /** A QQ number the card's "look up" found earlier (qq-lookup.ts), by buddy key. */
    private readonly lookedUpQQ: (key: string) => number | null = () => null
  ) {}

  /**
   * Signatures of these buddies (current uins), fetching the missing ones. A buddy whose fetch failed is
   * left out of the answer (asked again next time); unknown uins are ignored.
   */
  async signatures(uins: readonly number[], signal?: AbortSignal): Promise<Record<number, string>> {
    const wanted = [...new Set(uins)].slice(0, SIGNATURE_BATCH).flatMap((uin) => {
      const b = this.directory.buddies.get(uin)
      return b ? [{ uin, key: b.key }] : []
    })
    const todo = wanted.filter((w) => !this.signaturesByKey.has(w.key))
    const queue = [...todo]
    const worker = async (): Promise<void> => {
      for (let w = queue.shift(); w && !signal?.aborted; w = queue.shift()) await this.fetchSignature(w.uin, w.key, signal)
    }
    await Promise.all(Array.from({ length: Math.min(SIGNATURE_CONCURRENCY, todo.length) }, worker))
    const out: Record<number, string> = {}
    for (const w of wanted) {
      const s = this.signaturesByKey.get(w.key)
      if (s !== undefined) out[w.uin] = s
    }
    return out
  }

  private fetchSignature(uin: number, key: string, signal?: AbortSignal): Promise<void> {
    // Another call may have fetched it since this one made its list.
    if (this.signaturesByKey.has(key)) return Promise.resolve()
    let p = this.signatureInflight.get(key)
    if (!p) {
      p = this.withSlot(() => this.client.getLongNick(uin, signal))
        .then((s) => void this.signaturesByKey.set(key, s.trim()))
        .catch((e: unknown) => {
          if (!isAbort(e)) this.log(`get_single_long_nick2 for ${uin} failed: ${String(e)}`)
        })
        .finally(() => this.signatureInflight.delete(key))
      this.signatureInflight.set(key, p)
    }
    return p
  }

  private async withSlot<T>(run: () => Promise<T>): Promise<T> {
    if (this.signatureSlots === 0) await new Promise<void>((resolve) => this.slotWaiters.push(resolve))
    else this.signatureSlots--
    try {
      return await run()
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = this.slotWaiters.shift()
      if (next) next()
      else this.signatureSlots++
    }
  }

  async profile(kind: ConversationKind, id: number, signal?: AbortSignal): Promise<ProfileDto> {
    if (kind === 'buddy') return this.buddyProfile(id, signal)
    if (kind === 'group') return this.groupProfile(id)
    return this.discussionProfile(id)
  }

  private async buddyProfile(uin: number, signal?: AbortSignal): Promise<BuddyProfileDto> {
    const b = this.directory.buddies.get(uin)
    if (!b) throw new EngineCommandError(`unknown buddy ${uin} (not in the current contacts)`)
    const cacheKey = `${this.directory.sessionId}:${uin}`
    let cached = this.buddyInfo.get(cacheKey)
    if (!cached || this.clock.now() - cached.at > PROFILE_TTL_MS) {
      const [info] = await Promise.all([this.client.getFriendInfo(uin, signal), this.signatures([uin], signal)])
      cached = { at: this.clock.now(), info }
      this.buddyInfo.set(cacheKey, cached)
    }
    const { info } = cached
    const x = info.extra
    const current = this.directory.buddies.get(uin) ?? b
    const qq = current.qq ?? info.account ?? qqOfKey(current.key) ?? this.lookedUpQQ(current.key)
    return {
      kind: 'buddy',
      id: uin,
      key: current.key,
      qq,
      nick: info.nick || current.nick,
      markname: current.markname,
      category: current.categoryName,
      status: current.status,
      vipLevel: current.vipLevel,
      signature: this.signaturesByKey.get(current.key) || info.lnick || null,
      gender: info.gender === 'male' || info.gender === 'female' ? info.gender : null,
      birthday: birthday(x.birthday),
      country: text(x.country),
      province: text(x.province),
      city: text(x.city),
      occupation: text(x.occupation),
      college: text(x.college),
      phone: text(x.phone),
      mobile: text(x.mobile),
      email: text(x.email),
      homepage: text(x.homepage),
      personal: text(x.personal)
    }
  }

  private async groupProfile(gid: number): Promise<GroupProfileDto> {
    if (!this.directory.groups.has(gid)) throw new EngineCommandError(`unknown group ${gid} (not in the current contacts)`)
    const members = await this.directory.members('group', gid)
    const g = this.directory.groups.get(gid)
    if (!g) throw new EngineCommandError(`unknown group ${gid} (not in the current contacts)`)
    const owner = g.owner !== null && g.owner !== 0 ? (g.members?.get(g.owner) ?? null) : null
    return {
      kind: 'group',
      id: gid,
      key: g.key,
      name: g.name,
      markname: g.markname,
      memo: g.memo ? g.memo : null,
      owner: owner ? { uin: owner.uin, name: memberName(owner) } : null,
      // minfo may be missing (a 2017 failure): then the count is unknown rather than 0.
      memberCount: members && members.length > 0 ? members.length : null,
      createTime: g.createTime
    }
  }

  private async discussionProfile(did: number): Promise<DiscussionProfileDto> {
    const d = this.directory.discussions.get(did)
    if (!d) throw new EngineCommandError(`unknown discuss ${did} (not in the current contacts)`)
    const members = (await this.directory.members('discuss', did)) ?? []
    return { kind: 'discuss', id: did, key: d.key, name: d.name, members: members.map((m) => toMemberDto('discuss', m)) }
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function birthday(value: unknown): BirthdayDto | null {
  if (typeof value !== 'object' || value === null) return null
  const { year, month, day } = value as Record<string, unknown>
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') return null
  // The server sends 0/0/0 for "not given".
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  return { year, month, day }
}

/** The QQ number inside a `buddy:qq:<n>` key, else null. */
function qqOfKey(key: string): number | null {
  const m = /^buddy:qq:(\d+)$/.exec(key)
  return m ? Number(m[1]) : null
}
