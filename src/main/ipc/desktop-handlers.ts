/**
 * The desktop channels: our own presence and which conversation each window shows. Plus the one
 * hook the desktop layer needs on an existing channel: after a conversation is marked read, the
 * tray, badge and notifications follow the store's new unread counts.
 */
import type { InvokeHandlers } from './dispatcher'
import type { DesktopController } from '../desktop/desktop-controller'

export type DesktopChannel = 'status:set' | 'view:focused-conversation'

export function createDesktopHandlers(desktop: DesktopController): Pick<InvokeHandlers, DesktopChannel> {
  return {
    // Persisted and shown at once; the server is told in the background (never blocks the UI).
    'status:set': ({ status }) => desktop.setStatus(status),
    'view:focused-conversation': ({ view, conversation, focused }) => {
      desktop.reportView({ view, conversation, focused })
      return true
    }
  }
}

/** Wraps `conversation:read` so a read reaches the desktop layer once the store has it. */
export function withReadTracking(handlers: InvokeHandlers, desktop: Pick<DesktopController, 'conversationRead'>): InvokeHandlers {
  const read = handlers['conversation:read']
  return {
    ...handlers,
    'conversation:read': async (request) => {
      const result = await read(request)
      desktop.conversationRead()
      return result
    }
  }
}
