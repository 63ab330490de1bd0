/**
 * Fonts, the face picker's search and the buddy profile card, against the demo server (real engine, store
 * and simulator; the built renderer in Chromium): senders' colours shown legibly in both themes, my font
 * chosen in the composer and sent in the font element (as the simulator recorded it), the face search by
 * pinyin and English with the keyboard, the QQ number look-up, one avatar tone per person, and the
 * unread count in the window title.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { contrastRatio, parseColor } from '../../src/renderer/src/lib/message-font'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

type Group = AccountView['groups'][number]
type Buddy = AccountView['buddies'][number]

/** Fonts people really chose, two of them unreadable as sent on one of the themes. */
const FONTS = {
  yellow: { name: 'Arial', size: 9, style: [0, 0, 0], color: 'FFCC00' },
  navy: { name: '宋体', size: 14, style: [0, 0, 1], color: '003366' },
  red: { name: '微软雅黑', size: 10, style: [1, 0, 0], color: 'FF0000' },
  kai: { name: '楷体', size: 13, style: [0, 1, 0], color: '0066CC' }
}

/** axe-core's critical and serious violations inside `selector` (page.evaluate runs outside the page's CSP). */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source)
  return page.evaluate(async (sel) => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: string[] }> }
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: Violation[] }> } }).axe
    const { violations } = await axe.run({ include: [[sel]] })
    return violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, selector)
}

async function contrastOf(bubble: Locator): Promise<number> {
  const { fg, bg } = await bubble.evaluate((el) => {
    const s = getComputedStyle(el)
    return { fg: s.color, bg: s.backgroundColor }
  })
  return contrastRatio(parseColor(fg)!, parseColor(bg)!)
}

describe('fonts, face search and the profile card', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let group: Group
  let buddy: Buddy
  const groupName = () => group.name.replace(/\u00a0/g, ' ')
  const buddyName = () => (buddy.markname ?? buddy.nick).replace(/\u00a0/g, ' ')
  const bubble = (text: string) => page.locator('[data-test="message"]', { hasText: text }).last().getByTestId('message-text')

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    const account = sim.account({ members: true })
    const plain = (s: string) => /^[\p{L}\p{N} ]+$/u.test(s)
    group = account.groups.find((g) => plain(g.name) && account.groups.filter((x) => x.name === g.name).length === 1)!
    buddy = account.buddies.find(
      (b) => plain(b.markname ?? b.nick) && account.buddies.filter((x) => (x.markname ?? x.nick) === (b.markname ?? b.nick)).length === 1
    )!
  })

  afterAll(async () => {
    await app?.close()
  })

  it('shows senders in their colours, kept legible on the light bubble (colours only by default)', async () => {
    await (await findContact(page, groupName(), 'group')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(groupName())
    const members = group.members!.filter((m) => m.qq !== sim.account().self.qq)
    const lines: Array<[keyof typeof FONTS, string]> = [
      ['yellow', '黄色的字在白底上几乎看不见'],
      ['navy', '深蓝色在深色主题里也要看得清'],
      ['red', '红色加粗，周末一起去爬山吗？'],
      ['kai', '楷体斜体：好啊，我带相机']
    ]
    lines.forEach(([font, text], i) =>
      sim.pushMessage({ kind: 'group', group: group.number, from: members[i % members.length]!.qq, text, font: FONTS[font] })
    )
    await bubble(lines[3]![1]).waitFor({ timeout: 15_000 })
    for (const [, text] of lines) expect(await contrastOf(bubble(text))).toBeGreaterThanOrEqual(4.5)
    // Colours only: no style from the sender.
    expect(await bubble(lines[2]![1]).evaluate((el) => getComputedStyle(el).fontWeight)).toBe('400')
    await app.bridged.screenshot('fonts-group-light-zh')
  })

  it('sends my font, chosen in the composer, in the font element of send_qun_msg2', async () => {
    await page.getByTestId('font-button').click()
    const panel = page.getByTestId('font-panel')
    await panel.waitFor()
    await panel.getByTestId('font-bold').click()
    await panel.getByTestId('font-color-c0392b').click()
    await panel.getByTestId('font-family-楷体').click()
    await panel.getByTestId('font-larger').click()
    await expect.poll(() => panel.getByTestId('font-size').textContent()).toBe('11 号')
    await app.bridged.screenshot('fonts-panel-light-zh')
    expect(await axeProblems(page, '[data-test="font-panel"]')).toEqual([])
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('font-panel').count()).toBe(0)
    await page.getByTestId('composer').fill('用我的字体发一条')
    await page.getByTestId('composer').press('Enter')
    await expect
      .poll(() => sim.sent().find((s) => s.text === '用我的字体发一条')?.font)
      .toEqual({ name: '楷体', size: 11, style: [1, 0, 0], color: 'c0392b' })
    expect(sim.sent().find((s) => s.text === '用我的字体发一条')?.endpoint).toBe('send_qun_msg2')
    // My own bubble shows my colour too (red, darkened just enough for my light bubble), from the moment it is sent.
    await bubble('用我的字体发一条').waitFor()
    const [r, g, b] = parseColor(await bubble('用我的字体发一条').evaluate((el) => getComputedStyle(el).color))!
    expect(r).toBeGreaterThan(150)
    expect(Math.max(g, b)).toBeLessThan(70)
    expect(await contrastOf(bubble('用我的字体发一条'))).toBeGreaterThanOrEqual(4.5)
    await app.bridged.screenshot('fonts-sent-light-zh')
  })

  it('shows style and size in full mode, and stays legible in the dark theme and in English', async () => {
    await page.evaluate(() => window.api.updateSettings({ peerFonts: 'full', theme: 'dark', locale: 'en' }))
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    await expect.poll(() => bubble('楷体斜体').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic')
    expect(await bubble('红色加粗').evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600)
    const sizes = await Promise.all(['黄色的字', '深蓝色'].map((t) => bubble(t).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))))
    const base = await page.locator('body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    for (const px of sizes) {
      expect(px).toBeGreaterThanOrEqual(base * 0.9 - 0.5)
      expect(px).toBeLessThanOrEqual(base * 1.2 + 0.5)
    }
    for (const text of ['黄色的字', '深蓝色', '红色加粗', '楷体斜体', '用我的字体发一条'])
      expect(await contrastOf(bubble(text))).toBeGreaterThanOrEqual(4.5)
    await app.bridged.screenshot('fonts-group-full-dark-en')
    // The setting, where a person finds it.
    await page.keyboard.press('Control+Comma')
    await page.getByTestId('settings-view').waitFor()
    expect(await page.getByTestId('peer-fonts-full').getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('peer-fonts-full').scrollIntoViewIfNeeded()
    await app.bridged.screenshot('fonts-setting-dark-en')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('settings-view').count()).toBe(0)
  })

  it('finds a face by pinyin or English and picks it with the keyboard', async () => {
    await page.getByTestId('face-button').click()
    const search = page.getByTestId('face-search')
    await search.waitFor()
    await search.fill('smile')
    await expect.poll(() => page.getByTestId('face-option').first().getAttribute('data-face-id')).toBe('14')
    await app.bridged.screenshot('faces-search-dark-en')
    expect(await axeProblems(page, '[data-test="face-picker"]')).toEqual([])
    await search.fill('pijiu')
    await expect.poll(() => page.getByTestId('face-option').first().getAttribute('data-face-id')).toBe('113')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('composer').inputValue()).toBe('[啤酒]')
    // Back in: arrows move through the grid, Escape clears the search and then closes.
    await page.getByTestId('face-button').click()
    await search.press('ArrowDown')
    const active = await search.getAttribute('aria-activedescendant')
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true')
    await search.fill('wx')
    await search.press('Escape')
    expect(await search.inputValue()).toBe('')
    await search.press('Escape')
    await expect.poll(() => page.getByTestId('face-picker').count()).toBe(0)
    await page.getByTestId('composer').fill('')
  })

  it('shows the QQ number look-up, the signature and one avatar tone for the buddy; the title counts unread', async () => {
    await page.evaluate(() => window.api.updateSettings({ theme: 'light', locale: 'zh-CN' }))
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '在吗？看看我的资料卡' })
    await expect.poll(() => page.title()).toMatch(/^QQ \(\d+\)$/)
    const row = await findContact(page, buddyName(), 'buddy')
    const listTone = await row.locator('.contact-avatar').evaluate((el) => getComputedStyle(el).backgroundColor)
    await row.click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(buddyName())
    const messageTone = await page
      .locator('[data-test="message"]', { hasText: '看看我的资料卡' })
      .getByTestId('avatar')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    await page.getByTestId('profile-open').click()
    const card = page.getByTestId('profile-card')
    await card.getByTestId('profile-qq').waitFor()
    const cardTone = await card.getByTestId('profile-avatar').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect([messageTone, cardTone]).toEqual([listTone, listTone])
    expect(await card.getByTestId('profile-qq').getAttribute('data-state')).toBe('idle')
    await card.getByTestId('profile-qq-lookup').click()
    // The demo server is of 2018: get_friend_uin2 was closed, and the card says so.
    await expect.poll(() => card.getByTestId('profile-qq').textContent()).toBe('无法获取：服务器已不再提供 QQ 号')
    await app.bridged.screenshot('profile-buddy-qq-light-zh')
    expect(await axeProblems(page, '[data-test="profile-card"]')).toEqual([])
    // The answer took the place of the button and the focus with it: Escape still closes the card.
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('profile-card').count()).toBe(0)
    await page.setViewportSize({ width: 720, height: 480 })
    await page.getByTestId('font-button').click()
    await page.getByTestId('font-panel').waitFor()
    await app.bridged.screenshot('fonts-panel-narrow-light-zh')
    await page.keyboard.press('Escape')
    await page.setViewportSize({ width: 1280, height: 800 })
    // The same card in the dark theme and in English: the look-up's answer is kept for the session.
    await page.evaluate(() => window.api.updateSettings({ theme: 'dark', locale: 'en' }))
    await page.getByTestId('profile-open').click()
    await expect
      .poll(() => page.getByTestId('profile-card').getByTestId('profile-qq').textContent())
      .toBe('Not available: the server no longer gives QQ numbers out')
    await app.bridged.screenshot('profile-buddy-qq-dark-en')
    expect(await axeProblems(page, '[data-test="profile-card"]')).toEqual([])
    await page.keyboard.press('Escape')
    expect(app.bridged.problems).toEqual([])
  })
})
