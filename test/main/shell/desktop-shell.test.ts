/**
 * The Electron adapters of the desktop layer against a recording fake of Electron: what the tray,
 * badge, notifications, window and app menu ARE after a sequence of engine events and clicks.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createDesktopController, type DesktopController } from '../../../src/main/desktop/desktop-controller'
import type { EventChannel } from '../../../src/shared/ipc'
import type { SettingsPatch } from '../../../src/shared/settings'
import { buddyMessage, groupMessage, settingsWith } from '../desktop/fixtures'
import { fakeEngine } from '../desktop/fake-engine'

type Handler = (...args: unknown[]) => void

const fake = vi.hoisted(() => {
  const state = {
    trays: [] as Array<{
      image: { path: string; template: boolean }
      tooltip: string
      menu: unknown[]
      handlers: Map<string, Handler>
      destroyed: boolean
    }>,
    notifications: [] as Array<{ title: string; body: string; silent: boolean; shown: boolean; closed: boolean; handlers: Map<string, Handler> }>,
    appMenu: null as null | unknown[],
    badgeCount: -1,
    quits: 0,
    bounces: 0,
    appHandlers: new Map<string, Handler[]>(),
    focusedWindow: null as unknown,
    /** A desktop without a status area: new Tray() throws. */
    noTray: false,
    appUserModelId: ''
  }
  return state
})

vi.mock('electron', () => {
  const image = (path: string) => ({
    path,
    template: false,
    setTemplateImage(on: boolean) {
      this.template = on
    }
  })
  class Tray {
    record: (typeof fake.trays)[number]
    constructor(img: { path: string; template: boolean }) {
      if (fake.noTray) throw new Error('no status notifier')
      this.record = { image: img, tooltip: '', menu: [], handlers: new Map(), destroyed: false }
      fake.trays.push(this.record)
    }
    setImage(img: { path: string; template: boolean }) {
      this.record.image = img
    }
    setToolTip(text: string) {
      this.record.tooltip = text
    }
    setContextMenu(menu: { template: unknown[] }) {
      this.record.menu = menu.template
    }
    on(name: string, fn: Handler) {
      this.record.handlers.set(name, fn)
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  class Notification {
    static isSupported = () => true
    record: (typeof fake.notifications)[number]
    constructor(o: { title: string; body: string; silent: boolean }) {
      this.record = { title: o.title, body: o.body, silent: o.silent, shown: false, closed: false, handlers: new Map() }
      fake.notifications.push(this.record)
    }
    on(name: string, fn: Handler) {
      this.record.handlers.set(name, fn)
    }
    show() {
      this.record.shown = true
    }
    close() {
      this.record.closed = true
      this.record.handlers.get('close')?.()
    }
  }
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: { template: unknown[] }) => (fake.appMenu = menu.template)
  }
  const app = {
    setBadgeCount: (n: number) => ((fake.badgeCount = n), true),
    quit: () => {
      fake.quits++
      for (const fn of fake.appHandlers.get('before-quit') ?? []) fn({ preventDefault() {} })
    },
    on: (name: string, fn: Handler) => fake.appHandlers.set(name, [...(fake.appHandlers.get(name) ?? []), fn]),
    dock: { bounce: () => void fake.bounces++ },
    setAppUserModelId: (id: string) => void (fake.appUserModelId = id)
  }
  const BrowserWindow = { getFocusedWindow: () => fake.focusedWindow }
  const nativeTheme = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false, on: () => {} }
  const electron = { Tray, Notification, Menu, app, BrowserWindow, nativeTheme, nativeImage: { createFromPath: image } }
  return { ...electron, default: electron }
})

/** A main window that records what was done to it. */
class FakeWindow {
  visible = true
  focused = false
  minimized = false
  flashing = false
  overlay: { image: { path: string } | null; description: string } | null = null
  sent: Array<{ channel: string; payload: unknown }> = []
  handlers = new Map<string, Handler[]>()
  closed = false
  webContents = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => void this.sent.push({ channel, payload })
  }
  show() {
    this.visible = true
  }
  hide() {
    this.visible = false
  }
  focus() {
    this.focused = true
    fake.focusedWindow = this
    for (const fn of this.handlers.get('focus') ?? []) fn()
    this.handlers.set('focus', [])
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
  }
  isFocused() {
    return this.focused
  }
  isDestroyed() {
    return false
  }
  flashFrame(on: boolean) {
    this.flashing = on
  }
  setOverlayIcon(image: { path: string } | null, description: string) {
    this.overlay = { image, description }
  }
  on(name: string, fn: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
  }
  once(name: string, fn: Handler) {
    this.on(name, fn)
  }
  /** The user clicks the window's close button: true when it really closed. */
  tryClose(): boolean {
    let prevented = false
    for (const fn of this.handlers.get('close') ?? []) fn({ preventDefault: () => (prevented = true) })
    if (!prevented) this.closed = true
    return !prevented
  }
}

type Windows = { has(t: { kind: string; id: number }): boolean; popOut(t: { kind: string; id: number }): boolean }

async function setup(platform = 'linux', patch: SettingsPatch = {}, windows?: Windows) {
  const { installDesktopShell } = await import('../../../src/main/shell/desktop-shell')
  let settings = settingsWith(patch)
  const store = { get: () => settings, update: (p: SettingsPatch) => (settings = { ...settings, ...p }) }
  const emitted: Array<{ channel: EventChannel; payload: unknown }> = []
  const emit = (channel: EventChannel, payload: unknown) => void emitted.push({ channel, payload })
  const controller: DesktopController = createDesktopController({ settings: store, emit, platform, schedule: () => {} })
  const window = new FakeWindow()
  const shell = installDesktopShell({
    controller,
    settings: store,
    mainWindow: () => window as never,
    existingWindow: () => window as never,
    emit,
    resourcesDir: '/res/tray',
    platform,
    windows
  })
  shell.manage(window as never)
  const engine = fakeEngine()
  controller.attachEngine(engine.engine)
  engine.ready()
  controller.flush()
  const tray = () => fake.trays[fake.trays.length - 1]!
  const live = () => fake.notifications.filter((n) => n.shown && !n.closed)
  type Item = { label?: string; type?: string; checked?: boolean; click?: () => void; accelerator?: string; submenu?: Item[] }
  const menuItem = (label: string) => (tray().menu as Item[]).find((i) => i.label === label)!
  return { controller, engine, window, shell, emitted, store, tray, live, menuItem }
}

describe('desktop shell adapters (electron mocked)', () => {
  beforeEach(() => {
    fake.trays.length = 0
    fake.notifications.length = 0
    fake.appMenu = null
    fake.badgeCount = -1
    fake.quits = 0
    fake.bounces = 0
    fake.focusedWindow = null
    fake.noTray = false
    // A fresh app per test: the quitting flag and before-quit listeners live once per process.
    fake.appHandlers.clear()
    vi.resetModules()
  })

  it('after 3 messages in one conversation exactly one notification is live, saying 3 new messages', async () => {
    const { controller, engine, live } = await setup()
    for (const text of ['hello', 'you there?', 'call me']) {
      engine.message(buddyMessage(text))
      controller.flush() // each message in its own tick: replaced each time
    }
    expect(live()).toHaveLength(1)
    expect(live()[0]).toMatchObject({ title: 'Alice', body: '3 new messages\ncall me', silent: true })
    expect(fake.notifications).toHaveLength(3)
  })

  it('clicking the notification shows and focuses the window and asks the renderer to open the conversation', async () => {
    const { controller, engine, window, emitted, live } = await setup()
    window.hide()
    window.minimized = true
    engine.message(groupMessage('picnic at noon'))
    controller.flush()
    live()[0]!.handlers.get('click')!()
    expect(window).toMatchObject({ visible: true, focused: true, minimized: false })
    expect(emitted.filter((e) => e.channel === 'conversation:focus')).toEqual([
      { channel: 'conversation:focus', payload: { kind: 'group', id: 5001, key: 'group:5001' } }
    ])
  })

  it('shows the unread count in the tray tooltip and image and in the badge, leaving muted conversations out', async () => {
    const { controller, engine, tray } = await setup()
    expect(tray()).toMatchObject({ tooltip: 'QQ Desktop (Online)\nNo unread messages', image: { path: '/res/tray/tray-light-online.png' } })
    controller.prefsChanged({ key: 'group:5001', kind: 'group', id: 5001, pinned: false, muted: true, draft: null, draftTime: null })
    engine.message(buddyMessage('a'))
    engine.message(buddyMessage('b'))
    engine.message(groupMessage('muted chatter'))
    controller.flush()
    expect(tray().tooltip).toBe('QQ Desktop (Online)\n2 unread messages')
    expect(tray().image.path).toBe('/res/tray/tray-light-online-unread.png')
    expect(fake.badgeCount).toBe(2)
    engine.unread.push({ conversationKey: 'group:5001', kind: 'group', id: 5001, count: 1 })
    controller.conversationRead()
    controller.flush()
    expect(fake.badgeCount).toBe(0)
    expect(tray().image.path).toBe('/res/tray/tray-light-online.png')
  })

  it('puts an overlay with the count on the Windows taskbar button', async () => {
    const { controller, engine, window } = await setup('win32')
    for (let i = 0; i < 4; i++) engine.message(buddyMessage(`m${i}`))
    controller.flush()
    expect(window.overlay).toMatchObject({ image: { path: '/res/tray/overlay-4.png' }, description: '4 unread messages' })
    controller.conversationRead()
    controller.flush()
    expect(window.overlay).toEqual({ image: null, description: '' })
  })

  it('uses template images in the macOS menu bar and bounces the dock', async () => {
    const { controller, engine, tray } = await setup('darwin')
    engine.message(buddyMessage('hi'))
    controller.flush()
    expect(tray().image).toMatchObject({ path: '/res/tray/tray-online-unreadTemplate.png', template: true })
    expect(fake.bounces).toBe(1)
  })

  it('flashes the taskbar button while unfocused and stops once focused', async () => {
    const { controller, engine, window } = await setup('linux')
    window.focused = false
    engine.message(buddyMessage('ping'))
    controller.flush()
    expect(window.flashing).toBe(true)
    window.focus()
    expect(window.flashing).toBe(false)
  })

  it('the tray menu changes the status and do-not-disturb live, opens the window and quits', async () => {
    const { controller, store, window, tray, menuItem } = await setup()
    expect(menuItem('Online')).toMatchObject({ type: 'radio', checked: true })
    menuItem('Busy').click!()
    controller.flush()
    expect(store.get().onlineStatus).toBe('busy')
    expect(menuItem('Busy').checked).toBe(true)
    expect(menuItem('Online').checked).toBe(false)
    expect(tray().tooltip).toBe('QQ Desktop (Busy)\nNo unread messages')
    expect(tray().image.path).toBe('/res/tray/tray-light-busy.png')
    menuItem('Do not disturb').click!()
    controller.flush()
    expect(store.get().doNotDisturb).toBe(true)
    expect(menuItem('Do not disturb').checked).toBe(true)
    window.hide()
    menuItem('Open QQ').click!()
    expect(window.visible).toBe(true)
    menuItem('Quit').click!()
    expect(fake.quits).toBe(1)
  })

  it('no notification while do-not-disturb is on', async () => {
    const { controller, engine, live } = await setup('linux', { doNotDisturb: true })
    engine.message(buddyMessage('shh'))
    controller.flush()
    expect(live()).toHaveLength(0)
  })

  it('close hides to the tray when the setting is on, closes when it is off, and a quit really closes', async () => {
    const { window, store, menuItem } = await setup()
    expect(window.tryClose()).toBe(false)
    expect(window.visible).toBe(false)
    store.update({ closeToTray: false })
    expect(window.tryClose()).toBe(true)
    store.update({ closeToTray: true })
    window.closed = false
    menuItem('Quit').click!()
    expect(window.tryClose()).toBe(true)
  })

  it('the app menu has the standard roles and sends messenger commands to the focused window', async () => {
    const { controller, window, store } = await setup('darwin')
    type Item = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: Item[] }
    const menu = fake.appMenu as Item[]
    expect(menu.map((m) => m.label)).toEqual(['QQ Desktop', 'Conversation', 'Edit', 'View', 'Window'])
    expect(menu[0]!.submenu!.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit'])
    // Our own About (licences, diagnostics) comes first in the macOS app menu, instead of the OS panel.
    expect(menu[0]!.submenu![0]!.label).toBe('About QQ Desktop')
    expect(menu[4]!.submenu!.map((i) => i.role).filter(Boolean)).toEqual(['minimize', 'zoom', 'front', 'window'])
    const items = menu.flatMap((m) => m.submenu ?? [])
    const accel = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]))
    expect(accel).toEqual({
      'Settings…': 'CmdOrCtrl+,',
      'Find in conversation': 'CmdOrCtrl+F',
      'Search all history': 'CmdOrCtrl+Shift+F',
      'Quick switcher': 'CmdOrCtrl+K',
      'Next conversation': 'Ctrl+Tab',
      'Previous conversation': 'Ctrl+Shift+Tab',
      'Close conversation': 'CmdOrCtrl+W'
    })
    fake.focusedWindow = window
    items.find((i) => i.label === 'Quick switcher')!.click!()
    items.find((i) => i.label === 'Close conversation')!.click!()
    items.find((i) => i.label === 'About QQ Desktop')!.click!()
    expect(window.sent).toEqual([
      { channel: 'menu:command', payload: { command: 'quick-switcher' } },
      { channel: 'menu:command', payload: { command: 'close-conversation' } },
      { channel: 'menu:command', payload: { command: 'about' } }
    ])
    // The menu follows the UI language.
    store.update({ locale: 'zh-CN' })
    controller.settingsChanged()
    controller.flush()
    expect((fake.appMenu as Item[]).map((m) => m.label)).toEqual(['QQ 桌面版', '会话', '编辑', '视图', '窗口'])
  })

  it('on Windows and Linux settings and quit live in the Conversation menu', async () => {
    await setup('win32')
    type Item = { label?: string; role?: string; submenu?: Item[] }
    const menu = fake.appMenu as Item[]
    expect(menu.map((m) => m.label)).toEqual(['Conversation', 'Edit', 'View', 'Window', 'Help'])
    expect(menu[4]!.submenu!.map((i) => i.label)).toEqual(['About QQ Desktop'])
    expect(menu[0]!.submenu!.filter((i) => i.label).map((i) => i.label)).toContain('Settings…')
    expect(menu[0]!.submenu!.some((i) => i.role === 'quit')).toBe(true)
    // Ctrl+W closes the conversation: no role in the menu may claim it too (Window > Close would).
    const roles = menu.flatMap((m) => m.submenu ?? []).map((i) => i.role)
    expect(roles).not.toContain('close')
    expect(roles).not.toContain('windowMenu')
  })

  it('without a tray (no status area) closing the window closes it, and the badge still counts', async () => {
    fake.noTray = true
    const { controller, engine, window, shell } = await setup()
    engine.message(buddyMessage('still counted'))
    controller.flush()
    expect(shell.tray).toBeNull()
    expect(fake.badgeCount).toBe(1)
    expect(window.tryClose()).toBe(true)
  })

  it('a click on a conversation that has its own window focuses that window (and in "own windows" mode opens one)', async () => {
    const popped = new Set(['group:5001'])
    const requests: string[] = []
    const windows = {
      has: (t: { kind: string; id: number }) => popped.has(`${t.kind}:${t.id}`),
      popOut: (t: { kind: string; id: number }) => (requests.push(`${t.kind}:${t.id}`), true)
    }
    const { controller, engine, window, emitted, live } = await setup('linux', {}, windows)
    window.hide()
    engine.message(groupMessage('in its own window'))
    controller.flush()
    live()[0]!.handlers.get('click')!()
    expect(requests).toEqual(['group:5001'])
    expect(window.visible).toBe(false)
    expect(emitted.filter((e) => e.channel === 'conversation:focus')).toEqual([])
    // Pane mode, not popped out: the main window opens it.
    engine.message(buddyMessage('in the pane'))
    controller.flush()
    live()
      .find((n) => n.title === 'Alice')!
      .handlers.get('click')!()
    expect(window.visible).toBe(true)
    expect(emitted.filter((e) => e.channel === 'conversation:focus').map((e) => e.payload)).toEqual([{ kind: 'buddy', id: 1001, key: 'buddy:1001' }])
  })

  it('in "each conversation in its own window" mode a click opens the conversation in a window of its own', async () => {
    const requests: string[] = []
    const windows = { has: () => false, popOut: (t: { kind: string; id: number }) => (requests.push(`${t.kind}:${t.id}`), true) }
    const { controller, engine, live } = await setup('linux', { windowMode: 'windows' }, windows)
    engine.message(buddyMessage('classic QQ'))
    controller.flush()
    live()[0]!.handlers.get('click')!()
    expect(requests).toEqual(['buddy:1001'])
  })

  it("registers the installer's AppUserModelID on Windows, or its toasts would not show", async () => {
    const { readFileSync } = await import('node:fs')
    const { APP_USER_MODEL_ID } = await import('../../../src/main/shell/desktop-shell')
    const appId = /^appId:\s*(\S+)$/m.exec(readFileSync('electron-builder.yml', 'utf8'))?.[1]
    expect(APP_USER_MODEL_ID).toBe(appId)
    await setup('win32')
    expect(fake.appUserModelId).toBe(appId)
  })
})
