/**
 * Where a window opens: its remembered bounds when they are still visible, clamped into the work
 * area of the display it was on (or the one it overlaps most), and centred on the primary display
 * when that display is gone or nothing was remembered. Electron-free, so it is tested with made-up
 * display lists; the shell feeds it `screen.getAllDisplays()`.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface DisplayInfo {
  id: number
  workArea: Rect
  primary: boolean
}

export interface SavedWindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect
  maximized: boolean
  /** The display the window was on when it was saved. */
  displayId: number | null
}

export interface SizeLimits {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

export interface Placement {
  bounds: Rect
  maximized: boolean
  displayId: number
}

/** At least this much of a window must overlap a work area to count as "on" that display. */
const MIN_VISIBLE = 64

/**
 * The smallest window ever placed, whatever a display reports: a work area smaller than the window's
 * minimum size shrinks it, but never into something nobody can use (0×0 or negative).
 */
export const SANE_MIN = { width: 320, height: 240 } as const

const positive = (n: number): boolean => Number.isFinite(n) && n > 0

/** A rect with finite numbers and a real size (zero, negative, NaN and Infinity sizes are not). */
function isUsable(r: Rect): boolean {
  return [r.x, r.y].every(Number.isFinite) && positive(r.width) && positive(r.height)
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

/** A size that fits the work area (the minimum size gives way on a tiny screen). */
function fitSize(width: number, height: number, area: Rect, limits: SizeLimits): { width: number; height: number } {
  return {
    width: Math.round(Math.max(Math.min(Math.max(width, limits.minWidth), area.width), SANE_MIN.width)),
    height: Math.round(Math.max(Math.min(Math.max(height, limits.minHeight), area.height), SANE_MIN.height))
  }
}

function centred(area: Rect, size: { width: number; height: number }): Rect {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size
  }
}

function primaryOf(displays: readonly DisplayInfo[], limits: SizeLimits): DisplayInfo {
  // No usable display at all (headless session, a driver reporting 0×0): a made-up one of the
  // default size at the origin, so the window still opens where the OS will put it on screen.
  const fallback: DisplayInfo = { id: 0, primary: true, workArea: { x: 0, y: 0, width: limits.width, height: limits.height } }
  return displays.find((d) => d.primary) ?? displays[0] ?? fallback
}

export function placeWindow(saved: SavedWindowState | null, reported: readonly DisplayInfo[], limits: SizeLimits): Placement {
  // Displays with a zero, negative or non-finite work area cannot hold a window: ignored.
  const displays = reported.filter((d) => isUsable(d.workArea))
  const primary = primaryOf(displays, limits)
  // Saved bounds of an impossible size (a hand-edited or damaged state file) count as nothing saved.
  if (!saved || !isUsable(saved.bounds)) {
    return {
      bounds: centred(primary.workArea, fitSize(limits.width, limits.height, primary.workArea, limits)),
      maximized: false,
      displayId: primary.id
    }
  }
  const size = (area: Rect) => fitSize(saved.bounds.width, saved.bounds.height, area, limits)
  const same = displays.find((d) => d.id === saved.displayId)
  const best = [...displays].sort((a, b) => overlap(saved.bounds, b.workArea) - overlap(saved.bounds, a.workArea))[0]
  const visibleOn = best && overlap(saved.bounds, best.workArea) >= MIN_VISIBLE * MIN_VISIBLE ? best : null
  const target = same ?? visibleOn
  if (!target) {
    // Its display is gone and nothing of it would show: the primary display, centred.
    return { bounds: centred(primary.workArea, size(primary.workArea)), maximized: saved.maximized, displayId: primary.id }
  }
  const area = target.workArea
  const fitted = size(area)
  return {
    bounds: {
      x: Math.round(clamp(saved.bounds.x, area.x, area.x + area.width - fitted.width)),
      y: Math.round(clamp(saved.bounds.y, area.y, area.y + area.height - fitted.height)),
      ...fitted
    },
    maximized: saved.maximized,
    displayId: target.id
  }
}

/** True when `rect` lies wholly inside `area` (used by tests and by the shell's sanity check). */
export function isInside(rect: Rect, area: Rect): boolean {
  return rect.x >= area.x && rect.y >= area.y && rect.x + rect.width <= area.x + area.width && rect.y + rect.height <= area.y + area.height
}
