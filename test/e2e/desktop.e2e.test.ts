/**
 * The desktop layer end to end: the real engine and simulator, the built renderer in Chromium, and
 * a recording stand-in for the Electron adapters attached to the same DesktopController the app
 * uses. Mute (header + list icon), do not disturb, status, and what the notifications and tray ARE.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { DesktopShellPort } from '../../src/main/desktop/desktop-controller'
import type { TrayView } from '../../src/main/desktop/tray-model'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { chooseFromSelfMenu } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

/** What the OS would show: live notifications per conversation key, the tray, the badge count. */
function recordingShell() {
  const live = new Map<string, { title: string; body: string }>()
  const state = { shows: 0, tray: null as TrayView | null, badge: 0, attention: 0 }
  const port: DesktopShellPort = {
    render(view) {
      state.tray = view.tray
      state.badge = view.badge.count
    },
    notify(action) {
      if (action.type === 'close') live.delete(action.key)
      else {
        state.shows++
        live.set(action.notification.key, { title: action.notification.title, body: action.notification.body })
      }
    },
    requestAttention: () => void state.attention++,
    // The person is in another app: the chat window is not focused.
    isAppFocused: () => false,
    isDarkTaskbar: () => false
  }
  return { port, live, state }
}

describe('desktop: notifications, mute, do not disturb, status (real engine, real simulator)', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let account: AccountView
  const shell = recordingShell()
  type Buddy = AccountView['buddies'][number]
  const nameOf = (b: Buddy) => b.markname ?? b.nick
  let a: Buddy
  let b: Buddy
  let c: Buddy

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    app.services.desktop.attachShell(shell.port)
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account()
    const plain = account.buddies.filter((x) => /^[\u4e00-\u9fff]{2,4}$/.test(nameOf(x)))
    ;[a, b, c] = [plain[0]!, plain[1]!, plain[2]!]
    // Nothing else is on screen, and this window does not have the focus (the person is elsewhere).
    await page.evaluate(() => window.dispatchEvent(new Event('blur')))
  })

  afterAll(async () => {
    await app?.close()
  })

  /** A notification for this buddy's conversation, once it is live. */
  async function notificationFrom(buddy: Buddy): Promise<{ title: string; body: string }> {
    await expect.poll(() => [...shell.live.values()].find((n) => n.title === nameOf(buddy)), { timeout: 15_000 }).toBeDefined()
    return [...shell.live.values()].find((n) => n.title === nameOf(buddy))!
  }

  it('three messages from one buddy make one notification saying 3 new messages; opening the chat closes it', async () => {
    sim.pushMessage({ kind: 'buddy', from: a.qq, text: '在吗？' })
    expect(await notificationFrom(a)).toEqual({ title: nameOf(a), body: '在吗？' })
    sim.pushMessage({ kind: 'buddy', from: a.qq, text: '有件事' })
    sim.pushMessage({ kind: 'buddy', from: a.qq, text: '晚上打给你' })
    await expect
      .poll(() => [...shell.live.values()].filter((n) => n.title === nameOf(a)), { timeout: 15_000 })
      // One notification, replaced in place (the demo's own chatter could, rarely, add a message).
      .toEqual([{ title: nameOf(a), body: expect.stringMatching(/^[3-9] 条新消息\n晚上打给你$/) }])
    expect(shell.state.tray?.tooltip).toMatch(/^QQ 桌面版 \(在线\)\n\d+ 条未读消息$/)
    expect(shell.state.badge).toBeGreaterThanOrEqual(3)
    expect(shell.state.attention).toBeGreaterThanOrEqual(3)
    await (await findContact(page, nameOf(a), 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(nameOf(a))
    await expect.poll(() => [...shell.live.values()].some((n) => n.title === nameOf(a))).toBe(false)
  })

  it('mutes a conversation from its header: shown there and in the list, no notification, not counted', async () => {
    const toggle = page.getByTestId('mute-toggle')
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByTestId('mute-label').textContent()).toBe('已静音')
    const row = await findContact(page, nameOf(a), 'buddy')
    await row.getByTestId('muted-icon').waitFor()
    await app.bridged.screenshot('desktop-muted-zh-light')
    // Move to another conversation: a muted buddy's message stays silent, an unmuted one notifies.
    await (await findContact(page, nameOf(b), 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(nameOf(b))
    const shows = shell.state.shows
    sim.pushMessage({ kind: 'buddy', from: a.qq, text: '静音了也在发' })
    sim.pushMessage({ kind: 'buddy', from: c.qq, text: '你好' })
    expect(await notificationFrom(c)).toEqual({ title: nameOf(c), body: '你好' })
    expect([...shell.live.values()].some((n) => n.title === nameOf(a))).toBe(false)
    expect(shell.state.shows).toBeGreaterThan(shows)
  })

  it('do not disturb from the title bar: no notification while on, the tray says so', async () => {
    await chooseFromSelfMenu(page, 'dnd-toggle')
    await page.getByTestId('dnd-mark').waitFor()
    await expect.poll(() => shell.state.tray?.tooltip ?? '').toContain('免打扰')
    expect(shell.state.tray?.menu.find((i) => 'command' in i && i.command === 'toggle-dnd')).toMatchObject({ checked: true })
    const before = shell.live.get([...shell.live.keys()].find((k) => shell.live.get(k)!.title === nameOf(c))!)
    sim.pushMessage({ kind: 'buddy', from: c.qq, text: '打扰一下' })
    // The message arrives (c's unread count grows in the list) but the notification is unchanged.
    await page.getByTestId('contact-filter').fill(nameOf(c))
    const row = page.locator('[data-test="contact"][data-kind="buddy"]', { has: page.getByText(nameOf(c), { exact: true }) }).first()
    await expect.poll(() => row.getByTestId('unread-badge').textContent({ timeout: 15_000 })).toMatch(/^\s*[2-9]/)
    expect([...shell.live.values()].find((n) => n.title === nameOf(c))).toEqual(before)
    await app.bridged.screenshot('desktop-dnd-zh-light')
    await chooseFromSelfMenu(page, 'dnd-toggle')
    await page.getByTestId('dnd-mark').waitFor({ state: 'detached' })
  })

  it('changes our status: sent with change_status2, checked in the tray menu, shown in the title bar', async () => {
    const sent = sim.state().requests['change_status2'] ?? 0
    await chooseFromSelfMenu(page, 'status-busy')
    await expect.poll(() => sim.state().requests['change_status2'] ?? 0).toBe(sent + 1)
    await expect
      .poll(() => shell.state.tray?.menu.filter((i) => 'checked' in i && i.checked).map((i) => ('command' in i ? i.command : '')))
      .toEqual(['status:busy'])
    expect(shell.state.tray?.image).toBe('tray-light-busy-unread.png')
    await expect.poll(() => page.getByTestId('status-dot').getAttribute('data-status')).toBe('busy')
    // The tray's menu changes it too: the title bar follows live.
    app.services.desktop.setStatus('away')
    await expect.poll(() => page.getByTestId('status-dot').getAttribute('data-status')).toBe('away')
    await page.getByTestId('self-menu').click()
    await expect.poll(() => page.getByTestId('status-away').getAttribute('aria-checked')).toBe('true')
    await app.bridged.screenshot('desktop-status-zh-light')
  })

  it('looks right in the dark theme and in English, wide and narrow', async () => {
    await (await findContact(page, nameOf(a), 'buddy')).click()
    app.setSystemDark(true)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await app.bridged.screenshot('desktop-muted-zh-dark')
    await page.evaluate(() => window.api.updateSettings({ locale: 'en' }))
    await expect.poll(() => page.getByTestId('mute-label').textContent()).toBe('Muted')
    await expect.poll(() => page.getByTestId('self-menu').textContent()).toContain('Away')
    await app.bridged.screenshot('desktop-muted-en-dark')
    app.setSystemDark(false)
    await page.setViewportSize({ width: 720, height: 480 })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light')
    await app.bridged.screenshot('desktop-narrow-en-light')
    // Nothing in the title bar spills out of the window.
    const overflow = await page.evaluate(() => {
      const bar = document.querySelector('.title-bar') as HTMLElement
      return bar.scrollWidth - bar.clientWidth
    })
    expect(overflow).toBeLessThanOrEqual(0)
    expect(app.bridged.problems).toEqual([])
  })
})
