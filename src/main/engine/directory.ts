/**
 * The contact directory of the current session: buddies (with category names and live presence),
 * groups (gid <-> code, members on demand), discussions (members on demand), the recent list,
 * plus the stable key of every entry (identity.ts) and lazy lookups of unknown senders.
 *
 * It never blocks the poll loop: name resolution is synchronous from what is loaded, and lookups of
 * unknowns run in the background (deduplicated) and report back through hooks.
 */
import type { ConversationKind, PresenceStatus } from '../../shared/domain'
import type { Friend, ProtocolClient, RecentEntry } from '../protocol/types'
import {
  DEFAULT_CATEGORY_NAME,
  type BuddyEntry,
  type DirectoryHooks,
  type DiscussionEntry,
  type GroupEntry,
  type MemberEntry,
  type SelfEntry,
  type SenderInfo
} from './directory-types'
import { MemberLists } from './directory-members'
import {
  AMBIGUOUS_BUDDY_PREFIX,
  ambiguousBuddyKey,
  ambiguousNames,
  ambiguousNickSenderKey,
  buddyKey,
  discussionKey,
  groupKey,
  nickSenderKey,
  placeholderConversationKey,
  placeholderSenderKey,
  qqSenderKey
} from './identity'

export {
  DEFAULT_CATEGORY_NAME,
  type BuddyEntry,
  type DirectoryHooks,
  type DiscussionEntry,
  type GroupEntry,
  type MemberEntry,
  type SelfEntry,
  type SenderInfo
} from './directory-types'

export function memberName(m: MemberEntry): string {
  return m.card ?? m.nick
}

export function buddyName(b: BuddyEntry): string {
  return b.markname ?? b.nick
}

export function placeholderName(uin: number): string {
  return `#${uin}`
}

export class Directory {
  self: SelfEntry | null = null
  buddies = new Map<number, BuddyEntry>()
  groups = new Map<number, GroupEntry>()
  discussions = new Map<number, DiscussionEntry>()
  recent: RecentEntry[] = []
  loadedAt = 0
  /** The session the ids above belong to (null before the first load). */
  sessionId: string | null = null
  private categoryNames = new Map<number, string>([[0, DEFAULT_CATEGORY_NAME]])
  /** Name key -> QQ key learned in this process, so a re-login keeps using the better key at once. */
  private readonly aliases = new Map<string, string>()
  /** Plain name keys (`group:name:<name>`) that two groups / discussions of this session share. */
  private sharedGroupNameKeys = new Set<string>()
  private sharedDiscussionNameKeys = new Set<string>()
  /** Per loaded member list: nicks that would give two people one sender key (see sender()). */
  private readonly sharedNicksOf = new WeakMap<Map<number, MemberEntry>, Set<string>>()
  /** True from a load until its uin -> QQ lookups end: until then a `buddy:qq:` key may not be found yet. */
  private qqLookupsPending = false
  /** Name keys two or more buddies share in this session (their conversations are `buddy:ambiguous:…`). */
  private ambiguousNameKeys = new Set<string>()
  private readonly inflight = new Map<string, Promise<void>>()
  private qqLookupGone = false

  private readonly memberLists: MemberLists

  constructor(
    private readonly client: ProtocolClient,
    private readonly hooks: DirectoryHooks
  ) {
    this.memberLists = new MemberLists(client, this)
  }

  /** Our own presence, as last set (change_status2); a new sign-in is online. */
  selfStatus: PresenceStatus = 'online'

  setSelf(self: SelfEntry): void {
    this.self = self
    this.selfStatus = 'online'
  }

  /**
   * Loads every list from the server and swaps it in at once. Within one session, entries whose key
   * changed are rekeyed; the ids of an earlier session mean nothing now (a uin may even be reused
   * for someone else), so its entries are never compared, only replaced. Until this first load of a
   * new session the previous session's entries stay, so a send bound while signed out still resolves.
   */
  async load(now: number, sessionId: string, signal?: AbortSignal): Promise<void> {
    const [friends, online, groups, discussions, recent] = await Promise.all([
      this.client.getFriends(signal),
      this.client.getOnlineBuddies(signal).catch((e: unknown) => {
        this.hooks.log(`get_online_buddies2 failed (${String(e)}); presence unknown until the next change`)
        return []
      }),
      this.client.getGroups(signal),
      this.client.getDiscussions(signal),
      this.client.getRecentList(signal).catch((e: unknown) => {
        this.hooks.log(`get_recent_list2 failed (${String(e)})`)
        return []
      })
    ])
    if (sessionId !== this.sessionId) {
      this.buddies = new Map()
      this.groups = new Map()
      this.discussions = new Map()
      this.inflight.clear()
      this.memberLists.reset()
    }
    this.categoryNames = new Map([[0, DEFAULT_CATEGORY_NAME]])
    for (const c of friends.categories) this.categoryNames.set(c.index, c.name)
    const status = new Map(online.map((o) => [o.uin, o.status]))

    const buddies = new Map<number, BuddyEntry>()
    // Same name in one category (markname, else nick): nothing stable tells those buddies apart.
    this.ambiguousNameKeys = new Set([...ambiguousNames(friends.friends.map((f) => this.nameKeyOf(f)))].filter((k) => k !== ''))
    for (const f of friends.friends) {
      const old = this.buddies.get(f.uin)
      buddies.set(f.uin, this.makeBuddy(f, status.get(f.uin) ?? 'offline', old?.qq ?? null, sessionId))
    }
    const groupDup = ambiguousNames(groups.map((g) => g.name))
    this.sharedGroupNameKeys = new Set([...groupDup].map((n) => groupKey(n, 0, false)))
    const groupMap = new Map<number, GroupEntry>()
    for (const g of groups) {
      const old = this.groups.get(g.gid)
      groupMap.set(g.gid, {
        gid: g.gid,
        code: g.code,
        name: g.name,
        markname: g.markname,
        memo: old?.memo ?? null,
        owner: old?.owner ?? null,
        createTime: old?.createTime ?? null,
        key: groupKey(g.name, g.code, groupDup.has(g.name)),
        members: old?.code === g.code ? old.members : null
      })
    }
    const discDup = ambiguousNames(discussions.map((d) => d.name))
    this.sharedDiscussionNameKeys = new Set([...discDup].map((n) => discussionKey(n, 0, false)))
    const discMap = new Map<number, DiscussionEntry>()
    for (const d of discussions) {
      discMap.set(d.did, {
        did: d.did,
        name: d.name,
        key: discussionKey(d.name, d.did, discDup.has(d.name)),
        members: this.discussions.get(d.did)?.members ?? null
      })
    }
    this.qqLookupsPending = !this.qqLookupGone && [...buddies.values()].some((b) => b.qq === null)
    this.reconcile(this.buddies, buddies)
    this.reconcile(this.groups, groupMap)
    this.reconcile(this.discussions, discMap)
    this.buddies = buddies
    this.groups = groupMap
    this.discussions = discMap
    this.recent = recent
    this.loadedAt = now
    this.sessionId = sessionId
    this.hooks.changed('refresh')
  }

  private nameKeyOf(f: Pick<Friend, 'category' | 'markname' | 'nick'>): string {
    return buddyKey(null, this.categoryNames.get(f.category) ?? `分组${f.category}`, f.markname, f.nick)
  }

  /**
   * A buddy entry with its key. A name shared with another buddy (`ambiguousNameKeys`, or a buddy
   * already here when one is added later) never gets the name key nor a learned alias of it: that
   * key would let two people share one history and a send bind to the wrong one.
   */
  private makeBuddy(f: Friend, status: PresenceStatus, qq: number | null, sessionId: string | null, addedLate = false): BuddyEntry {
    const categoryName = this.categoryNames.get(f.category) ?? `分组${f.category}`
    const nameKey = buddyKey(null, categoryName, f.markname, f.nick)
    // A full load computed the shared names already; one added later is compared with who is here.
    if (addedLate && [...this.buddies.values()].some((b) => b.uin !== f.uin && b.qq === null && this.nameKeyOf(b) === nameKey))
      this.ambiguousNameKeys.add(nameKey)
    const ambiguous = this.ambiguousNameKeys.has(nameKey)
    const key =
      qq !== null
        ? buddyKey(qq, categoryName, f.markname, f.nick)
        : ambiguous
          ? ambiguousBuddyKey(sessionId ?? 'nosession', f.uin)
          : (this.aliases.get(nameKey) ?? nameKey)
    return { uin: f.uin, nick: f.nick, markname: f.markname, category: f.category, categoryName, status, qq, key, vipLevel: f.vipLevel }
  }

  private reconcile<T extends { key: string }>(before: Map<number, T>, after: Map<number, T>): void {
    for (const [id, entry] of after) {
      const old = before.get(id)
      if (!old || old.key === entry.key) continue
      // A name that became shared (or stopped being shared) mid-session: the name key's history may
      // be another person's, so neither side is moved into the other; each stays where it was written.
      if (old.key.startsWith(AMBIGUOUS_BUDDY_PREFIX) || entry.key.startsWith(AMBIGUOUS_BUDDY_PREFIX)) continue
      this.hooks.rekey(old.key, entry.key)
    }
  }

  /**
   * uin -> QQ numbers for buddies (2015 era; the endpoint vanished in 2017, then every call is null and
   * we stop asking). Runs in the background after login, a few requests at a time.
   */
  async lookupQQNumbers(signal?: AbortSignal): Promise<void> {
    try {
      await this.runQQLookups(signal)
    } finally {
      this.qqLookupsPending = false
    }
  }

  private async runQQLookups(signal?: AbortSignal): Promise<void> {
    if (this.qqLookupGone) return
    const todo = [...this.buddies.values()].filter((b) => b.qq === null)
    const worker = async (): Promise<void> => {
      for (let b = todo.shift(); b && !this.qqLookupGone && !signal?.aborted; b = todo.shift()) {
        const qq = await this.client.getFriendQQ(b.uin, signal)
        if (qq === null) {
          this.qqLookupGone = true
          return
        }
        const current = this.buddies.get(b.uin)
        if (!current) continue
        const key = buddyKey(qq, current.categoryName, current.markname, current.nick)
        const nameKey = buddyKey(null, current.categoryName, current.markname, current.nick)
        // A shared name must not become an alias of one of the people who share it.
        if (!this.ambiguousNameKeys.has(nameKey)) this.aliases.set(nameKey, key)
        if (key !== current.key) this.hooks.rekey(current.key, key)
        this.buddies.set(b.uin, { ...current, qq, key })
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
  }

  setStatus(uin: number, status: PresenceStatus): boolean {
    const b = this.buddies.get(uin)
    if (!b) return false
    this.buddies.set(uin, { ...b, status })
    return true
  }

  // ---- keys and names ----

  /** The stable key of a conversation, or a session-scoped placeholder while it is unknown. */
  conversationKey(kind: ConversationKind, id: number): { key: string; known: boolean } {
    const entry = kind === 'buddy' ? this.buddies.get(id) : kind === 'group' ? this.groups.get(id) : this.discussions.get(id)
    if (entry) return { key: entry.key, known: true }
    return { key: placeholderConversationKey(kind, id), known: false }
  }

  conversationName(kind: ConversationKind, id: number): string {
    if (kind === 'buddy') {
      const b = this.buddies.get(id)
      return b ? buddyName(b) : placeholderName(id)
    }
    if (kind === 'group') {
      const g = this.groups.get(id)
      return g ? (g.markname ?? g.name) : placeholderName(id)
    }
    return this.discussions.get(id)?.name ?? placeholderName(id)
  }

  /** Current id of a stable key, or null when this session's directory does not have it (or has it twice: never a guess). */
  idOfKey(kind: ConversationKind, key: string): number | null {
    const map: Map<number, { key: string }> = kind === 'buddy' ? this.buddies : kind === 'group' ? this.groups : this.discussions
    let found: number | null = null
    for (const [id, e] of map) {
      if (e.key !== key) continue
      if (found !== null) return null
      found = id
    }
    return found
  }

  /**
   * False while a key this session does not know yet may still appear: a `buddy:qq:` key (stored by an
   * earlier process, which had learned the QQ number) before this session's uin -> QQ lookups have run.
   */
  keySettled(kind: ConversationKind, key: string): boolean {
    return !(kind === 'buddy' && this.qqLookupsPending && key.startsWith('buddy:qq:'))
  }

  /**
   * True when `key` cannot be bound to one person because of a name shared by several buddies: a
   * per-login ambiguous key, or a name key that two buddies of this session share.
   */
  isAmbiguousKey(kind: ConversationKind, key: string): boolean {
    if (kind === 'buddy') return key.startsWith(AMBIGUOUS_BUDDY_PREFIX) || this.ambiguousNameKeys.has(key)
    // Groups/discussions: `<name>#<id>` keys exist only for shared (or empty) names and their ids are this
    // login's; a plain name key is ambiguous when two entries of this session now carry that name.
    if (/#\d+$/.test(key)) return true
    const shared = kind === 'group' ? this.sharedGroupNameKeys : this.sharedDiscussionNameKeys
    return shared.has(key)
  }

  selfSender(): SenderInfo {
    const self = this.self
    return self ? { name: self.nick, key: qqSenderKey(self.qq), known: true } : { name: '', key: 'self', known: false }
  }

  /** Who sent a message in a conversation, per the naming rules. */
  sender(kind: ConversationKind, conversationId: number, uin: number): SenderInfo {
    if (this.self && uin === this.self.uin) return this.selfSender()
    if (kind === 'buddy') {
      const b = this.buddies.get(uin)
      if (b) return { name: buddyName(b), key: b.key, known: true }
      return { name: placeholderName(uin), key: placeholderSenderKey(uin), known: false }
    }
    const members = kind === 'group' ? this.groups.get(conversationId)?.members : this.discussions.get(conversationId)?.members
    const m = members?.get(uin)
    if (!m) return { name: placeholderName(uin), key: placeholderSenderKey(uin), known: false }
    const buddyQQ = this.buddies.get(uin)?.qq ?? null
    const qq = m.qq ?? buddyQQ
    return {
      name: kind === 'group' ? memberName(m) : m.nick,
      key:
        qq !== null
          ? qqSenderKey(qq)
          : this.sharedNicks(members!).has(m.nick)
            ? ambiguousNickSenderKey(m.nick, this.sessionId ?? 'nosession', m.uin)
            : nickSenderKey(m.nick),
      known: true
    }
  }

  /** Nicks two or more members of one member list share (computed once per loaded list). */
  private sharedNicks(members: Map<number, MemberEntry>): Set<string> {
    let shared = this.sharedNicksOf.get(members)
    if (!shared) {
      shared = ambiguousNames([...members.values()].map((m) => m.nick))
      this.sharedNicksOf.set(members, shared)
    }
    return shared
  }

  /** The current uin of a stored sender key in a group/discussion, when its members are loaded. */
  uinOfSender(kind: ConversationKind, conversationId: number, senderKey: string): number | null {
    if (this.self && senderKey === qqSenderKey(this.self.qq)) return this.self.uin
    const members = kind === 'group' ? this.groups.get(conversationId)?.members : this.discussions.get(conversationId)?.members
    for (const uin of members?.keys() ?? []) if (this.sender(kind, conversationId, uin).key === senderKey) return uin
    return null
  }

  // ---- lazy lookups ----

  private once(tag: string, run: () => Promise<void>): Promise<void> {
    let p = this.inflight.get(tag)
    if (!p) {
      p = run().finally(() => this.inflight.delete(tag))
      this.inflight.set(tag, p)
    }
    return p
  }

  /**
   * Looks up an unknown conversation and/or sender in the background. Never throws: a failed lookup
   * leaves the placeholder and is logged; the next message from them tries again.
   */
  resolveLater(kind: ConversationKind, conversationId: number, senderUin: number): void {
    const run = async (): Promise<void> => {
      const convBefore = this.conversationKey(kind, conversationId)
      if (!convBefore.known) await this.loadConversationList(kind)
      if (kind === 'buddy') {
        if (!this.buddies.has(senderUin)) await this.lookupStranger(senderUin)
      } else if (!this.sender(kind, conversationId, senderUin).known) {
        await this.memberLists.load(kind, conversationId)
      }
      const convAfter = this.conversationKey(kind, conversationId)
      if (!convBefore.known && convAfter.known) this.hooks.rekey(convBefore.key, convAfter.key)
      const s = this.sender(kind, conversationId, senderUin)
      if (s.known) this.hooks.senderResolved(kind, conversationId, senderUin, s.name)
      this.hooks.changed('lookup')
    }
    void this.once(`resolve:${kind}:${conversationId}:${senderUin}`, run).catch((e: unknown) =>
      this.hooks.log(`lookup of ${kind} ${conversationId}/${senderUin} failed: ${String(e)}`)
    )
  }

  private loadConversationList(kind: ConversationKind): Promise<void> {
    return this.once(`list:${kind}`, async () => {
      if (kind === 'buddy') {
        const friends = await this.client.getFriends()
        for (const c of friends.categories) this.categoryNames.set(c.index, c.name)
        for (const f of friends.friends)
          if (!this.buddies.has(f.uin)) this.buddies.set(f.uin, this.makeBuddy(f, 'offline', null, this.sessionId, true))
      } else if (kind === 'group') {
        const groups = await this.client.getGroups()
        const dup = ambiguousNames(groups.map((g) => g.name))
        for (const g of groups)
          if (!this.groups.has(g.gid))
            this.groups.set(g.gid, { ...g, memo: null, owner: null, createTime: null, key: groupKey(g.name, g.code, dup.has(g.name)), members: null })
      } else {
        const discussions = await this.client.getDiscussions()
        const dup = ambiguousNames(discussions.map((d) => d.name))
        for (const d of discussions)
          if (!this.discussions.has(d.did)) this.discussions.set(d.did, { ...d, key: discussionKey(d.name, d.did, dup.has(d.name)), members: null })
      }
    })
  }

  /** True once the member list of a group/discussion was loaded in this session (complete or not). */
  membersLoaded(kind: ConversationKind, id: number): boolean {
    return kind === 'buddy' || this.memberLists.loaded(kind, id)
  }

  /**
   * Loads what naming a message in this conversation needs: the conversation list when the
   * conversation is unknown, then its members (groups and discussions). Coalesced with every other
   * load of the same list; never throws (a failure leaves placeholders, resolved later).
   */
  async prefetch(kind: ConversationKind, id: number): Promise<void> {
    try {
      if (!this.conversationKey(kind, id).known) await this.loadConversationList(kind)
      if (kind !== 'buddy' && !this.membersLoaded(kind, id)) await this.memberLists.load(kind, id)
    } catch (e) {
      this.hooks.log(`loading the names for ${kind} ${id} failed: ${String(e)}`)
    }
  }

  /** A buddy message from someone not in the friend list: the list may be stale, else ask friend info. */
  private async lookupStranger(uin: number): Promise<void> {
    await this.loadConversationList('buddy')
    if (this.buddies.has(uin)) return
    const info = await this.client.getFriendInfo(uin)
    const f: Friend = { uin, nick: info.nick, markname: null, category: 0, face: info.face, isVip: false, vipLevel: 0 }
    this.buddies.set(uin, this.makeBuddy(f, 'online', info.account, this.sessionId, true))
  }

  /** Members of a group or discussion with live presence (directory-members.ts), fetched on first use. */
  members(kind: 'group' | 'discuss', id: number, refresh = false): Promise<MemberEntry[] | null> {
    return this.memberLists.members(kind, id, refresh)
  }
}
