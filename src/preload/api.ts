/**
 * The renderer's whole view of main: one named function per contract channel, and one
 * `onX(callback) => unsubscribe` per event. Built over a minimal transport so the same code runs
 * in the sandboxed preload and in the e2e test bridge. No electron import here.
 */
import type { EventChannel, EventMap, InvokeChannel, InvokeRequest, InvokeResponse, IpcResult } from '../shared/ipc'

export interface IpcTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  /** Subscribe; the listener receives only the payload (never the IpcRendererEvent). */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

type Invoker<C extends InvokeChannel> =
  InvokeRequest<C> extends undefined
    ? () => Promise<IpcResult<InvokeResponse<C>>>
    : (request: InvokeRequest<C>) => Promise<IpcResult<InvokeResponse<C>>>

type Subscriber<C extends EventChannel> = (listener: (payload: EventMap[C]) => void) => () => void

/** Function names for channels; the mapped type makes a missing channel a compile error. */
const invokeNames = {
  appInfo: 'app:info',
  getAbout: 'app:about',
  getDiagnostics: 'app:diagnostics',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getSession: 'session:get',
  startSession: 'session:start',
  logout: 'session:logout',
  retryNow: 'session:retry-now',
  startDemo: 'demo:start',
  scanDemo: 'demo:scan',
  openExternal: 'shell:open-external',
  setStatus: 'status:set',
  reportFocusedConversation: 'view:focused-conversation',
  getContacts: 'contacts:get',
  getMembers: 'members:get',
  getHistory: 'history:get',
  searchHistory: 'history:search',
  getHistoryAround: 'history:around',
  sendMessage: 'message:send',
  deleteMessage: 'message:delete',
  retryOutbox: 'outbox:retry',
  markRead: 'conversation:read',
  exportConversation: 'conversation:export',
  getUnread: 'unread:get',
  listConversations: 'conversations:list',
  getProfile: 'profile:get',
  lookupQQ: 'profile:lookup-qq',
  getSignatures: 'contacts:signature',
  getConversationPrefs: 'prefs:get',
  setConversationPrefs: 'prefs:set',
  getTheme: 'theme:get',
  popOutConversation: 'window:pop-out',
  dockConversation: 'window:dock',
  listPoppedOut: 'window:list'
} as const satisfies Record<string, InvokeChannel>

const eventNames = {
  onSessionChanged: 'session:changed',
  onSettingsChanged: 'settings:changed',
  onMenuCommand: 'menu:command',
  onConversationFocus: 'conversation:focus',
  onNotifySound: 'notify:sound',
  onMessageReceived: 'message:received',
  onMessagesReceived: 'messages:received',
  onOutboxChanged: 'outbox:changed',
  onContactsChanged: 'contacts:changed',
  onPresenceChanged: 'presence:changed',
  onSenderResolved: 'sender:resolved',
  onHistoryGap: 'history:gap',
  onPrefsChanged: 'prefs:changed',
  onStorageChanged: 'storage:changed',
  onThemeChanged: 'theme:changed',
  onWindowsChanged: 'window:changed',
  onUnreadCleared: 'unread:cleared'
} as const satisfies Record<string, EventChannel>

export type Api = { [K in keyof typeof invokeNames]: Invoker<(typeof invokeNames)[K]> } & {
  [K in keyof typeof eventNames]: Subscriber<(typeof eventNames)[K]>
}

export function buildApi(transport: IpcTransport): Api {
  const api: Record<string, unknown> = {}
  for (const [name, channel] of Object.entries(invokeNames)) {
    api[name] = (request?: unknown) => transport.invoke(channel, request)
  }
  for (const [name, channel] of Object.entries(eventNames)) {
    api[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name} needs a function`)
      return transport.subscribe(channel, listener)
    }
  }
  return Object.freeze(api) as Api
}
