/**
 * The ids one login session hands out: uins for people, gid+code for groups, did for discussions.
 * Fresh random values per session (seed §三: "uin、group_code等并不是固定的"); the QQ numbers behind
 * them never change. The self uin equals the QQ number (login2 `uin`).
 */
import type { Account } from './account'
import { randInt, type Rng } from './prng'

export class SessionIds {
  private readonly uinByQq = new Map<number, number>()
  private readonly qqByUin = new Map<number, number>()
  private readonly gids: number[]
  private readonly codes: number[]
  private readonly dids: number[]
  private readonly groupByGid = new Map<number, number>()
  private readonly groupByCode = new Map<number, number>()
  private readonly discussByDid = new Map<number, number>()

  constructor(
    private readonly rng: Rng,
    account: Account
  ) {
    this.uinByQq.set(account.self.qq, account.self.qq)
    this.qqByUin.set(account.self.qq, account.self.qq)
    const used = new Set<number>()
    // Ranges as seen in the seed's examples: gids/uins often exceed 2^32, codes and dids do not.
    const fresh = (min: number, max: number): number => {
      for (;;) {
        const n = randInt(rng, min, max)
        if (!used.has(n)) {
          used.add(n)
          return n
        }
      }
    }
    this.gids = account.groups.map(() => fresh(1_000_000_000, 45_000_000_000))
    this.codes = account.groups.map(() => fresh(1_000_000_000, 4_294_967_295))
    this.dids = account.discussions.map(() => fresh(100_000_000, 4_294_967_295))
    this.gids.forEach((gid, i) => this.groupByGid.set(gid, i))
    this.codes.forEach((code, i) => this.groupByCode.set(code, i))
    this.dids.forEach((did, i) => this.discussByDid.set(did, i))
  }

  /** Assigned on first use, so a 3 000-member group only costs uins when its info is fetched. */
  uin(qq: number): number {
    const known = this.uinByQq.get(qq)
    if (known !== undefined) return known
    let uin = randInt(this.rng, 1_000_000_000, 45_000_000_000)
    while (this.qqByUin.has(uin)) uin = randInt(this.rng, 1_000_000_000, 45_000_000_000)
    this.uinByQq.set(qq, uin)
    this.qqByUin.set(uin, qq)
    return uin
  }

  /** The QQ number behind a uin this session handed out, or undefined. */
  qqOf(uin: number): number | undefined {
    return this.qqByUin.get(uin)
  }

  gid(groupIndex: number): number {
    return this.gids[groupIndex]!
  }

  code(groupIndex: number): number {
    return this.codes[groupIndex]!
  }

  did(discussIndex: number): number {
    return this.dids[discussIndex]!
  }

  groupOfGid(gid: number): number | undefined {
    return this.groupByGid.get(gid)
  }

  groupOfCode(code: number): number | undefined {
    return this.groupByCode.get(code)
  }

  discussOfDid(did: number): number | undefined {
    return this.discussByDid.get(did)
  }
}
