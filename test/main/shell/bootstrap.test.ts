import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { invokeSchemas } from '../../../src/shared/ipc'

// A recording fake of the Electron API surface main/index.ts touches.
const fake = vi.hoisted(() => {
  const windows: Array<{ options: Record<string, unknown>; loadedUrl: string | null; contentsEvents: string[]; openHandler: unknown }> = []
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>()
  const calls: string[] = []
  let readyResolve: () => void = () => {}
  const ready = new Promise<void>((r) => (readyResolve = r))
  const permission = { request: null as unknown, check: null as unknown }
  const tray = { image: '', tooltip: '', menu: [] as Array<{ label?: string }> }
  const appMenu: Array<{ label?: string }> = []
  return { windows, handlers, calls, ready, readyResolve: () => readyResolve(), permission, userData: '', tray, appMenu }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.all
    record: (typeof fake.windows)[number]
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      this.record = { options, loadedUrl: null, contentsEvents: [], openHandler: null }
      fake.windows.push(this.record)
      BrowserWindow.all.push(this)
      const record = this.record
      this.webContents = {
        on: (name: string) => record.contentsEvents.push(name),
        setWindowOpenHandler: (h: unknown) => (record.openHandler = h),
        send: () => {},
        isDestroyed: () => false
      }
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.record.loadedUrl = url
      return Promise.resolve()
    }
  }
  const app = {
    enableSandbox: () => fake.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (fake.calls.push('requestSingleInstanceLock'), true),
    on: (name: string) => fake.calls.push(`on:${name}`),
    whenReady: () => fake.ready,
    getPath: () => fake.userData,
    getName: () => 'qq-desktop',
    getVersion: () => '0.1.0',
    quit: () => fake.calls.push('quit'),
    setBadgeCount: () => true
  }
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => unknown) => fake.handlers.set(channel, fn),
    removeHandler: (channel: string) => fake.handlers.delete(channel),
    on: () => {}
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: unknown) => (fake.permission.request = h),
      setPermissionCheckHandler: (h: unknown) => (fake.permission.check = h)
    }
  }
  const shell = { openExternal: () => Promise.resolve() }
  // No keyring on this fake Linux: the app must choose not to remember sessions.
  const safeStorage = { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' }
  // One 1920×1080 display; a light OS theme (window placement and the theme read these).
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }
  const screen = { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display }
  const nativeTheme = { shouldUseDarkColors: false, on: () => {}, removeListener: () => {} }
  // The desktop layer: a tray, menus and notifications that record what they show.
  const nativeImage = { createFromPath: (path: string) => ({ path, setTemplateImage() {} }) }
  class Tray {
    constructor(image: { path: string }) {
      fake.tray.image = image.path
    }
    setImage(image: { path: string }) {
      fake.tray.image = image.path
    }
    setToolTip(text: string) {
      fake.tray.tooltip = text
    }
    setContextMenu(menu: { template: Array<{ label?: string }> }) {
      fake.tray.menu = menu.template
    }
    on() {}
  }
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: { template: Array<{ label?: string }> }) => fake.appMenu.splice(0, fake.appMenu.length, ...menu.template)
  }
  class Notification {
    static isSupported = () => true
    on() {}
    show() {}
    close() {}
  }
  const electron = { app, BrowserWindow, ipcMain, session, shell, safeStorage, screen, nativeTheme, nativeImage, Tray, Menu, Notification }
  return { ...electron, default: electron }
})

describe('main bootstrap', () => {
  beforeAll(async () => {
    fake.userData = mkdtempSync(join(tmpdir(), 'qq-boot-'))
    await import('../../../src/main/index')
    // Before the app is ready nothing but the process-wide switches may have happened.
    expect(fake.windows).toHaveLength(0)
    fake.readyResolve()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
  })

  it('puts the app in the tray (signed out, faded mark) with its menu, and installs the app menu', () => {
    expect(fake.tray.tooltip).toBe('QQ 桌面版 — 未登录')
    expect(fake.tray.image).toMatch(/resources[\\/]tray[\\/]tray-(light|dark)-invisible\.png$|tray-invisibleTemplate\.png$/)
    expect(fake.tray.menu.map((i) => i.label ?? '—')).toEqual(['打开 QQ', '—', '免打扰', '—', '退出'])
    expect(fake.appMenu.map((m) => m.label)).toContain('编辑')
  })

  it('enables the sandbox for every renderer before anything else', () => {
    expect(fake.calls[0]).toBe('enableSandbox')
  })

  it('takes the single-instance lock and routes second instances to the window', () => {
    expect(fake.calls).toContain('requestSingleInstanceLock')
    expect(fake.calls).toContain('on:second-instance')
  })

  it('locks down every web contents created later', () => {
    expect(fake.calls).toContain('on:web-contents-created')
  })

  it('denies permissions on the default session', () => {
    const callback = vi.fn()
    ;(fake.permission.request as (w: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect((fake.permission.check as (w: unknown, p: string) => boolean)({}, 'notifications')).toBe(false)
  })

  it('creates a sandboxed, isolated window on the built page with navigation locked', () => {
    const [window] = fake.windows
    const prefs = window.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true })
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/)
    expect(window.loadedUrl).toMatch(/^file:\/\/.*renderer\/index\.html$/)
    expect(window.contentsEvents).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']))
    expect(window.openHandler).toBeTypeOf('function')
  })

  it('places the first main window centred on the primary display, painted in the OS theme', () => {
    const [window] = fake.windows
    expect(window.options).toMatchObject({ x: 420, y: 160, width: 1080, height: 720, backgroundColor: '#f4f6f9' })
  })

  it('registers a validating, sender-checked handler for every contract channel', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(invokeSchemas).sort())
    const page = fake.windows[0].loadedUrl!
    const info = fake.handlers.get('app:info')!
    await expect(info({ senderFrame: { url: page } }, undefined)).resolves.toMatchObject({
      ok: true,
      value: { version: '0.1.0', secretStorage: process.platform === 'linux' ? 'no-keyring' : 'encrypted' }
    })
    await expect(info({ senderFrame: { url: 'https://evil.example/' } }, undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' }
    })
    await expect(fake.handlers.get('settings:update')!({ senderFrame: { url: page } }, { locale: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' }
    })
  })
})
