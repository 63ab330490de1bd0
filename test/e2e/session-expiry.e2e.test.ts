/**
 * Expiry with draft, scroll and pop-out, and kick: when the server ends the session (or it is
 * signed in elsewhere) the messenger stays as it was — tab, open conversation, scroll position,
 * typed draft, pop-out window — under a sign-in sheet with the new QR, and after the scan
 * everything continues where it was, under the new session's ids. Real engine, the demo simulator,
 * the built renderer in Chromium (the main window and a pop-out page).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import type { BridgedPage } from './harness'
import type { AccountView, Simulator } from '../../src/simulator'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('expiry with draft, scroll and pop-out; kick', () => {
  let app: AppUnderTest
  let page: Page
  let popOut: BridgedPage
  let sim: Simulator
  let account: AccountView
  const DRAFT = '写到一半的话，不要丢'

  const scrollTop = () => page.getByTestId('message-list').evaluate((el) => Math.round(el.scrollTop))
  const sheet = (p: Page) => p.getByTestId('sign-in-sheet')

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account({ members: true })
  })

  afterAll(async () => {
    await app?.close()
  })

  /** Plays the phone scan on the sheet and waits for the messenger to be back. */
  async function scanOnSheet(): Promise<void> {
    await sheet(page).getByTestId('demo-scan').click({ timeout: 20_000 })
    await sheet(page).waitFor({ state: 'detached', timeout: 20_000 })
  }

  it('keeps tab, conversation, scroll, draft and the pop-out under the sheet, and continues after the scan', async () => {
    // Two groups shown under their own name (a group with a remark is listed under the remark).
    const plain = (await app.services.handlers['contacts:get']({})).groups.filter((g) => g.markname === null).map((g) => g.gid)
    const [popped, reading] = plain.slice(0, 2).map((gid) => account.groups.find((g) => g.gid === gid)!)
    if (!popped || !reading) throw new Error('the demo account needs two groups without a remark')
    const speaker = reading.members!.find((m) => m.qq !== account.self.qq)!
    // Enough history to scroll in.
    for (let i = 1; i <= 40; i++) sim.pushMessage({ kind: 'group', group: reading.number, from: speaker.qq, text: `第 ${i} 条消息` })
    // One group in its own window.
    await (await findContact(page, popped.name, 'group')).click()
    await page.getByTestId('pop-out').click()
    await expect.poll(() => app.windowRequests.find((r) => r.startsWith('open '))).toBeTruthy()
    const oldGid = Number(/group:(\d+)$/.exec(app.windowRequests.find((r) => r.startsWith('open '))!)![1])
    popOut = await app.openPage(`?conversation=group:${oldGid}`)
    await popOut.page.getByTestId('conversation-window').waitFor()
    // The other one read in the main window, scrolled up, with a draft typed.
    await (await findContact(page, reading.name, 'group')).click()
    await page.getByTestId('contact-filter').fill('')
    await page.getByTestId('tab-groups').click()
    // 40 unread: the conversation opens at the new-messages divider, above the first of them.
    await page.locator('[data-test="message"]', { hasText: '第 1 条消息' }).waitFor({ timeout: 20_000 })
    await page.getByTestId('message-list').evaluate((el) => el.scrollTo({ top: 120 }))
    // The list keeps the row being read in place while rows are measured: wait until it settles.
    let settled = -1
    await expect.poll(async () => settled === (settled = await scrollTop())).toBe(true)
    expect(settled).toBeGreaterThan(0)
    await page.getByTestId('composer').fill(DRAFT)

    sim.expireSession()
    await sheet(page).waitFor({ timeout: 20_000 })
    // What the person sees: the sheet over the messenger, saying why, with a QR to scan.
    expect(await sheet(page).getAttribute('role')).toBe('dialog')
    expect(await sheet(page).getByTestId('login-reason').textContent()).toBe('登录已过期，请重新扫码')
    await sheet(page).getByTestId('qr').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('main-view').isVisible()).toBe(true)
    expect(await page.getByTestId('conversation-title').textContent()).toBe(reading.name)
    expect(await page.getByTestId('composer').inputValue()).toBe(DRAFT)
    expect(await scrollTop()).toBe(settled)
    expect(await page.getByTestId('tab-groups').getAttribute('aria-selected')).toBe('true')
    // The pop-out window stays too, with the same sheet.
    await sheet(popOut.page).waitFor()
    expect(await popOut.page.getByTestId('conversation-title').textContent()).toBe(popped.name)
    await app.bridged.screenshot('ui-expiry-sheet-light-zh')
    await popOut.screenshot('ui-expiry-sheet-popout-light-zh')

    await scanOnSheet()
    await sheet(popOut.page).waitFor({ state: 'detached', timeout: 20_000 })
    // Everything continues where it was.
    expect(await page.getByTestId('conversation-title').textContent()).toBe(reading.name)
    expect(await page.getByTestId('composer').inputValue()).toBe(DRAFT)
    expect(await scrollTop()).toBe(settled)
    expect(await page.getByTestId('tab-groups').getAttribute('aria-selected')).toBe('true')
    expect(await popOut.page.getByTestId('conversation-title').textContent()).toBe(popped.name)
    // ... in the new session: the popped-out group has a new id, and main's window list follows it.
    const newGid = sim.account().groups.find((g) => g.number === popped.number)!.gid
    expect(newGid).not.toBe(oldGid)
    await expect.poll(async () => app.services.handlers['window:list'](undefined)).toEqual([{ kind: 'group', id: newGid }])
    // A message of the new session reaches both windows' conversations.
    sim.pushMessage({ kind: 'group', group: popped.number, from: popped.members!.find((m) => m.qq !== account.self.qq)!.qq, text: '新会话里的消息' })
    await popOut.page.locator('[data-test="message"]', { hasText: '新会话里的消息' }).waitFor({ timeout: 20_000 })
    sim.pushMessage({ kind: 'group', group: reading.number, from: speaker.qq, text: '回来了' })
    await page.getByTestId('message-list').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await page.locator('[data-test="message"]', { hasText: '回来了' }).waitFor({ timeout: 20_000 })
    // The draft is sent in the new session, exactly once.
    await page.getByTestId('composer').press('Enter')
    await expect.poll(() => sim.sent().filter((s) => s.text === DRAFT).length, { timeout: 20_000 }).toBe(1)
    expect(app.bridged.problems).toEqual([])
    expect(popOut.problems).toEqual([])
  })

  it('kick: its own sentence on the sheet (English, dark), and the scan continues the same way', async () => {
    await app.services.handlers['settings:update']({ locale: 'en', theme: 'dark' })
    await page.getByTestId('composer').fill('draft before the kick')
    sim.kick()
    await sheet(page).waitFor({ timeout: 20_000 })
    expect(await sheet(page).getAttribute('data-reason')).toBe('kicked')
    expect(await sheet(page).getByTestId('login-reason').textContent()).toBe('Your account signed in elsewhere, so this session was closed')
    await sheet(page).getByTestId('qr').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('composer').inputValue()).toBe('draft before the kick')
    await app.bridged.screenshot('ui-kick-sheet-dark-en')
    await popOut.screenshot('ui-kick-sheet-popout-dark-en')
    // The narrow window (720×480): the sheet scrolls inside itself, the scan button is reachable.
    await page.setViewportSize({ width: 720, height: 480 })
    await sheet(page).getByTestId('demo-scan').scrollIntoViewIfNeeded()
    await app.bridged.screenshot('ui-kick-sheet-narrow-dark-en')
    await scanOnSheet()
    expect(await page.getByTestId('composer').inputValue()).toBe('draft before the kick')
    expect(await page.getByTestId('main-view').isVisible()).toBe(true)
    expect(app.bridged.problems).toEqual([])
  })
})
