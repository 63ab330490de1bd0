/** Messages and settings for the desktop model tests. */
import type { MessageDto } from '../../../src/shared/messenger'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings'

let seq = 0

export function buddyMessage(text: string, opts: { from?: string; uin?: number; self?: boolean } = {}): MessageDto {
  const uin = opts.uin ?? 1001
  const name = opts.from ?? 'Alice'
  seq++
  return {
    id: `m${seq}`,
    kind: 'buddy',
    conversationKey: `buddy:${uin}`,
    conversationId: uin,
    from: opts.self ? { uin: 1, name: 'Me' } : { uin, name },
    to: opts.self ? { uin, name } : { uin: 1, name: 'Me' },
    text,
    segments: [{ type: 'text', text }],
    time: 1_700_000_000 + seq,
    self: opts.self ?? false,
    state: null
  }
}

export function groupMessage(text: string, opts: { group?: string; gid?: number; from?: string; mentionsMe?: boolean } = {}): MessageDto {
  const gid = opts.gid ?? 5001
  seq++
  return {
    id: `g${seq}`,
    kind: 'group',
    conversationKey: `group:${gid}`,
    conversationId: gid,
    from: { uin: 2002, name: opts.from ?? 'Bob' },
    to: { uin: gid, name: opts.group ?? 'Weekend hikers' },
    text,
    segments: [{ type: 'text', text }],
    time: 1_700_000_000 + seq,
    self: false,
    state: null,
    ...(opts.mentionsMe ? { mentionsMe: true } : {})
  }
}

export function settingsWith(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, locale: 'en', ...patch }
}
