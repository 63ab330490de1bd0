/**
 * Remembers each window kind's size, position and maximized state (electron-store
 * `window-state.json`, validated on read) and places windows with the electron-free placement
 * model against the displays that exist NOW, so a window saved on a monitor that was unplugged
 * opens inside the primary display's work area.
 */
import Store from 'electron-store'
import { screen, type BrowserWindow } from 'electron'
import * as v from 'valibot'
import { placeWindow, type DisplayInfo, type Placement, type SavedWindowState, type SizeLimits } from '../desktop/window-placement'
import type { WindowKind } from '../desktop/window-registry'

const finite = v.pipe(v.number(), v.finite())
const size = v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(100_000))
const savedSchema = v.object({
  bounds: v.object({ x: finite, y: finite, width: size, height: size }),
  maximized: v.boolean(),
  displayId: v.nullable(finite)
})

/** Bumped (with a conversion) when the stored shape changes. */
const WINDOW_STATE_VERSION = 1

export interface WindowStateStore {
  load(kind: WindowKind): SavedWindowState | null
  save(kind: WindowKind, state: SavedWindowState): void
}

export function createWindowStateStore(options: { cwd?: string } = {}): WindowStateStore {
  const store = new Store<Record<string, unknown>>({ name: 'window-state', cwd: options.cwd, clearInvalidConfig: true })
  if (store.get('schemaVersion') !== WINDOW_STATE_VERSION) store.store = { schemaVersion: WINDOW_STATE_VERSION }
  return {
    load(kind) {
      // A hand-edited or damaged entry is ignored (the window opens at its default place).
      const parsed = v.safeParse(savedSchema, store.get(kind))
      return parsed.success ? parsed.output : null
    },
    save(kind, state) {
      store.set(kind, v.parse(savedSchema, state))
    }
  }
}

/** The displays as the placement model sees them. */
export function currentDisplays(): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay()
  return screen.getAllDisplays().map((d) => ({ id: d.id, workArea: { ...d.workArea }, primary: d.id === primary.id }))
}

/** Where a window of this kind opens now; `offset` cascades several windows of one kind. */
export function placementFor(states: WindowStateStore, kind: WindowKind, limits: SizeLimits, offset = 0): Placement {
  const saved = states.load(kind)
  const shifted = saved && offset > 0 ? { ...saved, bounds: { ...saved.bounds, x: saved.bounds.x + offset, y: saved.bounds.y + offset } } : saved
  return placeWindow(shifted, currentDisplays(), limits)
}

/** Saves the window's state whenever it settles (moved, resized, maximized) and when it closes. */
export function rememberWindowState(window: BrowserWindow, kind: WindowKind, states: WindowStateStore): void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const save = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    if (window.isDestroyed() || window.isMinimized()) return
    const bounds = window.getNormalBounds()
    states.save(kind, { bounds, maximized: window.isMaximized(), displayId: screen.getDisplayMatching(bounds).id })
  }
  // Moves and resizes come as a stream while dragging: save once it stops.
  const later = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 400)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('maximize', save)
  window.on('unmaximize', save)
  window.on('close', save)
}
