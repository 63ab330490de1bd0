/** Stored history rows as MessageDto, with the current session's ids and names. */
import type { StoredMessage } from '../store/types'
import type { Directory } from './directory'
import type { MessageDto, SelfDto } from './types'

export function toMessageDto(directory: Directory, self: SelfDto | null, m: StoredMessage, conversationId: number): MessageDto {
  const conversationName = conversationId ? directory.conversationName(m.kind, conversationId) : m.senderName
  const selfParty = { uin: self?.uin ?? 0, name: self?.nick ?? '' }
  const senderUin = m.self ? selfParty.uin : m.kind === 'buddy' ? conversationId : directory.uinOfSender(m.kind, conversationId, m.sender)
  return {
    id: m.id,
    kind: m.kind,
    conversationKey: m.conversation,
    conversationId,
    from: m.self ? selfParty : { uin: senderUin ?? 0, name: m.senderName },
    to: m.kind === 'buddy' && !m.self ? selfParty : { uin: conversationId, name: conversationName },
    text: m.text,
    segments: m.segments,
    time: m.time,
    self: m.self,
    state: m.state,
    font: m.font,
    ...(m.gapBefore ? { gapBefore: m.gapBefore } : {}),
    ...(m.unsaved ? { unsaved: true } : {})
  }
}
