/**
 * The window shell adapters with electron mocked: what the windows ARE after a sequence of
 * events (bounds, webPreferences, the page they load, which one is focused), with the
 * window-state file written by the real electron-store in a temp folder.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

type Rect = { x: number; y: number; width: number; height: number }
type Display = { id: number; workArea: Rect; bounds: Rect }

const screenState: { displays: Display[] } = { displays: [] }
const created: FakeWindow[] = []

class FakeWindow extends EventEmitter {
  bounds: Rect
  maximized = false
  focused = false
  visible = false
  destroyed = false
  url = ''
  sent: Array<[string, unknown]> = []
  webContents = {
    on: () => {},
    setWindowOpenHandler: () => {},
    isDestroyed: () => this.destroyed,
    send: (channel: string, payload: unknown) => this.sent.push([channel, payload])
  }
  constructor(readonly options: Record<string, unknown> & Partial<Rect>) {
    super()
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
    created.push(this)
  }
  loadURL(url: string) {
    this.url = url
    this.emit('ready-to-show')
    return Promise.resolve()
  }
  getNormalBounds() {
    return { ...this.bounds }
  }
  setBounds(b: Rect) {
    this.bounds = { ...b }
    this.emit('move')
  }
  isMaximized = () => this.maximized
  isMinimized = () => false
  isDestroyed = () => this.destroyed
  maximize() {
    this.maximized = true
    this.emit('maximize')
  }
  restore() {}
  show() {
    this.visible = true
  }
  focus() {
    created.forEach((w) => (w.focused = false))
    this.focused = true
  }
  close() {
    this.emit('close')
    this.destroyed = true
    this.emit('closed')
  }
}

vi.mock('electron', () => {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))
  const screen = {
    getAllDisplays: () => screenState.displays,
    getPrimaryDisplay: () => screenState.displays[0],
    getDisplayMatching: (r: Rect) => [...screenState.displays].sort((a, b) => overlap(r, b.bounds) - overlap(r, a.bounds))[0]
  }
  const electron = { app: undefined, ipcMain: undefined, shell: { openExternal: () => {} }, screen, BrowserWindow: FakeWindow }
  return { ...electron, default: electron }
})

const { createWindowStateStore } = await import('../../../src/main/shell/window-state')
const { createConversationWindowHost } = await import('../../../src/main/shell/conversation-windows')
const { createWindowRegistry } = await import('../../../src/main/desktop/window-registry')

const LAPTOP: Display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
const MONITOR: Display = { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 }, bounds: { x: 1920, y: 0, width: 2560, height: 1440 } }

function setup(cwd: string, main: FakeWindow | null = null) {
  const states = createWindowStateStore({ cwd })
  const emitted: unknown[] = []
  let registry: ReturnType<typeof createWindowRegistry> | null = null
  const host = createConversationWindowHost({
    pageUrl: 'file:///app/out/renderer/index.html',
    preloadPath: '/app/out/preload/index.cjs',
    states,
    mainWindow: () => main as never,
    background: () => '#1e2228',
    closed: (key) => registry?.closed(key),
    title: (t) => `${t.kind} ${t.id}`
  })
  registry = createWindowRegistry(host, (_c, p) => emitted.push(p))
  return { registry, host, emitted }
}

describe('conversation windows (electron mocked)', () => {
  beforeEach(() => {
    created.length = 0
    screenState.displays = [LAPTOP, MONITOR]
  })

  it('opens a secure window on the conversation page, focuses it when asked again, and forgets it once closed', () => {
    const { registry } = setup(mkdtempSync(join(tmpdir(), 'qq-win-')))
    expect(registry.popOut({ kind: 'group', id: 7 })).toBe(true)
    expect(created).toHaveLength(1)
    const window = created[0]!
    expect(window.url).toBe('file:///app/out/renderer/index.html?conversation=group:7')
    const prefs = window.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs' })
    expect(window.options['backgroundColor']).toBe('#1e2228')
    expect(window.visible).toBe(true)
    window.focused = false
    expect(registry.popOut({ kind: 'group', id: 7 })).toBe(false)
    expect(created).toHaveLength(1)
    expect(window.focused).toBe(true)
    window.close()
    expect(registry.list()).toEqual([])
    expect(registry.popOut({ kind: 'group', id: 7 })).toBe(true)
    expect(created).toHaveLength(2)
  })

  it('reopens a window saved on a monitor that is now unplugged inside the primary work area', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-win-'))
    const first = setup(cwd)
    first.registry.popOut({ kind: 'buddy', id: 3 })
    const window = created[0]!
    window.setBounds({ x: 2600, y: 300, width: 700, height: 650 })
    window.close()
    // The saved state names the monitor.
    expect(createWindowStateStore({ cwd }).load('conversation')).toEqual({
      bounds: { x: 2600, y: 300, width: 700, height: 650 },
      maximized: false,
      displayId: 2
    })
    screenState.displays = [LAPTOP]
    const second = setup(cwd)
    second.registry.popOut({ kind: 'buddy', id: 3 })
    const reopened = created[1]!
    const { x, y, width, height } = reopened.bounds
    expect({ width, height }).toEqual({ width: 700, height: 650 })
    expect(x).toBeGreaterThanOrEqual(0)
    expect(y).toBeGreaterThanOrEqual(0)
    expect(x + width).toBeLessThanOrEqual(1920)
    expect(y + height).toBeLessThanOrEqual(1040)
  })

  it('restores a maximized window maximized, on its monitor while it is there', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-win-'))
    const first = setup(cwd)
    first.registry.popOut({ kind: 'group', id: 1 })
    created[0]!.setBounds({ x: 2000, y: 100, width: 800, height: 600 })
    created[0]!.maximize()
    created[0]!.close()
    setup(cwd).registry.popOut({ kind: 'group', id: 1 })
    expect(created[1]!.bounds).toEqual({ x: 2000, y: 100, width: 800, height: 600 })
    expect(created[1]!.maximized).toBe(true)
  })

  it('docking closes the window and asks the main window to show the conversation', () => {
    const main = new FakeWindow({})
    created.length = 0
    const { registry } = setup(mkdtempSync(join(tmpdir(), 'qq-win-')), main)
    registry.popOut({ kind: 'discuss', id: 5 })
    expect(registry.dock({ kind: 'discuss', id: 5 })).toBe(true)
    expect(created[0]!.destroyed).toBe(true)
    expect(main.focused).toBe(true)
    expect(main.sent).toEqual([['conversation:focus', { kind: 'discuss', id: 5, key: 'discuss:5' }]])
    expect(registry.list()).toEqual([])
  })

  it('ignores a damaged window-state entry', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'qq-win-'))
    const states = createWindowStateStore({ cwd })
    expect(() => states.save('main', { bounds: { x: 0, y: 0, width: -5, height: 10 }, maximized: false, displayId: 1 })).toThrow()
    expect(states.load('main')).toBeNull()
  })
})
