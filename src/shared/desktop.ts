/**
 * The desktop shell's side of the IPC contract: what the renderer tells main about what it shows,
 * the presence it picks, and what main pushes back (app menu commands, "open this conversation",
 * "play the notification sound"). Plain data; no electron, DOM or Node imports.
 */
import * as v from 'valibot'
import type { ConversationKind } from './domain'
import { ONLINE_STATUSES } from './settings'

/** Commands the app menu (and its accelerators) send to the focused window. */
export const MENU_COMMANDS = [
  'search',
  'quick-switcher',
  'close-conversation',
  'next-conversation',
  'previous-conversation',
  'settings',
  'about',
  'escape'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface MenuCommandDto {
  command: MenuCommand
}

/** Main asks the renderer to open a conversation (a notification click, the tray). */
export interface ConversationFocusDto {
  kind: ConversationKind
  id: number
  key: string
}

/** A new message asks for the short notification sound (settings and mute already checked in main). */
export interface NotifySoundDto {
  conversationKey: string
}

/** status:set — our own presence: online, away, busy or invisible (change_status2). */
export const statusSetSchema = v.strictObject({ status: v.picklist(ONLINE_STATUSES) })

/**
 * view:focused-conversation — one renderer page (a window) says which conversation it shows and
 * whether it has the focus, so main does not notify what the person is reading.
 */
export const focusedConversationSchema = v.strictObject({
  /** A random id per page, so several windows can report. */
  view: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  conversation: v.nullable(
    v.strictObject({
      kind: v.picklist(['buddy', 'group', 'discuss']),
      id: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
      key: v.pipe(v.string(), v.minLength(1), v.maxLength(256))
    })
  ),
  focused: v.boolean()
})
export type FocusedConversationReport = v.InferOutput<typeof focusedConversationSchema>
