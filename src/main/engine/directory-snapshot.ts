/**
 * The last contact list of an account, kept in its store (snapshots.ts) after every load, so that a
 * launch while the server cannot be reached still shows the account, its contacts and conversations
 * (read-only) and can queue sends to them. Ids are those of the session that loaded them: a send
 * bound to one is re-resolved by its stable key once a session is online again (outbox-runner.ts).
 * Member lists are left out (loaded on demand when online).
 */
import * as v from 'valibot'
import type { Directory, SelfEntry } from './directory'

export const CONTACTS_SNAPSHOT = 'contacts'

const KindSchema = v.picklist(['buddy', 'group', 'discuss'])
const Id = v.pipe(v.number(), v.safeInteger())

const SnapshotSchema = v.object({
  version: v.literal(1),
  sessionId: v.string(),
  loadedAt: v.number(),
  self: v.object({ uin: Id, qq: Id, nick: v.string() }),
  buddies: v.array(
    v.object({
      uin: Id,
      nick: v.string(),
      markname: v.nullable(v.string()),
      category: v.number(),
      categoryName: v.string(),
      qq: v.nullable(Id),
      key: v.string(),
      vipLevel: v.number()
    })
  ),
  groups: v.array(
    v.object({
      gid: Id,
      code: Id,
      name: v.string(),
      markname: v.nullable(v.string()),
      memo: v.nullable(v.string()),
      owner: v.nullable(Id),
      createTime: v.nullable(v.number()),
      key: v.string()
    })
  ),
  discussions: v.array(v.object({ did: Id, name: v.string(), key: v.string() })),
  recent: v.array(v.object({ kind: KindSchema, uin: Id }))
})
export type ContactsSnapshot = v.InferOutput<typeof SnapshotSchema>

/** The directory as plain data (no members, no presence: both are live facts). */
export function snapshotOf(directory: Directory, self: SelfEntry): ContactsSnapshot | null {
  if (directory.sessionId === null) return null
  return {
    version: 1,
    sessionId: directory.sessionId,
    loadedAt: directory.loadedAt,
    self: { uin: self.uin, qq: self.qq, nick: self.nick },
    buddies: [...directory.buddies.values()].map((b) => ({
      uin: b.uin,
      nick: b.nick,
      markname: b.markname,
      category: b.category,
      categoryName: b.categoryName,
      qq: b.qq,
      key: b.key,
      vipLevel: b.vipLevel
    })),
    groups: [...directory.groups.values()].map((g) => ({
      gid: g.gid,
      code: g.code,
      name: g.name,
      markname: g.markname,
      memo: g.memo,
      owner: g.owner,
      createTime: g.createTime,
      key: g.key
    })),
    discussions: [...directory.discussions.values()].map((d) => ({ did: d.did, name: d.name, key: d.key })),
    recent: directory.recent.map((r) => ({ kind: r.kind, uin: r.uin }))
  }
}

/**
 * Fills an empty directory (nothing loaded in this process) from a stored snapshot; returns its self,
 * or null when the snapshot is missing, damaged or the directory already holds a session's lists.
 */
export function restoreSnapshot(directory: Directory, stored: unknown): SelfEntry | null {
  if (directory.sessionId !== null || stored === null) return null
  const parsed = v.safeParse(SnapshotSchema, stored)
  if (!parsed.success) return null
  const s = parsed.output
  // Presence in a snapshot would be stale: every buddy is offline until the server says more.
  directory.buddies = new Map(s.buddies.map((b) => [b.uin, { ...b, status: 'offline' as const }]))
  directory.groups = new Map(s.groups.map((g) => [g.gid, { ...g, members: null }]))
  directory.discussions = new Map(s.discussions.map((d) => [d.did, { ...d, members: null }]))
  directory.recent = s.recent
  directory.loadedAt = s.loadedAt
  directory.sessionId = s.sessionId
  directory.setSelf(s.self)
  return s.self
}
