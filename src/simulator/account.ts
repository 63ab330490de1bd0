/**
 * The simulated account, generated deterministically from the seed: same seed, same QQ numbers,
 * nicks and groups. Real QQ numbers are fixed here; the per-session uins/gids/dids live in SessionIds.
 * Group members are generated lazily and cached, so a 3 000-member group costs nothing until asked for.
 */
import type { PresenceStatus } from '../shared/domain'
import { categoryName, chineseName, groupCard, groupName, longNick, markname, memo, nickname } from './account-names'
import { chance, pick, randInt, streamFor, type Rng } from './prng'

export interface Person {
  qq: number
  nick: string
  face: number
  gender: 'male' | 'female' | 'unknown'
  province: string
  city: string
  lnick: string
  birthday: { year: number; month: number; day: number }
  vipLevel: number
}

export interface Buddy extends Person {
  markname: string | null
  category: number
  flag: number
  status: PresenceStatus
  clientType: number
}

export interface GroupMember extends Person {
  card: string | null
  mflag: number
  /** 10 online, 20 offline, 30 away, 50 busy. */
  stat: number
  clientType: number
}

export interface Group {
  index: number
  number: number
  name: string
  memo: string
  markname: string | null
  memberCount: number
  createtime: number
  flag: number
  level: number
  /** Groups where nobody set a card answer get_group_info_ext2 WITHOUT the `cards` key. */
  hasCards: boolean
}

export interface Discussion {
  index: number
  name: string
  memberQqs: number[]
}

export interface AccountSizes {
  buddies: number
  groups: number
  discussions: number
  groupMembers: number
  categories: number
}

const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['北京', '海淀'],
  ['上海', '浦东'],
  ['广东', '深圳'],
  ['浙江', '杭州'],
  ['四川', '成都'],
  ['湖北', '武汉'],
  ['', '']
]
const CLIENT_TYPES = [1, 21, 24, 41]

export class Account {
  readonly self: Person
  readonly categories: Array<{ index: number; sort: number; name: string }>
  readonly buddies: Buddy[]
  readonly groups: Group[]
  readonly discussions: Discussion[]
  private readonly buddyIndex = new Map<number, Buddy>()
  private readonly groupIndex = new Map<number, Group>()
  private readonly memberCache = new Map<number, GroupMember[]>()

  constructor(
    private readonly seed: number,
    sizes: AccountSizes
  ) {
    const rng = streamFor(seed, 'account')
    const taken = new Set<number>()
    const freshQq = (): number => {
      for (;;) {
        const qq = randInt(rng, 10_000, 3_999_999_999)
        if (!taken.has(qq)) {
          taken.add(qq)
          return qq
        }
      }
    }
    this.self = this.person(randInt(rng, 100_000_000, 3_999_999_999))
    taken.add(this.self.qq)
    this.categories = Array.from({ length: Math.max(1, sizes.categories) }, (_, index) => ({
      index,
      sort: index + 1,
      name: categoryName(index)
    }))
    this.buddies = Array.from({ length: sizes.buddies }, () => {
      const b: Buddy = {
        ...this.person(freshQq()),
        markname: chance(rng, 0.2) ? markname(rng) : null,
        category: randInt(rng, 0, this.categories.length - 1),
        flag: randInt(rng, 0, 8) * 4,
        status: presence(rng),
        clientType: pick(rng, CLIENT_TYPES)
      }
      this.buddyIndex.set(b.qq, b)
      return b
    })
    const numbers = new Set<number>()
    this.groups = Array.from({ length: sizes.groups }, (_, index) => {
      let number = randInt(rng, 100_000, 999_999_999)
      while (numbers.has(number)) number = randInt(rng, 100_000, 999_999_999)
      numbers.add(number)
      const max = Math.max(3, sizes.groupMembers)
      const g: Group = {
        index,
        number,
        name: groupName(rng),
        memo: memo(rng),
        markname: chance(rng, 0.15) ? groupName(rng) : null,
        memberCount: index === 0 ? max : Math.max(3, Math.floor(max * rng() ** 2)),
        createtime: randInt(rng, 1_230_000_000, 1_440_000_000),
        flag: randInt(rng, 1, 2 ** 30),
        level: randInt(rng, 0, 5),
        hasCards: index === 0 || chance(rng, 0.7)
      }
      this.groupIndex.set(number, g)
      return g
    })
    this.discussions = Array.from({ length: sizes.discussions }, (_, index) => {
      const members = new Set<number>([this.self.qq])
      const want = randInt(rng, 2, 6)
      for (let i = 0; i < want && this.buddies.length > 0; i++) members.add(pick(rng, this.buddies).qq)
      for (let i = randInt(rng, 0, 2); i > 0; i--) members.add(freshQq())
      return {
        index,
        name: `${chineseName(rng)}、${chineseName(rng)}等的讨论组`,
        memberQqs: [...members]
      }
    })
  }

  buddy(qq: number): Buddy | undefined {
    return this.buddyIndex.get(qq)
  }

  groupByNumber(number: number): Group | undefined {
    return this.groupIndex.get(number)
  }

  /** Anyone's public profile, derived from the QQ number alone so the same person looks the same everywhere. */
  person(qq: number): Person {
    const known = this.buddyIndex.get(qq)
    if (known) return known
    const rng = streamFor(this.seed, `person:${qq}`)
    const [province, city] = pick(rng, PLACES)
    return {
      qq,
      nick: nickname(rng),
      face: randInt(rng, 0, 645),
      gender: pick(rng, ['male', 'female', 'unknown'] as const),
      province,
      city,
      lnick: longNick(rng),
      birthday: {
        year: randInt(rng, 1970, 2005),
        month: randInt(rng, 1, 12),
        day: randInt(rng, 1, 28)
      },
      vipLevel: chance(rng, 0.15) ? randInt(rng, 1, 7) : 0
    }
  }

  /** Members of a group; index 0 is the owner. The account itself is always a member. */
  members(group: Group): GroupMember[] {
    const cached = this.memberCache.get(group.index)
    if (cached) return cached
    const rng = streamFor(this.seed, `group:${group.index}`)
    const qqs = new Set<number>()
    if (chance(rng, 0.15)) qqs.add(this.self.qq)
    const friends = Math.min(Math.floor(group.memberCount / 4), this.buddies.length)
    for (let i = 0; i < friends; i++) qqs.add(pick(rng, this.buddies).qq)
    qqs.add(this.self.qq)
    while (qqs.size < group.memberCount) qqs.add(randInt(rng, 10_000, 3_999_999_999))
    const ordered = [...qqs].slice(0, group.memberCount)
    const members = ordered.map((qq, i): GroupMember => ({
      ...this.person(qq),
      card: group.hasCards && (i === 1 || chance(rng, 0.3)) ? groupCard(rng) : null,
      mflag: i === 0 ? 1 : chance(rng, 0.05) ? 1 : 0,
      stat: pick(rng, [10, 20, 20, 20, 30, 50]),
      clientType: pick(rng, CLIENT_TYPES)
    }))
    this.memberCache.set(group.index, members)
    return members
  }

  discussMembers(d: Discussion): Person[] {
    return d.memberQqs.map((qq) => this.person(qq))
  }
}

function presence(rng: Rng): PresenceStatus {
  const r = rng()
  if (r < 0.35) return 'online'
  if (r < 0.4) return 'away'
  if (r < 0.45) return 'busy'
  return 'offline'
}
