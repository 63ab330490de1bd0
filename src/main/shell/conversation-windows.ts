/**
 * The Electron side of the window registry: one BrowserWindow per popped-out conversation, with
 * the main window's secure webPreferences (window-options.ts), loading the same renderer page with
 * a query naming the conversation (the renderer then shows just that conversation). Sizes and
 * places come from the window-state store (kind 'conversation'), cascaded when several are open.
 */
import { BrowserWindow, shell } from 'electron'
import { mainWindowOptions } from './window-options'
import { lockDownWebContents } from '../security/web-contents'
import { sendEvent } from './ipc-register'
import { conversationQuery, type ConversationTarget, type WindowHost } from '../desktop/window-registry'
import { placementFor, rememberWindowState, type WindowStateStore } from './window-state'

export const CONVERSATION_WINDOW_LIMITS = { width: 640, height: 600, minWidth: 420, minHeight: 360 }

export interface ConversationWindowDeps {
  pageUrl: string
  preloadPath: string
  states: WindowStateStore
  mainWindow(): BrowserWindow | null
  /** The window background for the current theme (painted before the page loads). */
  background(): string
  /** A pop-out window closed (by the user, or by docking): the registry forgets it. */
  closed(key: string): void
  title(target: ConversationTarget): string
}

export function createConversationWindowHost(deps: ConversationWindowDeps): WindowHost & { windows(): BrowserWindow[] } {
  const open = new Map<string, BrowserWindow>()
  return {
    openConversation(key, target) {
      const limits = CONVERSATION_WINDOW_LIMITS
      const placement = placementFor(deps.states, 'conversation', limits, open.size * 24)
      const base = mainWindowOptions(deps.preloadPath)
      const window = new BrowserWindow({
        ...base,
        ...placement.bounds,
        minWidth: limits.minWidth,
        minHeight: limits.minHeight,
        title: deps.title(target),
        backgroundColor: deps.background()
      })
      open.set(key, window)
      lockDownWebContents(window.webContents, (url) => shell.openExternal(url))
      rememberWindowState(window, 'conversation', deps.states)
      window.once('ready-to-show', () => {
        if (placement.maximized) window.maximize()
        window.show()
      })
      window.on('closed', () => {
        open.delete(key)
        deps.closed(key)
      })
      void window.loadURL(deps.pageUrl.replace(/[?#].*$/, '') + conversationQuery(target))
    },
    focus(key) {
      const window = open.get(key)
      if (!window || window.isDestroyed()) return
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
    },
    close(key) {
      open.get(key)?.close()
    },
    showInMain(target) {
      const main = deps.mainWindow()
      if (!main || main.isDestroyed()) return
      if (main.isMinimized()) main.restore()
      main.show()
      main.focus()
      sendEvent(main.webContents, 'conversation:focus', { kind: target.kind, id: target.id, key: `${target.kind}:${target.id}` })
    },
    windows: () => [...open.values()]
  }
}
