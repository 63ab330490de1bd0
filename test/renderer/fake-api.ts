import { vi } from 'vitest'
import type { Api } from '../../src/preload/api'
import type { EventChannel, EventMap, SessionSnapshot } from '../../src/shared/ipc'
import type { ConversationKind } from '../../src/shared/domain'
import type {
  ContactsDto,
  ConversationPrefsDto,
  ConversationSummaryDto,
  MemberDto,
  MessageDto,
  OutboxDto,
  ProfileDto,
  UnreadDto
} from '../../src/shared/messenger'
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings'
import type { SendSegment } from '../../src/shared/conversation-ipc'

/** In-memory messenger data behind the fake api; tests fill it before mounting. */
export interface FakeMessengerData {
  contacts: ContactsDto
  /** `${kind}:${id}` -> members. */
  members: Record<string, MemberDto[]>
  /** `${kind}:${id}` -> messages, NEWEST FIRST (as the store pages them). */
  history: Record<string, MessageDto[]>
  unread: UnreadDto[]
  outbox: OutboxDto[]
  /** Pins, mutes and drafts, as the engine's conversationPrefs() lists them. */
  prefs: ConversationPrefsDto[]
  /** The stored conversations (conversations:list), newest first. */
  conversations: ConversationSummaryDto[]
  /** `${kind}:${id}` -> profile card. */
  profiles: Record<string, ProfileDto>
  /** uin -> signature. */
  signatures: Record<number, string>
  /** uin -> what profile:lookup-qq answers: a QQ number, null (the service is closed) or 'fail' (a network failure). */
  qqNumbers: Record<number, number | null | 'fail'>
}

const emptyData = (): FakeMessengerData => ({
  contacts: { buddies: [], groups: [], discussions: [], recent: [], loadedAt: 0 },
  members: {},
  history: {},
  unread: [],
  outbox: [],
  prefs: [],
  conversations: [],
  profiles: {},
  signatures: {},
  qqNumbers: {}
})

/** A message from a contact (or ourselves) in the shape the engine produces. */
export function fakeMessage(kind: ConversationKind, conversationId: number, n: number, over: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m:${kind}:${conversationId}:${n}`,
    kind,
    conversationKey: `${kind}:key:${conversationId}`,
    conversationId,
    from: { uin: 900 + n, name: `发送者${n}` },
    to: { uin: conversationId, name: `会话${conversationId}` },
    text: `消息 ${n}`,
    segments: [{ type: 'text', text: `消息 ${n}` }],
    time: 1_700_000_000 + n,
    self: false,
    state: null,
    ...over
  }
}

/** An in-memory window.api for component and store tests; `push`/`emit` play main's events. */
export function installFakeApi(initial: Partial<SessionSnapshot> = {}, secretStorage: 'encrypted' | 'no-keyring' = 'encrypted') {
  let session: SessionSnapshot = { state: 'signed-out', reason: null, qrDataUrl: null, self: null, demo: false, ...initial }
  let settings: Settings = { ...DEFAULT_SETTINGS }
  const data = emptyData()
  let nextOutboxId = 1
  let poppedOut: Array<{ kind: ConversationKind; id: number }> = []
  const listeners = new Map<string, Set<(payload: never) => void>>()
  const subscribe =
    <C extends EventChannel>(channel: C) =>
    (listener: (payload: EventMap[C]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return () => void listeners.get(channel)!.delete(listener)
    }
  const emit = <C extends EventChannel>(channel: C, payload: EventMap[C]) =>
    listeners.get(channel)?.forEach((l) => (l as (p: EventMap[C]) => void)(payload))
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
  const conv = (kind: string, id: number) => `${kind}:${id}`
  const api: Api = {
    appInfo: () => ok({ name: 'qq', version: '0.0.0', platform: 'test', secretStorage }),
    getAbout: vi.fn(() =>
      ok({
        app: { name: 'QQ Desktop', version: '0.1.0', license: 'MIT', homepage: 'https://example.org/qq-desktop' },
        packages: [
          { name: 'vue', version: '3.5.0', license: 'MIT', text: 'MIT License\n\nPermission is hereby granted, free of charge…' },
          { name: 'tough-cookie', version: '6.1.0', license: 'BSD-3-Clause', text: null }
        ]
      })
    ),
    getDiagnostics: vi.fn(() => ok('QQ Desktop 0.1.0\nSettings: …')),
    getSettings: () => ok(settings),
    updateSettings: vi.fn((patch) => ok((settings = { ...settings, ...patch }))),
    getSession: () => ok(session),
    startSession: vi.fn(() => {
      session = { ...session, state: 'waiting', qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }
      return ok(session)
    }),
    logout: vi.fn(() => ok((session = { state: 'signed-out', reason: 'logout', qrDataUrl: null, self: null, demo: false }))),
    startDemo: vi.fn(() => {
      session = { ...session, state: 'waiting', demo: true, qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }
      return ok(session)
    }),
    scanDemo: vi.fn(() => ok(true)),
    retryNow: vi.fn(() => ok(true)),
    openExternal: vi.fn(() => ok(true)),
    setStatus: vi.fn(({ status }) => {
      settings = { ...settings, onlineStatus: status }
      emit('settings:changed', settings)
      return ok(settings)
    }),
    reportFocusedConversation: vi.fn(() => ok(true)),
    getContacts: vi.fn(() => ok(data.contacts)),
    getMembers: vi.fn(({ kind, id }) => ok(data.members[conv(kind, id)] ?? [])),
    getHistory: vi.fn(({ kind, id, limit = 50, before, after }) => {
      const all = data.history[conv(kind, id)] ?? []
      if (after) {
        // Newer than `after` (a message id here), newest first; next continues towards the newest.
        const end = all.findIndex((m) => m.id === after)
        const messages = all.slice(Math.max(0, end - limit), end)
        return ok({ messages, next: end - limit > 0 ? messages[0]!.id : null })
      }
      const start = before ? all.findIndex((m) => m.id === before) + 1 : 0
      const messages = all.slice(start, start + limit)
      const next = start + limit < all.length ? messages[messages.length - 1]!.id : null
      return ok({ messages, next })
    }),
    getHistoryAround: vi.fn(({ kind, id, message, limit = 25 }) => {
      const all = data.history[conv(kind, id)] ?? []
      const at = all.findIndex((m) => m.id === message)
      if (at < 0) return Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message: `no message ${message}` } })
      const messages = all.slice(Math.max(0, at - limit), at + limit + 1)
      const older = at + limit + 1 < all.length ? messages[messages.length - 1]!.id : null
      const newer = at - limit > 0 ? messages[0]!.id : null
      return ok({ messages, anchor: message, older, newer })
    }),
    searchHistory: vi.fn(({ query, kind, id }) => {
      const messages = (kind !== undefined && id !== undefined ? (data.history[conv(kind, id)] ?? []) : Object.values(data.history).flat()).filter(
        (m) => m.text.includes(query)
      )
      return ok({ messages, next: null })
    }),
    deleteMessage: vi.fn(({ kind, id, message }) => {
      const all = data.history[conv(kind, id)] ?? []
      const at = all.findIndex((m) => m.id === message)
      if (at < 0) return Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message: `no message ${message}` } })
      all.splice(at, 1)
      return ok(true)
    }),
    sendMessage: vi.fn(({ kind, text: plain, segments }) => {
      const text = plain ?? (segments ?? []).map((s: SendSegment) => (s.type === 'text' ? s.text : `[face ${s.id}]`)).join('')
      const entry: OutboxDto = {
        id: nextOutboxId++,
        ref: null,
        kind,
        targetKey: 'target',
        text,
        state: 'queued',
        error: null,
        part: 0,
        parts: 1,
        createdAt: Date.now()
      }
      data.outbox.push(entry)
      return ok([entry])
    }),
    retryOutbox: vi.fn(({ id }) => {
      const entry = data.outbox.find((e) => e.id === id)!
      entry.state = 'queued'
      return ok({ ...entry })
    }),
    markRead: vi.fn(() => ok(true)),
    exportConversation: vi.fn(({ kind, id, format }) => ok({ saved: true as const, path: `/home/me/qq-${kind}-${id}.${format}` })),
    getUnread: () => ok(data.unread),
    getConversationPrefs: vi.fn(() => ok(data.prefs.map((p) => ({ ...p })))),
    // Like the engine: merges the patch, stamps drafts, drops all-default entries, emits prefs:changed.
    setConversationPrefs: vi.fn(({ kind, id, pinned, muted, draft }) => {
      const key = `${kind}:key:${id}`
      const old = data.prefs.find((p) => p.key === key) ?? { key, kind, id, pinned: false, muted: false, draft: null, draftTime: null }
      const text = draft === undefined ? old.draft : draft !== null && draft.trim() !== '' ? draft : null
      const next: ConversationPrefsDto = {
        ...old,
        pinned: pinned ?? old.pinned,
        muted: muted ?? old.muted,
        draft: text,
        draftTime: text === null ? null : text === old.draft ? old.draftTime : Math.floor(Date.now() / 1000)
      }
      data.prefs = data.prefs.filter((p) => p.key !== key)
      if (next.pinned || next.muted || next.draft !== null) data.prefs.push(next)
      emit('prefs:changed', next)
      return ok({ ...next })
    }),
    onSessionChanged: subscribe('session:changed'),
    onSettingsChanged: subscribe('settings:changed'),
    onMenuCommand: subscribe('menu:command'),
    onConversationFocus: subscribe('conversation:focus'),
    onNotifySound: subscribe('notify:sound'),
    onMessageReceived: subscribe('message:received'),
    onMessagesReceived: subscribe('messages:received'),
    onOutboxChanged: subscribe('outbox:changed'),
    onContactsChanged: subscribe('contacts:changed'),
    onPresenceChanged: subscribe('presence:changed'),
    onSenderResolved: subscribe('sender:resolved'),
    onHistoryGap: subscribe('history:gap'),
    onPrefsChanged: subscribe('prefs:changed'),
    onStorageChanged: subscribe('storage:changed'),
    listConversations: vi.fn(() => ok(data.conversations.map((c) => ({ ...c })))),
    getProfile: vi.fn(({ kind, id }) => {
      const profile = data.profiles[conv(kind, id)]
      return profile
        ? ok(structuredClone(profile))
        : Promise.resolve({
            ok: false as const,
            error: { code: 'failed' as const, reason: 'command-refused' as const, message: `unknown ${kind} ${id}` }
          })
    }),
    lookupQQ: vi.fn(({ id }) => {
      const qq = data.qqNumbers[id]
      return qq === 'fail' || qq === undefined
        ? Promise.resolve({ ok: false as const, error: { code: 'failed' as const, reason: 'network' as const, message: 'connection reset' } })
        : ok({ uin: id, qq, available: qq !== null })
    }),
    getSignatures: vi.fn(({ uins }) => ok(Object.fromEntries(uins.flatMap((u: number) => (u in data.signatures ? [[u, data.signatures[u]!]] : []))))),
    // Theme and windows: the system theme is light unless a test pushes theme:changed; pop-outs are recorded.
    getTheme: vi.fn(() => ok({ effective: settings.theme === 'dark' ? ('dark' as const) : ('light' as const) })),
    popOutConversation: vi.fn(({ kind, id }) => {
      const known = poppedOut.some((p) => p.kind === kind && p.id === id)
      if (!known) poppedOut.push({ kind, id })
      return ok(!known)
    }),
    dockConversation: vi.fn(({ kind, id }) => {
      const before = poppedOut.length
      poppedOut = poppedOut.filter((p) => !(p.kind === kind && p.id === id))
      return ok(poppedOut.length < before)
    }),
    listPoppedOut: vi.fn(() => ok([...poppedOut])),
    onThemeChanged: subscribe('theme:changed'),
    onWindowsChanged: subscribe('window:changed'),
    onUnreadCleared: subscribe('unread:cleared')
  }
  window.api = api
  return {
    api,
    data,
    emit,
    push(next: Partial<SessionSnapshot>) {
      session = { ...session, ...next }
      emit('session:changed', session)
    },
    /** The session as main would answer it now. */
    snapshot: () => session,
    listenerCount: (channel: EventChannel = 'session:changed') => listeners.get(channel)?.size ?? 0
  }
}
