/**
 * Whether a new message asks for the person's attention (taskbar flash / dock bounce) and whether
 * it plays the notification sound. Pure decisions; src/main/shell/attention.ts and the renderer's
 * sound player act on them.
 */
import type { MessageDto } from '../../shared/messenger'

export interface AttentionContext {
  /** Some window of the app has the keyboard focus. */
  appFocused: boolean
  doNotDisturb: boolean
  muted: boolean
  /** The conversation is on screen in a focused window. */
  onScreen: boolean
  /** Settings: notification sound on. */
  sound: boolean
}

export interface AttentionDecision {
  /** Flash the taskbar button / bounce the dock icon (only while no window is focused). */
  flash: boolean
  /** Play the short notification sound in the renderer. */
  sound: boolean
}

export function attentionFor(m: MessageDto, ctx: AttentionContext): AttentionDecision {
  // Our own messages from another device, muted conversations and do-not-disturb stay silent.
  if (m.self || ctx.doNotDisturb || ctx.muted) return { flash: false, sound: false }
  return { flash: !ctx.appFocused, sound: ctx.sound && !ctx.onScreen }
}
