/**
 * What the tray icon, its menu and the taskbar/dock badge show, as plain data computed from the
 * desktop state. The shell adapters (src/main/shell/tray.ts, badge.ts) apply it; resources/tray/
 * holds one PNG per image name returned here (scripts/make-tray-icons.mjs draws them).
 */
import type { OnlineStatusSetting } from '../../shared/settings'
import type { DesktopTexts } from './desktop-texts'

export interface TrayState {
  signedIn: boolean
  /** Online but the connection is being re-established. */
  reconnecting?: boolean
  /** The server cannot be reached (signing in or back in); the account is kept and retried. */
  unreachable?: boolean
  /** Unread messages outside muted conversations. */
  unread: number
  status: OnlineStatusSetting
  doNotDisturb: boolean
  texts: DesktopTexts
}

/** Commands the tray menu can send back. */
export type TrayCommand = 'open' | 'quit' | 'toggle-dnd' | `status:${OnlineStatusSetting}`

export type TrayMenuItem =
  | { type: 'separator' }
  | { type: 'normal'; command: TrayCommand; label: string }
  | { type: 'radio' | 'checkbox'; command: TrayCommand; label: string; checked: boolean }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] }

export interface TrayView {
  tooltip: string
  /** File name under resources/tray/ (Electron finds the @1.5x/@2x/@3x siblings itself). */
  image: string
  /** macOS menu bar: a template image the system tints. */
  template: boolean
  menu: TrayMenuItem[]
}

export interface BadgeView {
  /** Dock / Unity launcher count (0 clears it). */
  count: number
  /** Windows taskbar overlay image under resources/tray/, or null for none. */
  overlay: string | null
  /** What a screen reader says for the overlay. */
  description: string
}

const STATUS_ORDER: readonly OnlineStatusSetting[] = ['online', 'away', 'busy', 'invisible']

export function trayTooltip(s: TrayState): string {
  const { texts } = s
  if (s.unreachable) return `${texts.appName} — ${texts.unreachable}`
  if (!s.signedIn) return `${texts.appName} — ${texts.signedOut}`
  const status = [texts.status[s.status], s.doNotDisturb ? texts.doNotDisturb : '', s.reconnecting ? texts.reconnecting : '']
    .filter(Boolean)
    .join(' · ')
  return `${texts.appName} (${status})\n${s.unread > 0 ? texts.unread(s.unread) : texts.noUnread}`
}

/**
 * Image per platform: macOS wants a black template (the menu bar tints it), Windows and Linux a
 * coloured mark for the taskbar's light or dark background. Signed out shows the faded mark.
 */
export function trayImage(s: TrayState, platform: string, darkTaskbar: boolean): { image: string; template: boolean } {
  // Offline (signed out, or the server out of reach) shows the faded mark: nobody sees us online.
  const status = s.signedIn && !s.reconnecting && !s.unreachable ? s.status : 'invisible'
  const unread = s.signedIn && s.unread > 0 ? '-unread' : ''
  if (platform === 'darwin') return { image: `tray-${status}${unread}Template.png`, template: true }
  return { image: `tray-${darkTaskbar ? 'dark' : 'light'}-${status}${unread}.png`, template: false }
}

export function trayMenu(s: TrayState): TrayMenuItem[] {
  const { texts } = s
  const items: TrayMenuItem[] = [{ type: 'normal', command: 'open', label: texts.open }, { type: 'separator' }]
  if (s.signedIn) {
    for (const status of STATUS_ORDER)
      items.push({
        type: 'radio',
        command: `status:${status}`,
        label: texts.status[status],
        checked: s.status === status
      })
    items.push({ type: 'separator' })
  }
  items.push(
    { type: 'checkbox', command: 'toggle-dnd', label: texts.doNotDisturb, checked: s.doNotDisturb },
    { type: 'separator' },
    { type: 'normal', command: 'quit', label: texts.quit }
  )
  return items
}

export function trayView(s: TrayState, platform: string, darkTaskbar: boolean): TrayView {
  return { tooltip: trayTooltip(s), ...trayImage(s, platform, darkTaskbar), menu: trayMenu(s) }
}

export function badgeView(s: TrayState): BadgeView {
  const count = s.signedIn ? s.unread : 0
  if (count === 0) return { count: 0, overlay: null, description: '' }
  return {
    count,
    overlay: `overlay-${count > 9 ? '9plus' : count}.png`,
    description: s.texts.unread(count)
  }
}

export function parseTrayCommand(command: string): { kind: 'status'; status: OnlineStatusSetting } | { kind: 'open' | 'quit' | 'toggle-dnd' } | null {
  if (command === 'open' || command === 'quit' || command === 'toggle-dnd') return { kind: command }
  const status = STATUS_ORDER.find((s) => command === `status:${s}`)
  return status ? { kind: 'status', status } : null
}
