/**
 * Poll elements exactly as seed §三 / reference §2.4 show them, rendered with one session's ids:
 * group from_uin = gid (+ group_code, send_uin), discuss from_uin = did (+ did, send_uin), font first.
 */
import type { SimCore } from './core'
import type { PollElement } from './poll-hub'
import type { Session } from './sessions'
import { InvalidInput } from './errors'
import type { PushMessage, PushSegment } from './types'
import { senderFont } from './fonts'
import { receivedContent } from './wire-content'

export const KICK_REASON = '您的账号在另一地点登录，您已被迫下线。如有疑问，请登录 safe.qq.com 了解更多。'

export const events = {
  kick(): PollElement {
    return {
      poll_type: 'kick_message',
      value: { way: 'do_poll', show_reason: 1, reason: KICK_REASON }
    }
  },
  status(uin: number, status: string, clientType: number): PollElement {
    return { poll_type: 'buddies_status_change', value: { uin, status, client_type: clientType } }
  }
}

/** Who speaks in a push (QQ number), for their font: the account itself, the buddy, or the member (or first member). */
function speaker(core: SimCore, push: PushMessage): number {
  const { account } = core
  if (push.self) return account.self.qq
  if (push.kind === 'buddy') return push.from
  if (push.from !== undefined) return push.from
  if (push.kind === 'group') {
    const group = account.groupByNumber(push.group)
    return group ? (account.members(group)[0]?.qq ?? 0) : 0
  }
  return account.discussions[push.discuss]?.memberQqs.find((q) => q !== account.self.qq) ?? 0
}

/** Render a push for `session`; throws InvalidInput when it names a contact the account does not have. */
export function renderPush(core: SimCore, session: Session, push: PushMessage): PollElement {
  const { account } = core
  const ids = session.ids
  const self = account.self.qq
  const segments: PushSegment[] = push.segments ?? [{ type: 'text', text: push.text ?? '' }]
  const base = {
    content: receivedContent(segments, core.opts.zeroFaces, push.font ?? senderFont(speaker(core, push))),
    msg_id: core.nextMsgId(),
    msg_type: 0,
    time: Math.floor(core.now() / 1000),
    to_uin: self
  }
  if (push.kind === 'buddy') {
    if (push.self) {
      if (!account.buddy(push.to)) throw new InvalidInput(`no buddy with QQ ${push.to}`)
      return { poll_type: 'message', value: { ...base, from_uin: self, to_uin: ids.uin(push.to) } }
    }
    if (!account.buddy(push.from)) throw new InvalidInput(`no buddy with QQ ${push.from}`)
    return { poll_type: 'message', value: { ...base, from_uin: ids.uin(push.from) } }
  }
  if (push.kind === 'group') {
    const group = account.groupByNumber(push.group)
    if (!group) throw new InvalidInput(`no group with number ${push.group}`)
    const from = push.self ? self : (push.from ?? account.members(group)[0]!.qq)
    if (!account.members(group).some((m) => m.qq === from)) throw new InvalidInput(`QQ ${from} is not a member of group ${push.group}`)
    // The seed's example: group_code carries the same value as from_uin (the gid), not the info code.
    const gid = ids.gid(group.index)
    return {
      poll_type: 'group_message',
      value: { ...base, from_uin: gid, group_code: gid, send_uin: ids.uin(from) }
    }
  }
  const d = account.discussions[push.discuss]
  if (!d) throw new InvalidInput(`no discussion with index ${push.discuss}`)
  const from = push.self ? self : (push.from ?? d.memberQqs.find((q) => q !== self) ?? self)
  if (!d.memberQqs.includes(from)) throw new InvalidInput(`QQ ${from} is not a member of discussion ${push.discuss}`)
  const did = ids.did(d.index)
  return {
    poll_type: 'discu_message',
    value: { ...base, from_uin: did, did, send_uin: ids.uin(from) }
  }
}
