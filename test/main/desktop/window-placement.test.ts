import { describe, expect, it } from 'vitest'
import { SANE_MIN, isInside, placeWindow, type DisplayInfo, type SavedWindowState } from '../../../src/main/desktop/window-placement'

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

  describe('hostile display lists (zero, negative or no displays)', () => {
    const usable = (p: { bounds: { width: number; height: number; x: number; y: number } }): boolean =>
      [p.bounds.x, p.bounds.y].every(Number.isFinite) && p.bounds.width >= SANE_MIN.width && p.bounds.height >= SANE_MIN.height

    it('opens at the default size when there is no display at all', () => {
      const p = placeWindow(null, [], LIMITS)
      expect(p.bounds).toEqual({ x: 0, y: 0, width: 1080, height: 720 })
      expect(placeWindow(saved(300, 300), [], LIMITS).bounds).toEqual({ x: 90, y: 60, width: 900, height: 600 })
    })

    it('ignores a zero-size or negative-size display and uses the primary work area of the others', () => {
      const zero: DisplayInfo = { id: 7, primary: true, workArea: { x: 0, y: 0, width: 0, height: 0 } }
      const negative: DisplayInfo = { id: 8, primary: false, workArea: { x: 0, y: 0, width: -1920, height: -1080 } }
      const p = placeWindow(null, [zero, negative, LAPTOP], LIMITS)
      expect(p.displayId).toBe(1)
      expect(p.bounds).toEqual({ x: 420, y: 160, width: 1080, height: 720 })
      // Only broken displays: the default size, never 0×0 or negative.
      for (const displays of [[zero], [negative], [zero, negative]]) {
        expect(placeWindow(null, displays, LIMITS).bounds).toEqual({ x: 0, y: 0, width: 1080, height: 720 })
        expect(usable(placeWindow(saved(10, 10, 900, 600, 7), displays, LIMITS))).toBe(true)
      }
      const nan: DisplayInfo = { id: 9, primary: true, workArea: { x: NaN, y: 0, width: Infinity, height: 800 } }
      expect(usable(placeWindow(null, [nan], LIMITS))).toBe(true)
    })

    it('never places a window below the sane minimum, even on a display smaller than that', () => {
      const speck: DisplayInfo = { id: 4, primary: true, workArea: { x: 0, y: 0, width: 40, height: 30 } }
      const p = placeWindow(null, [speck], LIMITS)
      expect(p.bounds).toMatchObject({ width: SANE_MIN.width, height: SANE_MIN.height })
    })

    it('treats saved bounds of an impossible size as nothing saved', () => {
      for (const [width, height] of [
        [0, 0],
        [-900, -600],
        [NaN, 600],
        [900, Infinity]
      ] as const) {
        const p = placeWindow(saved(10, 10, width, height, 1), [LAPTOP], LIMITS)
        expect(p.bounds).toEqual({ x: 420, y: 160, width: 1080, height: 720 })
      }
    })
  })
})
