import { describe, expect, it } from 'vitest'
import { DesktopModel, MAX_VIEWS, type DesktopSettings } from '../../../src/main/desktop/desktop-model'
import type { NotificationAction } from '../../../src/main/desktop/notification-model'
import { buddyMessage, groupMessage, settingsWith } from './fixtures'

function model(patch: Partial<DesktopSettings> = {}): DesktopModel {
  const m = new DesktopModel(settingsWith(patch))
  m.setSignedIn(true)
  return m
}

function shown(actions: NotificationAction[]): { title: string; body: string } | null {
  const show = actions.find((a) => a.type === 'show')
  return show?.type === 'show' ? { title: show.notification.title, body: show.notification.body } : null
}

describe('desktop model: notifications', () => {
  it('shows one notification per conversation, replaced with the count as more arrive', () => {
    const m = model()
    expect(shown(m.onMessage(buddyMessage('hi there'), false).actions)).toEqual({
      title: 'Alice',
      body: 'hi there'
    })
    expect(shown(m.onMessage(buddyMessage('are you around?'), false).actions)).toEqual({
      title: 'Alice',
      body: '2 new messages\nare you around?'
    })
    const third = m.onMessage(buddyMessage('ping'), false).actions
    expect(third).toHaveLength(1)
    expect(third[0]).toMatchObject({
      type: 'show',
      notification: { key: 'buddy:1001', kind: 'buddy', id: 1001, body: '3 new messages\nping' }
    })
    expect(m.liveNotifications()).toEqual(['buddy:1001'])
  })

  it('titles group notifications with the group and names the sender in the body', () => {
    const m = model()
    expect(shown(m.onMessage(groupMessage('lunch?', { from: 'Carol' }), false).actions)).toEqual({
      title: 'Weekend hikers',
      body: 'Carol: lunch?'
    })
  })

  it('hides the text when previews are off (privacy) but still counts', () => {
    const m = model({ notificationPreview: false })
    expect(shown(m.onMessage(buddyMessage('my PIN is 1234'), false).actions)).toEqual({
      title: 'Alice',
      body: '1 new message'
    })
    expect(shown(m.onMessage(buddyMessage('secret'), false).actions)?.body).toBe('2 new messages')
  })

  it('says it in Chinese when the UI is Chinese', () => {
    const m = model({ locale: 'zh-CN', notificationPreview: false })
    m.onMessage(buddyMessage('a'), false)
    expect(shown(m.onMessage(buddyMessage('b'), false).actions)?.body).toBe('2 条新消息')
  })

  it('shows nothing while do-not-disturb is on, and no flash or sound either', () => {
    const m = model({ doNotDisturb: true })
    const outcome = m.onMessage(buddyMessage('hello'), false)
    expect(outcome).toEqual({ actions: [], flash: false, sound: false })
    expect(m.totalUnread()).toBe(1)
  })

  it('shows nothing for a muted conversation and leaves it out of the count', () => {
    const m = model()
    m.setMuted('group:5001', true)
    expect(m.onMessage(groupMessage('noise'), false)).toEqual({
      actions: [],
      flash: false,
      sound: false
    })
    m.onMessage(buddyMessage('hi'), false)
    expect(m.unreadOf('group:5001')).toBe(1)
    expect(m.totalUnread()).toBe(1)
    expect(m.badge().count).toBe(1)
  })

  it('muting a conversation closes its notification', () => {
    const m = model()
    m.onMessage(buddyMessage('hi'), false)
    expect(m.setMuted('buddy:1001', true)).toEqual([{ type: 'close', key: 'buddy:1001' }])
    expect(m.liveNotifications()).toEqual([])
  })

  it('suppresses notifications for the conversation on screen in a focused window only', () => {
    const m = model()
    m.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: true })
    expect(m.onMessage(buddyMessage('seen live'), true)).toEqual({
      actions: [],
      flash: false,
      sound: false
    })
    expect(m.totalUnread()).toBe(0)
    // Another conversation still notifies, and a sound plays.
    const other = m.onMessage(buddyMessage('elsewhere', { uin: 1002, from: 'Dan' }), true)
    expect(shown(other.actions)?.title).toBe('Dan')
    expect(other.sound).toBe(true)
    expect(other.flash).toBe(false)
    // The window loses focus: the same conversation notifies again and the taskbar flashes.
    m.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: false })
    const away = m.onMessage(buddyMessage('still there?'), false)
    expect(shown(away.actions)?.body).toBe('2 new messages\nstill there?')
    expect(away.flash).toBe(true)
  })

  it('a second (pop-out) window showing the conversation with focus suppresses it too', () => {
    const m = model()
    m.reportView({ view: 'main', conversation: null, focused: false })
    m.reportView({ view: 'popout-1', conversation: { kind: 'group', id: 5001, key: 'group:5001' }, focused: true })
    expect(m.onMessage(groupMessage('x'), true).actions).toEqual([])
    m.removeView('popout-1')
    expect(m.onMessage(groupMessage('y'), false).actions).toHaveLength(1)
  })

  it("recognises the conversation on screen by this session's kind and id when the window has no stable key", () => {
    const m = model()
    m.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001-not-yet-known' }, focused: true })
    expect(m.onMessage(buddyMessage('seen'), true).actions).toEqual([])
  })

  it('a window gaining the focus means the others lost it (a closed pop-out never reports its blur)', () => {
    const m = model()
    m.reportView({ view: 'popout-1', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: true })
    m.reportView({ view: 'main', conversation: null, focused: true })
    expect(m.onMessage(buddyMessage('not on screen any more'), true).actions).toHaveLength(1)
  })

  it('keeps view entries bounded and drops those of pages that left (hostile 10)', () => {
    const m = model()
    // 200,000 reports from made-up pages: the map stays at its bound.
    for (let i = 0; i < 200_000; i++)
      m.reportView({ view: `v${i}`, conversation: { kind: 'buddy', id: 1 + (i % 50), key: `b${i % 50}` }, focused: false })
    expect(m.viewCount).toBe(MAX_VIEWS)
    // A page that left (shows nothing, no focus) has no entry any more; a removed pop-out neither.
    m.reportView({ view: 'v199999', conversation: null, focused: false })
    expect(m.viewCount).toBe(MAX_VIEWS - 1)
    m.removeView('v199998')
    expect(m.viewCount).toBe(MAX_VIEWS - 2)
    // The newest focused view survives later floods of others.
    m.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: true })
    for (let i = 0; i < MAX_VIEWS - 3; i++) m.reportView({ view: `w${i}`, conversation: { kind: 'buddy', id: 2, key: 'b2' }, focused: false })
    expect(m.onMessage(buddyMessage('on screen'), true).actions).toEqual([])
  })

  it('bringing the conversation on screen or reading it closes the notification', () => {
    const m = model()
    m.onMessage(buddyMessage('a'), false)
    m.onMessage(groupMessage('b'), false)
    expect(m.reportView({ view: 'main', conversation: { kind: 'buddy', id: 1001, key: 'buddy:1001' }, focused: true })).toEqual([
      { type: 'close', key: 'buddy:1001' }
    ])
    expect(m.syncUnread([{ conversationKey: 'buddy:1001', count: 0 }])).toEqual([{ type: 'close', key: 'group:5001' }])
    expect(m.liveNotifications()).toEqual([])
    expect(m.totalUnread()).toBe(0)
  })

  it('never notifies our own messages from another device', () => {
    const m = model()
    expect(m.onMessage(buddyMessage('sent from phone', { self: true }), false)).toEqual({
      actions: [],
      flash: false,
      sound: false
    })
    expect(m.totalUnread()).toBe(0)
  })

  it('notifications off: no popup, but the sound setting still applies', () => {
    const m = model({ notifications: false })
    const outcome = m.onMessage(buddyMessage('hi'), false)
    expect(outcome.actions).toEqual([])
    expect(outcome.sound).toBe(true)
    const silent = model({ notifications: false, notificationSound: false }).onMessage(buddyMessage('hi'), false)
    expect(silent.sound).toBe(false)
  })

  it('signing out clears the counts and closes every notification', () => {
    const m = model()
    m.onMessage(buddyMessage('a'), false)
    m.onMessage(groupMessage('b'), false)
    expect(m.setSignedIn(false)).toEqual([
      { type: 'close', key: 'buddy:1001' },
      { type: 'close', key: 'group:5001' }
    ])
    expect(m.totalUnread()).toBe(0)
    expect(m.tray('linux', false).tooltip).toBe('QQ Desktop — Signed out')
  })

  it('shortens long texts and names faces and pictures', () => {
    const m = model()
    const long = buddyMessage('x'.repeat(500))
    expect(shown(m.onMessage(long, false).actions)?.body).toHaveLength(140)
    const mixed = { ...buddyMessage(''), conversationKey: 'buddy:9', conversationId: 9 }
    mixed.segments = [{ type: 'text', text: 'look\n\n' }, { type: 'face', id: 14, name: '微笑' }, { type: 'image' }]
    expect(shown(m.onMessage(mixed, false).actions)?.body).toBe('look [微笑][Picture]')
  })
})

describe('desktop model: tray and badge', () => {
  it('counts unread in the tooltip, the image and the badge after a sequence of events', () => {
    const m = model()
    expect(m.tray('linux', false)).toMatchObject({
      tooltip: 'QQ Desktop (Online)\nNo unread messages',
      image: 'tray-light-online.png'
    })
    m.syncUnread([{ conversationKey: 'group:5001', count: 4 }])
    m.onMessage(buddyMessage('a'), false)
    m.onMessage(buddyMessage('b'), false)
    expect(m.tray('linux', false).tooltip).toBe('QQ Desktop (Online)\n6 unread messages')
    expect(m.tray('win32', true).image).toBe('tray-dark-online-unread.png')
    expect(m.tray('darwin', false)).toMatchObject({
      image: 'tray-online-unreadTemplate.png',
      template: true
    })
    expect(m.badge()).toEqual({
      count: 6,
      overlay: 'overlay-6.png',
      description: '6 unread messages'
    })
    m.syncUnread([{ conversationKey: 'group:5001', count: 12 }])
    expect(m.badge()).toMatchObject({ count: 12, overlay: 'overlay-9plus.png' })
    m.syncUnread([])
    expect(m.badge()).toEqual({ count: 0, overlay: null, description: '' })
  })

  it('shows the status and do-not-disturb live, with a check in the menu', () => {
    const m = model({ onlineStatus: 'busy', doNotDisturb: true })
    const tray = m.tray('linux', false)
    expect(tray.tooltip).toBe('QQ Desktop (Busy · Do not disturb)\nNo unread messages')
    expect(tray.image).toBe('tray-light-busy.png')
    const checked = tray.menu.filter((i) => 'checked' in i && i.checked).map((i) => ('command' in i ? i.command : ''))
    expect(checked).toEqual(['status:busy', 'toggle-dnd'])
    m.setSettings({ ...settingsWith(), onlineStatus: 'invisible' })
    const next = m.tray('linux', false)
    expect(next.image).toBe('tray-light-invisible.png')
    expect(next.menu.filter((i) => 'checked' in i && i.checked).map((i) => ('command' in i ? i.command : ''))).toEqual(['status:invisible'])
  })

  it('offers open, the four statuses, do not disturb and quit (statuses only when signed in)', () => {
    const m = model({ locale: 'zh-CN' })
    const labels = m.tray('linux', false).menu.map((i) => ('label' in i ? i.label : '—'))
    expect(labels).toEqual(['打开 QQ', '—', '在线', '离开', '忙碌', '隐身', '—', '免打扰', '—', '退出'])
    m.setSignedIn(false)
    expect(m.tray('linux', false).menu.map((i) => ('label' in i ? i.label : '—'))).toEqual(['打开 QQ', '—', '免打扰', '—', '退出'])
  })
})
