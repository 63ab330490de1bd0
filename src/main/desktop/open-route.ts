/**
 * Where a conversation opened from a notification (or the tray) goes: its own window when it
 * already has one or when the person chose "each conversation in its own window" (classic QQ),
 * else the main window's pane.
 */
import type { WindowMode } from '../../shared/settings'

export function conversationOpensIn(options: { poppedOut: boolean; windowMode: WindowMode }): 'own-window' | 'main' {
  return options.poppedOut || options.windowMode === 'windows' ? 'own-window' : 'main'
}
