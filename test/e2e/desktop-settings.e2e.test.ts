/**
 * The desktop half in Chromium over the test bridge: themes (light, dark, following the simulated
 * OS), the settings view and its effects, a conversation popped out into its own window, the quick
 * switcher and the narrow 720×480 layout. Screenshots go to test-results/e2e/ui-*.png.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { openSettings, pickOption } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme'])

describe('desktop: themes, settings, windows, shortcuts, layout', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let account: AccountView

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
  })

  afterAll(async () => {
    await app?.close()
  })

  it('shows the login in the light theme and follows the OS into the dark one', async () => {
    await page.getByTestId('start-demo').waitFor()
    expect(await theme(page)).toBe('light')
    await app.bridged.screenshot('ui-login-light-zh')
    app.setSystemDark(true)
    await expect.poll(() => theme(page)).toBe('dark')
    await app.bridged.screenshot('ui-login-dark-zh')
    app.setSystemDark(false)
    await expect.poll(() => theme(page)).toBe('light')
  })

  it('signs in and shows contacts and a group conversation in both themes', async () => {
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account({ members: true })
    await page.getByTestId('contact').first().waitFor()
    await app.bridged.screenshot('ui-contacts-light-zh')
    const group = account.groups[0]!
    await (await findContact(page, group.name, 'group')).click()
    await page.getByTestId('conversation-title').waitFor()
    await page.getByTestId('contact-filter').fill('')
    await app.bridged.screenshot('ui-group-light-zh')

    await openSettings(page)
    await page.getByTestId('theme-dark').click()
    await expect.poll(() => theme(page)).toBe('dark')
    await app.bridged.screenshot('ui-settings-dark-zh')
    await page.getByTestId('settings-close').click()
    // The whole page is repainted from the dark palette (body background from --bg-sunken).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 26, 31)')
    await app.bridged.screenshot('ui-group-dark-zh')
    // Ctrl+W closes the conversation: the contacts beside the empty pane.
    await page.keyboard.press('Control+w')
    await page.getByTestId('pick').waitFor()
    await app.bridged.screenshot('ui-contacts-dark-zh')
    // A fixed theme ignores the OS.
    app.setSystemDark(false)
    await page.waitForTimeout(100)
    expect(await theme(page)).toBe('dark')
  })

  it('changes the language and the send key from the settings view, with their effects', async () => {
    await page.keyboard.press('Control+Comma')
    await page.getByTestId('settings-view').waitFor()
    await pickOption(page, 'settings-locale', 'en')
    await expect.poll(() => page.getByTestId('settings-view').locator('h2').textContent()).toBe('Settings')
    await app.bridged.screenshot('ui-settings-dark-en')
    await page.getByTestId('send-key-ctrl-enter').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('settings-view').count()).toBe(0)
    expect(await page.getByTestId('tab-buddies').textContent()).toContain('Friends')

    const buddy = account.buddies[0]!
    await (await findContact(page, buddy.markname ?? buddy.nick, 'buddy')).click()
    const composer = page.getByTestId('composer')
    await composer.fill('first line')
    await composer.press('Enter')
    await composer.pressSequentially('second line')
    // Enter made a new line instead of sending.
    expect(await composer.inputValue()).toBe('first line\nsecond line')
    await composer.press('Control+Enter')
    await expect.poll(() => composer.inputValue()).toBe('')
    await page.locator('[data-test="message"]', { hasText: 'second line' }).waitFor()
    await expect.poll(() => sim.sent().some((s) => s.text === 'first line\nsecond line')).toBe(true)
    // Back to the default for the rest of the run.
    await openSettings(page)
    await page.getByTestId('send-key-enter').click()
    await page.getByTestId('settings-close').click()
  })

  it('pops a group conversation out: the request reaches main, and its page shows only that conversation', async () => {
    const group = account.groups[0]!
    await (await findContact(page, group.name, 'group')).click()
    await page.getByTestId('pop-out').click()
    await expect.poll(() => app.windowRequests.length).toBeGreaterThan(0)
    const request = app.windowRequests[0]!
    const match = /^open conversation:group:(\d+)$/.exec(request)
    expect(match, request).not.toBeNull()
    const gid = Number(match![1])
    // Asking again focuses the existing window instead of opening a second one.
    await page.getByTestId('pop-out').click()
    await expect.poll(() => app.windowRequests).toEqual([request, `focus conversation:group:${gid}`])

    const popOut = await app.openPage(`?conversation=group:${gid}`)
    const other = popOut.page
    await other.getByTestId('conversation-window').waitFor()
    expect(await other.getByTestId('conversation-title').textContent()).toBe(group.name)
    await expect.poll(() => other.title()).toBe(`${group.name} - QQ`)
    expect(await other.getByTestId('contact').count()).toBe(0)
    expect(await other.getByTestId('dock').count()).toBe(1)
    // A new message reaches both windows (main pushes to every page).
    const speaker = group.members!.find((m) => m.qq !== account.self.qq)!
    sim.pushMessage({ kind: 'group', group: group.number, from: speaker.qq, text: '两个窗口都能看到' })
    await other.locator('[data-test="message"]', { hasText: '两个窗口都能看到' }).waitFor({ timeout: 15_000 })
    await page.locator('[data-test="message"]', { hasText: '两个窗口都能看到' }).waitFor({ timeout: 15_000 })
    // A message sent from the pop-out shows up in the main window too, with its delivery state.
    await other.getByTestId('composer').fill('从弹出窗口发送')
    await other.getByTestId('composer').press('Enter')
    await other.locator('[data-test="message"]', { hasText: '从弹出窗口发送' }).waitFor()
    await page.locator('[data-test="message"]', { hasText: '从弹出窗口发送' }).waitFor()
    await popOut.screenshot('ui-popout-dark-en')
    await other.getByTestId('dock').click()
    await expect.poll(() => app.windowRequests.slice(-2)).toEqual([`close conversation:group:${gid}`, `main shows group:${gid}`])
    expect(popOut.problems).toEqual([])
  })

  it('jumps to a conversation with the quick switcher (pinyin, arrows, Enter)', async () => {
    // A friend with an all-Chinese name (as the contact filter test uses): its pinyin initials find it.
    const buddy = account.buddies.find((b) => /^[\u4e00-\u9fff]{2,}$/.test(b.markname ?? b.nick))!
    const name = buddy.markname ?? buddy.nick
    const { pinyin } = await import('pinyin-pro')
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('')
    await page.keyboard.press('Control+k')
    const input = page.getByTestId('quick-switcher-input')
    await input.waitFor()
    await input.fill(initials)
    await expect
      .poll(() => page.getByTestId('quick-switcher-item').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(name)]))
    await app.bridged.screenshot('ui-quick-switcher-dark-en')
    const names = await page.getByTestId('quick-switcher-item').allTextContents()
    const index = names.findIndex((n) => n.includes(name))
    for (let i = 0; i < index; i++) await input.press('ArrowDown')
    await input.press('Enter')
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(name)
    expect(await page.getByTestId('quick-switcher').count()).toBe(0)
    // Back to a group for the layout checks (members toggle).
    await page.keyboard.press('Control+k')
    await page.getByTestId('quick-switcher-input').fill(account.groups[0]!.name)
    await page.getByTestId('quick-switcher-input').press('Enter')
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(account.groups[0]!.name)
  })

  it('fits 720×480 and 1280×800 in both themes without clipping', async () => {
    const inside = async () => {
      const viewport = page.viewportSize()!
      const boxes = await Promise.all(
        ['send', 'composer', 'conversation-title', 'contact-filter', 'pop-out', 'self-menu'].map(async (id) => [
          id,
          await page.getByTestId(id).first().boundingBox()
        ])
      )
      // Nothing may make the page scroll sideways either.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
      return [
        ...(overflow ? ['page overflows sideways'] : []),
        ...boxes.filter(([, b]) => !b || (b as { width: number }).width < 8).map(([id]) => `${id} squeezed`),
        ...boxes
          .filter(
            ([, b]) =>
              !b ||
              (b as { x: number }).x < 0 ||
              (b as { x: number; width: number }).x + (b as { width: number }).width > viewport.width + 0.5 ||
              (b as { y: number; height: number }).y + (b as { height: number }).height > viewport.height + 0.5
          )
          .map(([id]) => id)
      ]
    }
    await page.setViewportSize({ width: 720, height: 480 })
    await expect.poll(inside).toEqual([])
    const sidebar = await page.getByTestId('contact-filter').boundingBox()
    expect(sidebar!.x + sidebar!.width).toBeLessThanOrEqual(720 - 360)
    await app.bridged.screenshot('ui-narrow-720-dark-en')
    await page.getByTestId('members-toggle').click()
    await page.getByTestId('members-panel').waitFor()
    await app.bridged.screenshot('ui-narrow-720-members-dark-en')
    await page.getByTestId('members-toggle').click()
    await openSettings(page)
    // The settings dialog fits the small window; its last option is reachable by scrolling.
    const dialog = (await page.getByTestId('settings-view').boundingBox())!
    expect(dialog.y).toBeGreaterThanOrEqual(0)
    expect(dialog.y + dialog.height).toBeLessThanOrEqual(480)
    await app.bridged.screenshot('ui-narrow-720-settings-dark-en')
    await page.getByTestId('settings-remember').scrollIntoViewIfNeeded()
    const remember = (await page.getByTestId('settings-remember').boundingBox())!
    expect(remember.y + remember.height).toBeLessThanOrEqual(dialog.y + dialog.height)
    await page.getByTestId('theme-light').click()
    await page.getByTestId('settings-close').click()
    await expect.poll(inside).toEqual([])
    await app.bridged.screenshot('ui-narrow-720-light-en')

    // Dragging the sidebar edge resizes it, and the width is remembered in the settings.
    await page.setViewportSize({ width: 1280, height: 800 })
    const handle = (await page.getByTestId('sidebar-resizer').boundingBox())!
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 200)
    await page.mouse.down()
    await page.mouse.move(handle.x + 80, handle.y + 220, { steps: 5 })
    await page.mouse.up()
    await expect.poll(() => app.services.handlers['settings:get'](undefined)).toMatchObject({ sidebarWidth: expect.any(Number) })
    const saved = (await app.services.handlers['settings:get'](undefined)).sidebarWidth
    expect(saved).toBeGreaterThan(340)
    expect(saved).toBeLessThanOrEqual(480)
    await expect.poll(inside).toEqual([])
    await app.bridged.screenshot('ui-wide-1280-light-en')
    expect(app.bridged.problems).toEqual([])
  })
})
