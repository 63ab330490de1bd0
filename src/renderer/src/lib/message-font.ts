/**
 * How a message's font (the sender's choice, carried by the protocol) is shown in its bubble:
 *   - 'off': not at all;
 *   - 'colors': the colour only;
 *   - 'full': colour, bold, italic, underline, family and (within a small range) size.
 * A colour is always corrected to stay legible on the bubble it sits on, in either theme: black text
 * chosen in 2012 on a white QQ window must not vanish on a dark bubble, nor yellow on a white one.
 */
import type { MessageFont, PeerFontMode } from '../../../shared/fonts'

/** WCAG AA for body text: what every text pair of the palette keeps (assets/base.css). */
export const MIN_CONTRAST = 4.5
/** QQ size 10 is the bubble's own size; others scale by this per point, within the bounds. */
const SCALE_PER_POINT = 0.04
const MIN_SCALE = 0.9
const MAX_SCALE = 1.2

type Rgb = [number, number, number]

/** `#rgb`, `#rrggbb`, `rrggbb` or `rgb(r g b)` / `rgb(r, g, b)` as 0–255 channels; null when unreadable. */
export function parseColor(input: string): Rgb | null {
  const s = input.trim().toLowerCase()
  let m = /^#?([0-9a-f]{6})$/.exec(s)
  if (m) return [0, 2, 4].map((i) => Number.parseInt(m![1]!.slice(i, i + 2), 16)) as Rgb
  m = /^#([0-9a-f]{3})$/.exec(s)
  if (m) return [...m[1]!].map((c) => Number.parseInt(c + c, 16)) as Rgb
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(s)
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((x) => Math.min(255, x)) as Rgb
  return null
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const x = c / 255
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

function hex(rgb: Rgb): string {
  return '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')
}

function rounded(c: Rgb): Rgb {
  return c.map((x) => Math.round(x)) as Rgb
}

/** Blends `c` toward `to` by `t` (0 = c, 1 = to). */
function mix(c: Rgb, to: Rgb, t: number): Rgb {
  return c.map((x, i) => x + (to[i]! - x) * t) as Rgb
}

const readableCache = new Map<string, string>()

/**
 * `color` (six hex digits) as shown on `background`: itself when it reads well enough, else the closest
 * shade that does (blended toward black on a light bubble, toward white on a dark one), so the hue the
 * sender chose is kept as far as legibility allows.
 */
export function readableColor(color: string, background: string, min = MIN_CONTRAST): string {
  const key = `${color}|${background}|${min}`
  const cached = readableCache.get(key)
  if (cached !== undefined) return cached
  const fg = parseColor(color)
  const bg = parseColor(background)
  let out: string
  if (!fg || !bg) out = ''
  else if (contrastRatio(fg, bg) >= min) out = hex(fg)
  else {
    const target: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255]
    // Binary search for the smallest blend that reaches the ratio (black/white always do on these bubbles),
    // then nudged on until the rounded colour still does.
    let lo = 0
    let hi = 1
    for (let i = 0; i < 12; i++) {
      const midT = (lo + hi) / 2
      if (contrastRatio(mix(fg, target, midT), bg) >= min) hi = midT
      else lo = midT
    }
    let rgb = rounded(mix(fg, target, hi))
    while (contrastRatio(rgb, bg) < min && hi < 1) {
      hi = Math.min(1, hi + 0.01)
      rgb = rounded(mix(fg, target, hi))
    }
    out = hex(rgb)
  }
  if (readableCache.size > 2000) readableCache.clear()
  readableCache.set(key, out)
  return out
}

/** The Latin names Windows and macOS also know the classic Chinese families by. */
const FAMILY_ALIASES: Readonly<Record<string, string>> = {
  宋体: 'SimSun',
  新宋体: 'NSimSun',
  微软雅黑: 'Microsoft YaHei',
  黑体: 'SimHei',
  楷体: 'KaiTi',
  仿宋: 'FangSong'
}

/**
 * A font-family value for a sender's family: only letters, CJK, digits, spaces and hyphens survive (it is
 * someone else's text), then the app's own stack, so a family this system lacks falls back to the usual.
 */
export function familyOf(name: string): string | null {
  const clean = name.replace(/[^\p{L}\p{N} -]/gu, '').trim()
  if (!clean) return null
  const alias = FAMILY_ALIASES[clean]
  return `"${clean}", ${alias ? `"${alias}", ` : ''}system-ui, sans-serif`
}

/** The bubble's inline style for `font` under `mode` on a bubble of colour `background` (empty: leave it be). */
export function messageFontStyle(font: MessageFont | null | undefined, mode: PeerFontMode, background: string): Record<string, string> {
  if (!font || mode === 'off') return {}
  const style: Record<string, string> = {}
  const color = background ? readableColor(font.color, background) : ''
  if (color) style['color'] = color
  if (mode === 'full') {
    if (font.bold) style['fontWeight'] = '600'
    if (font.italic) style['fontStyle'] = 'italic'
    if (font.underline) style['textDecoration'] = 'underline'
    const family = familyOf(font.name)
    if (family) style['fontFamily'] = family
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, 1 + (font.size - 10) * SCALE_PER_POINT))
    if (scale !== 1) style['fontSize'] = `${scale.toFixed(2)}em`
  }
  return style
}
