import { describe, expect, it } from 'vitest'
import { isInside, placeWindow, type DisplayInfo, type SavedWindowState } from '../../../src/main/desktop/window-placement'

const LIMITS = { width: 1080, height: 720, minWidth: 720, minHeight: 480 }
// A laptop (primary, taskbar at the bottom) and an external monitor to its right.
const LAPTOP: DisplayInfo = { id: 1, primary: true, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const MONITOR: DisplayInfo = { id: 2, primary: false, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } }
// A monitor to the left, at negative coordinates (Windows puts secondary screens there).
const LEFT: DisplayInfo = { id: 3, primary: false, workArea: { x: -1280, y: 100, width: 1280, height: 984 } }

const saved = (x: number, y: number, width = 900, height = 600, displayId: number | null = 2, maximized = false): SavedWindowState => ({
  bounds: { x, y, width, height },
  maximized,
  displayId
})

describe('window placement', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    const p = placeWindow(null, [MONITOR, LAPTOP], LIMITS)
    expect(p).toEqual({ bounds: { x: 420, y: 160, width: 1080, height: 720 }, maximized: false, displayId: 1 })
  })

  it('restores saved bounds on the display they were on', () => {
    const p = placeWindow(saved(2300, 200, 900, 600, 2, true), [LAPTOP, MONITOR], LIMITS)
    expect(p).toEqual({ bounds: { x: 2300, y: 200, width: 900, height: 600 }, maximized: true, displayId: 2 })
  })

  it('moves a window from a display that is gone into the primary work area', () => {
    const p = placeWindow(saved(3000, 300), [LAPTOP], LIMITS)
    expect(p.displayId).toBe(1)
    expect(isInside(p.bounds, LAPTOP.workArea)).toBe(true)
    expect(p.bounds).toEqual({ x: 510, y: 220, width: 900, height: 600 })
  })

  it('clamps a window hanging off the edge back into its display, and shrinks one larger than it', () => {
    const hanging = placeWindow(saved(1700, 900, 900, 600, 1), [LAPTOP, MONITOR], LIMITS)
    expect(hanging.bounds).toEqual({ x: 1020, y: 440, width: 900, height: 600 })
    const huge = placeWindow(saved(-50, -50, 4000, 3000, 1), [LAPTOP], LIMITS)
    expect(huge.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 })
  })

  it('picks the display a window overlaps most when its saved display id is unknown, negative coordinates included', () => {
    const p = placeWindow(saved(-1000, 200, 900, 600, null), [LAPTOP, LEFT], LIMITS)
    expect(p.displayId).toBe(3)
    expect(p.bounds).toEqual({ x: -1000, y: 200, width: 900, height: 600 })
    // A sliver (less than 64×64 px) of overlap does not count: back to the primary display.
    const sliver = placeWindow(saved(1900, 1030, 900, 600, 9), [LAPTOP], LIMITS)
    expect(isInside(sliver.bounds, LAPTOP.workArea)).toBe(true)
    expect(sliver.bounds.x).toBe(510)
  })

  it('keeps the minimum size unless the work area itself is smaller', () => {
    const small = placeWindow(saved(10, 10, 300, 200, 1), [LAPTOP], LIMITS)
    expect(small.bounds).toMatchObject({ width: 720, height: 480 })
    const tiny: DisplayInfo = { id: 5, primary: true, workArea: { x: 0, y: 0, width: 640, height: 400 } }
    expect(placeWindow(null, [tiny], LIMITS).bounds).toEqual({ x: 0, y: 0, width: 640, height: 400 })
  })
})
