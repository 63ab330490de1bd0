/**
 * The member lists of groups and discussions in the contact directory (directory.ts): fetched on first
 * use, one request at a time per list, and shown with the same presence the contacts show (a buddy's
 * live status, the account's own status), since a member list is a snapshot of when it was fetched.
 */
import type { PresenceStatus } from '../../shared/domain'
import { statToPresence } from '../protocol/presence'
import type { DiscussionMember, GroupMember, ProtocolClient } from '../protocol/types'
import type { BuddyEntry, DiscussionEntry, GroupEntry, MemberEntry, SelfEntry } from './directory-types'

/** What the member lists read from (and write into) the directory. */
export interface MemberListsHost {
  readonly groups: Map<number, GroupEntry>
  readonly discussions: Map<number, DiscussionEntry>
  readonly buddies: Map<number, BuddyEntry>
  readonly self: SelfEntry | null
  readonly selfStatus: PresenceStatus
}

export class MemberLists {
  private readonly inflight = new Map<string, Promise<void>>()

  constructor(
    private readonly client: ProtocolClient,
    private readonly dir: MemberListsHost
  ) {}

  /** A new session: requests of the previous one are not waited for. */
  reset(): void {
    this.inflight.clear()
  }

  /** True once the member list was loaded in this session (complete or not). */
  loaded(kind: 'group' | 'discuss', id: number): boolean {
    return (kind === 'group' ? this.dir.groups.get(id)?.members : this.dir.discussions.get(id)?.members) != null
  }

  /**
   * Members of a group or discussion, fetched on first use (and again with `refresh`), with the same
   * presence the contacts show: a member who is a buddy has the buddy's live status (kept current by
   * buddies_status_change, where the member list is a snapshot of when it was fetched), and the account
   * itself has its own status (the server's member stats do not list it reliably).
   */
  async members(kind: 'group' | 'discuss', id: number, refresh = false): Promise<MemberEntry[] | null> {
    if (!this.loaded(kind, id) || refresh) await this.load(kind, id)
    const loaded = kind === 'group' ? this.dir.groups.get(id)?.members : this.dir.discussions.get(id)?.members
    return loaded ? [...loaded.values()].map((m) => this.withLivePresence(m)) : null
  }

  private withLivePresence(m: MemberEntry): MemberEntry {
    const { self, selfStatus } = this.dir
    if (self && m.uin === self.uin) return m.status === selfStatus ? m : { ...m, status: selfStatus }
    const buddy = this.dir.buddies.get(m.uin)
    return buddy && buddy.status !== m.status ? { ...m, status: buddy.status } : m
  }

  private once(tag: string, run: () => Promise<void>): Promise<void> {
    let p = this.inflight.get(tag)
    if (!p) {
      p = run().finally(() => this.inflight.delete(tag))
      this.inflight.set(tag, p)
    }
    return p
  }

  /** Fetches (again) the member list of a group or discussion; concurrent calls share one request. */
  load(kind: 'group' | 'discuss', id: number): Promise<void> {
    return this.once(`members:${kind}:${id}`, async () => {
      if (kind === 'group') {
        const g = this.dir.groups.get(id)
        if (!g) return
        const info = await this.client.getGroupInfo(g.code)
        const current = this.dir.groups.get(id)
        if (!current) return
        const admins = new Set(info.admins)
        const role = (uin: number): MemberEntry['role'] => (uin === info.owner ? 'owner' : admins.has(uin) ? 'admin' : null)
        this.dir.groups.set(id, {
          ...current,
          memo: info.memo,
          owner: info.owner,
          createTime: info.createTime || null,
          members: new Map(
            info.members.map((m: GroupMember) => [
              m.uin,
              // `stats` lists only members who are not offline.
              { uin: m.uin, nick: m.nick, card: m.card, qq: null, status: m.stat === null ? 'offline' : statToPresence(m.stat), role: role(m.uin) }
            ])
          )
        })
      } else {
        if (!this.dir.discussions.has(id)) return
        const info = await this.client.getDiscussionInfo(id)
        const current = this.dir.discussions.get(id)
        if (!current) return
        this.dir.discussions.set(id, {
          ...current,
          // mem_status lists only members who are not offline.
          members: new Map(
            info.members.map((m: DiscussionMember) => [
              m.uin,
              { uin: m.uin, nick: m.nick, card: null, qq: m.qq, status: m.status ?? 'offline', role: null }
            ])
          )
        })
      }
    })
  }
}
