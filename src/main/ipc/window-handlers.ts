/**
 * The theme and window channels: the effective theme, popping a conversation out into its own
 * window and docking it back. The decisions live in electron-free models (desktop/theme.ts,
 * desktop/window-registry.ts); the shell's window host applies them.
 */
import type { InvokeHandlers } from './dispatcher'
import type { EmitEvent } from '../../shared/ipc'
import type { ThemeService } from '../desktop/theme'
import { PopOutRefusedError, createWindowRegistry, stableKeyOf, type WindowRegistry } from '../desktop/window-registry'
import type { MessengerService } from './messenger-handlers'

export type WindowChannel = 'theme:get' | 'window:pop-out' | 'window:dock' | 'window:list'

/** After a conversation is read in one window, every window (pop-outs too) clears its unread count. */
export function withReadBroadcast(handlers: InvokeHandlers, emit: EmitEvent): InvokeHandlers {
  const read = handlers['conversation:read']
  return {
    ...handlers,
    'conversation:read': async (request) => {
      const result = await read(request)
      emit('unread:cleared', { kind: request.kind, id: request.id })
      return result
    }
  }
}

export function createWindowHandlers(deps: {
  theme?: ThemeService
  windows?: WindowRegistry
  messenger?: Pick<MessengerService, 'engine'>
}): Pick<InvokeHandlers, WindowChannel> {
  // Without a shell (handler tests): a light theme and a registry whose windows go nowhere.
  const windows = deps.windows ?? createWindowRegistry({ openConversation() {}, focus() {}, close() {}, showInMain() {} }, () => {})
  return {
    'theme:get': () => ({ effective: deps.theme?.current() ?? 'light' }),
    'window:pop-out': async ({ kind, id }) => {
      // Only a conversation of the signed-in session gets a window: an id the renderer made up
      // would open a window that can show nothing.
      const engine = deps.messenger?.engine()
      const contacts = engine?.self ? await engine.contacts() : null
      const key = contacts ? stableKeyOf(contacts, { kind, id }) : null
      if (key === null) throw new PopOutRefusedError('unknown-conversation')
      return windows.popOut({ kind, id }, key)
    },
    'window:dock': ({ kind, id }) => windows.dock({ kind, id }),
    'window:list': () => windows.list()
  }
}
