import { describe, expect, it } from 'vitest'
import { createDesktopController, type DesktopShellPort } from '../../../src/main/desktop/desktop-controller'
import type { NotificationAction } from '../../../src/main/desktop/notification-model'
import type { BadgeView, TrayView } from '../../../src/main/desktop/tray-model'
import type { EventChannel } from '../../../src/shared/ipc'
import type { Settings, SettingsPatch } from '../../../src/shared/settings'
import { buddyMessage, groupMessage, settingsWith } from './fixtures'
import { fakeEngine } from './fake-engine'

/** A shell that keeps what is on screen: the current tray/badge and the live notifications. */
function recordingShell(focused = false) {
  const live = new Map<string, { title: string; body: string }>()
  let shown = 0
  const state = {
    tray: null as TrayView | null,
    badge: null as BadgeView | null,
    renders: 0,
    attention: 0,
    focused
  }
  const shell: DesktopShellPort = {
    render(view) {
      state.tray = view.tray
      state.badge = view.badge
      state.renders++
    },
    notify(action: NotificationAction) {
      if (action.type === 'close') live.delete(action.key)
      else {
        shown++
        live.set(action.notification.key, {
          title: action.notification.title,
          body: action.notification.body
        })
      }
    },
    requestAttention: () => void state.attention++,
    isAppFocused: () => state.focused,
    isDarkTaskbar: () => false
  }
  return { shell, live, state, shownCount: () => shown }
}

function setup(patch: Partial<Settings> = {}) {
  let settings = settingsWith(patch)
  const store = {
    get: () => settings,
    update(p: SettingsPatch) {
      settings = { ...settings, ...p }
      return settings
    }
  }
  const emitted: Array<{ channel: EventChannel; payload: unknown }> = []
  const controller = createDesktopController({
    settings: store,
    emit: (channel, payload) => void emitted.push({ channel, payload }),
    platform: 'linux',
    schedule: () => {} // the test flushes by hand, as one tick would
  })
  const engine = fakeEngine()
  const ui = recordingShell()
  controller.attachShell(ui.shell)
  controller.attachEngine(engine.engine)
  engine.ready()
  controller.flush()
  return { controller, engine, ui, emitted, store }
}

describe('desktop controller', () => {
  it('after 3 messages in one conversation, one notification says 3 new messages and the tray counts 3', () => {
    const { controller, engine, ui } = setup()
    for (const text of ['one', 'two', 'three']) engine.message(buddyMessage(text))
    controller.flush()
    expect([...ui.live]).toEqual([['buddy:1001', { title: 'Alice', body: '3 new messages\nthree' }]])
    // A burst within one tick replaces in place: the OS sees one notification, not three.
    expect(ui.shownCount()).toBe(1)
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop (Online)\n3 unread messages')
    expect(ui.state.badge?.count).toBe(3)
    expect(ui.state.attention).toBe(3)
  })

  it('a read (store counts) closes the notification and clears the badge', () => {
    const { controller, engine, ui } = setup()
    engine.message(buddyMessage('hi'))
    engine.message(groupMessage('yo'))
    controller.flush()
    engine.unread.push({ conversationKey: 'group:5001', kind: 'group', id: 5001, count: 1 })
    controller.conversationRead()
    controller.flush()
    expect([...ui.live.keys()]).toEqual(['group:5001'])
    expect(ui.state.badge).toEqual({
      count: 1,
      overlay: 'overlay-1.png',
      description: '1 unread message'
    })
  })

  it('plays the sound through the renderer only when the setting is on and nothing silences it', () => {
    const { controller, engine, emitted, store } = setup()
    engine.message(buddyMessage('ding'))
    expect(emitted.filter((e) => e.channel === 'notify:sound')).toEqual([{ channel: 'notify:sound', payload: { conversationKey: 'buddy:1001' } }])
    store.update({ notificationSound: false })
    controller.settingsChanged()
    engine.message(buddyMessage('quiet'))
    store.update({ notificationSound: true, doNotDisturb: true })
    controller.settingsChanged()
    engine.message(buddyMessage('dnd'))
    expect(emitted.filter((e) => e.channel === 'notify:sound')).toHaveLength(1)
  })

  it('mutes through prefs: no notification, not in the badge; unmuting counts it again', () => {
    const { controller, engine, ui } = setup()
    const prefs = {
      key: 'group:5001',
      kind: 'group' as const,
      id: 5001,
      pinned: false,
      muted: true,
      draft: null,
      draftTime: null
    }
    controller.syncPrefs([prefs])
    engine.message(groupMessage('chatter'))
    engine.message(groupMessage('more chatter'))
    controller.flush()
    expect(ui.live.size).toBe(0)
    expect(ui.state.badge?.count).toBe(0)
    controller.prefsChanged({ ...prefs, muted: false })
    controller.flush()
    expect(ui.state.badge?.count).toBe(2)
  })

  it('sets the status: persisted, sent to the server, shown in the tray with a check', () => {
    const { controller, engine, ui, store } = setup()
    const settings = controller.setStatus('away')
    controller.flush()
    expect(settings.onlineStatus).toBe('away')
    expect(store.get().onlineStatus).toBe('away')
    expect(engine.statuses).toEqual(['away'])
    expect(ui.state.tray?.image).toBe('tray-light-away.png')
    const checked = ui.state.tray?.menu.filter((i) => 'checked' in i && i.checked).map((i) => ('command' in i ? i.command : ''))
    expect(checked).toEqual(['status:away'])
  })

  it('signs in with the chosen status: sends it once the session is ready', () => {
    const { engine } = setup({ onlineStatus: 'invisible' })
    expect(engine.statuses).toEqual(['invisible'])
  })

  it('do not disturb from the tray: persisted, checked, and no notification while on', () => {
    const { controller, engine, ui } = setup()
    controller.setDoNotDisturb(true)
    engine.message(buddyMessage('shh'))
    controller.flush()
    expect(ui.live.size).toBe(0)
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop (Online · Do not disturb)\n1 unread message')
  })

  it('a click gives the conversation to open once; a signed-out session closes everything', () => {
    const { controller, engine, ui } = setup()
    engine.message(groupMessage('click me'))
    controller.flush()
    expect(controller.notificationClicked('group:5001')).toEqual({
      kind: 'group',
      id: 5001,
      key: 'group:5001'
    })
    expect(controller.notificationClicked('group:5001')).toBeNull()
    // The OS takes a clicked notification away itself.
    ui.live.delete('group:5001')
    engine.message(buddyMessage('bye'))
    controller.flush()
    engine.setState('signed-out')
    controller.flush()
    expect(ui.live.size).toBe(0)
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop — Signed out')
    expect(ui.state.badge?.count).toBe(0)
  })

  it('does not notify the conversation a focused window reports on screen', () => {
    const { controller, engine, ui } = setup()
    ui.state.focused = true
    controller.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: true })
    engine.message(buddyMessage('live'))
    controller.flush()
    expect(ui.live.size).toBe(0)
    expect(ui.state.attention).toBe(0)
  })

  it('follows mutes from the engine: stored prefs at sign-in, then prefs events', () => {
    let settings = settingsWith()
    const controller = createDesktopController({
      settings: {
        get: () => settings,
        update: (p: SettingsPatch) => (settings = { ...settings, ...p })
      },
      emit: () => {},
      platform: 'linux',
      schedule: () => {}
    })
    const engine = fakeEngine()
    const ui = recordingShell()
    const muted = {
      key: 'buddy:1001',
      kind: 'buddy' as const,
      id: 1001,
      pinned: false,
      muted: true,
      draft: null,
      draftTime: null
    }
    engine.prefs.push(muted)
    controller.attachShell(ui.shell)
    controller.attachEngine(engine.engine)
    engine.ready()
    engine.message(buddyMessage('muted since last time'))
    controller.flush()
    expect(ui.live.size).toBe(0)
    expect(ui.state.badge?.count).toBe(0)
    engine.prefsChanged({ ...muted, muted: false })
    engine.message(buddyMessage('unmuted now'))
    controller.flush()
    expect([...ui.live.keys()]).toEqual(['buddy:1001'])
    expect(ui.state.badge?.count).toBe(2)
    engine.prefsChanged(muted)
    controller.flush()
    expect(ui.live.size).toBe(0)
  })

  it('says in the tray tooltip while the connection is being re-established', () => {
    const { controller, engine, ui } = setup()
    engine.setState('reconnecting')
    controller.flush()
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop (Online · Reconnecting…)\nNo unread messages')
    engine.setState('online')
    controller.flush()
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop (Online)\nNo unread messages')
  })

  it('while the server cannot be reached the tray says so, shows the faded mark and keeps the unread count', () => {
    const { controller, engine, ui } = setup()
    engine.ready()
    engine.message(buddyMessage('before the outage'))
    controller.flush()
    expect(ui.state.badge?.count).toBe(1)
    engine.setState('unreachable')
    controller.flush()
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop — Can’t reach the server, retrying…')
    expect(ui.state.tray?.image).toMatch(/invisible/)
    expect(ui.state.badge?.count).toBe(1)
    engine.setState('online')
    controller.flush()
    expect(ui.state.tray?.tooltip).toBe('QQ Desktop (Online)\n1 unread message')
    expect(ui.state.tray?.image).not.toMatch(/invisible/)
  })
})
