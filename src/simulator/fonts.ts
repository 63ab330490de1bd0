/**
 * Fonts on the simulator's side of the wire (reference §2.4, §3.1), written from the spec, not from the
 * client: every received message carries its sender's font first; every send carries the client's last.
 * Demo senders get a few different fonts, as a real contact list had (most people kept the default,
 * some chose a colour, a family, bold or italic), so a client can show them.
 */

/** The font object exactly as it travels: `style` is [bold, italic, underline] as 0/1, colour six hex digits. */
export interface WireFont {
  name: string
  size: number
  style: [number, number, number]
  color: string
}

/** Font of received messages (seed §三 example). */
export const RECEIVED_FONT: WireFont = { color: '000000', name: '微软雅黑', size: 10, style: [0, 0, 0] }

/**
 * What demo senders write in, picked per QQ number. Half keep black (the usual case); the colours include
 * ones that read badly on a dark or a light background (ffcc00, 003366), which real people chose too.
 */
export const DEMO_FONTS: readonly WireFont[] = [
  RECEIVED_FONT,
  { color: '000000', name: '宋体', size: 10, style: [0, 0, 0] },
  { color: 'ff0000', name: '微软雅黑', size: 10, style: [0, 0, 0] },
  RECEIVED_FONT,
  { color: '0066cc', name: '楷体', size: 12, style: [0, 1, 0] },
  { color: '000000', name: '黑体', size: 11, style: [1, 0, 0] },
  { color: '009933', name: '微软雅黑', size: 10, style: [1, 0, 0] },
  { color: 'ffcc00', name: 'Arial', size: 9, style: [0, 0, 0] },
  { color: '003366', name: '宋体', size: 14, style: [0, 0, 1] },
  RECEIVED_FONT
]

/** The font a demo sender (QQ number) writes in: stable for the life of the account. */
export function senderFont(qq: number): WireFont {
  return DEMO_FONTS[Math.abs(qq) % DEMO_FONTS.length]!
}

/**
 * The font element of a send (`["font",{...}]`), read as the server would have: an object is required,
 * its fields are recorded as given (a client may send `"size":"10"`, YZ did), nothing else is checked.
 */
export function sentFont(el: unknown): Record<string, unknown> | null {
  if (!Array.isArray(el) || el.length !== 2 || el[0] !== 'font') return null
  const f = el[1] as unknown
  return typeof f === 'object' && f !== null && !Array.isArray(f) ? { ...(f as Record<string, unknown>) } : null
}
