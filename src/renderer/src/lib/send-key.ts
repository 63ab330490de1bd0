import type { SendKey } from '../../../shared/settings'

export interface EnterLike {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  isComposing: boolean
}

/**
 * Whether this key press sends the message under the user's send-key setting. 'enter': Enter sends
 * and Shift+Enter is a new line; 'ctrl-enter': Ctrl/Cmd+Enter sends and Enter is a new line. An
 * Enter that confirms an input-method candidate never sends.
 */
export function isSendKey(event: EnterLike, sendKey: SendKey): boolean {
  if (event.key !== 'Enter' || event.isComposing || event.altKey) return false
  const modified = event.ctrlKey || event.metaKey
  if (sendKey === 'ctrl-enter') return modified && !event.shiftKey
  return !event.shiftKey && !modified
}
