/**
 * The font QQ carries with every message (reference §2.4 and §3.1): `["font",{"name":"宋体","size":10,
 * "style":[bold,italic,underline],"color":"000000"}]`. Shared by main (codec, store, engine), the settings
 * (the font I send with) and the renderer (how a received font is shown). No electron, DOM or Node here.
 */
import * as v from 'valibot'

export interface MessageFont {
  /** Family name as the sender's client named it (宋体, 微软雅黑, Arial…). */
  name: string
  /** QQ's point size (the classic clients offered 8 to 22; 10 is the default). */
  size: number
  bold: boolean
  italic: boolean
  underline: boolean
  /** Six lowercase hex digits, no '#' (the wire form). */
  color: string
}

/** The seed's send font (seed 三): what every SmartQQ client sent when nobody chose otherwise. */
export const DEFAULT_FONT: MessageFont = { name: '宋体', size: 10, bold: false, italic: false, underline: false, color: '000000' }

/** The families the composer offers: what a Chinese Windows of the time had, plus two Latin ones. */
export const FONT_NAMES = ['宋体', '微软雅黑', '黑体', '楷体', '仿宋', 'Arial', 'Tahoma', 'Times New Roman'] as const

/** The colours the composer offers (classic QQ's palette, darkest first). */
export const FONT_COLORS = ['000000', 'c0392b', 'd35400', '8e6b00', '1e8449', '117a8b', '1f5fbf', '7d3c98', 'b03a73'] as const

export const FONT_SIZE_MIN = 8
export const FONT_SIZE_MAX = 22

/** How the fonts of others are shown: not at all, their colour only, or colour, style and (a little) size. */
export const PEER_FONT_MODES = ['off', 'colors', 'full'] as const
export type PeerFontMode = (typeof PEER_FONT_MODES)[number]

export const FONT_COLOR_PATTERN = /^[0-9a-f]{6}$/

/** A font as stored in settings or sent over IPC: strict, so a hand-edited value cannot smuggle anything. */
export const messageFontSchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  size: v.pipe(v.number(), v.integer(), v.minValue(FONT_SIZE_MIN), v.maxValue(FONT_SIZE_MAX)),
  bold: v.boolean(),
  italic: v.boolean(),
  underline: v.boolean(),
  color: v.pipe(v.string(), v.regex(FONT_COLOR_PATTERN))
})

/** True when `a` and `b` describe the same font. */
export function sameFont(a: MessageFont, b: MessageFont): boolean {
  return a.name === b.name && a.size === b.size && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.color === b.color
}

/** messageFontSchema checked by hand: the store checks every message of a poll burst, where valibot costs. */
export function isMessageFont(x: unknown): x is MessageFont {
  if (typeof x !== 'object' || x === null) return false
  const f = x as Record<string, unknown>
  return (
    typeof f['name'] === 'string' &&
    f['name'].length >= 1 &&
    f['name'].length <= 40 &&
    Number.isInteger(f['size']) &&
    (f['size'] as number) >= FONT_SIZE_MIN &&
    (f['size'] as number) <= FONT_SIZE_MAX &&
    typeof f['bold'] === 'boolean' &&
    typeof f['italic'] === 'boolean' &&
    typeof f['underline'] === 'boolean' &&
    typeof f['color'] === 'string' &&
    FONT_COLOR_PATTERN.test(f['color'])
  )
}
