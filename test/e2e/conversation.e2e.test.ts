/**
 * The conversation view in depth, against the demo server (real engine, store and simulator; the built
 * renderer in Chromium): grouping and day separators, links opened through main, faces both ways,
 * drafts kept across switching, searching and a restart, a search jump into old history with the hit
 * highlighted and paging both ways, and the "messages may be missing here" marker after a session death.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { setLocale } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

type Buddy = AccountView['buddies'][number]
const nameOf = (b: Buddy) => b.markname ?? b.nick

describe('the conversation view (grouping, links, faces, drafts, search jump, gaps)', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let a: Buddy
  let b: Buddy

  const message = (text: string) => page.locator('[data-test="message"]', { hasText: text }).last()

  async function open(buddy: Buddy): Promise<void> {
    await page.getByTestId('contact-filter').fill('')
    await (await findContact(page, nameOf(buddy), 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(nameOf(buddy))
  }

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    const account = sim.account()
    // Two buddies whose names are unique, so the filter finds exactly them.
    const unique = account.buddies.filter((x) => account.buddies.filter((y) => nameOf(y) === nameOf(x)).length === 1)
    ;[a, b] = [unique[0]!, unique[1]!]
  })

  afterAll(async () => {
    await app?.close()
  })

  it('groups one sender’s messages under one avatar and a day separator, and opens a link through main', async () => {
    await open(a)
    for (const text of ['第一条：在吗', '第二条：看这个', '链接 https://example.com/docs?x=1 ，打开看看'])
      sim.pushMessage({ kind: 'buddy', from: a.qq, text })
    const link = message('链接').getByTestId('message-link')
    await link.waitFor({ timeout: 15_000 })
    expect(await message('第一条').getByTestId('avatar').count()).toBe(1)
    expect(await message('第二条').getByTestId('avatar').count()).toBe(0)
    expect(await message('第二条').getByTestId('message-time').count()).toBe(0)
    expect(await page.getByTestId('day-separator').first().textContent()).toContain('今天')
    expect(await link.textContent()).toBe('https://example.com/docs?x=1')
    const url = page.url()
    await link.click()
    await expect.poll(() => app.openedUrls).toEqual(['https://example.com/docs?x=1'])
    expect(page.url()).toBe(url)
    await app.bridged.screenshot('conversation-grouped-zh')
  })

  it('sends a face picked from the picker as a face segment, and shows a received face the same way', async () => {
    await page.getByTestId('composer').fill('好啊')
    await page.getByTestId('face-button').click()
    await page.getByTestId('face-picker').waitFor()
    await app.bridged.screenshot('conversation-face-picker-zh')
    await page.locator('[data-test="face-option"][data-face-id="14"]').click()
    expect(await page.getByTestId('composer').inputValue()).toBe('好啊[微笑]')
    await page.getByTestId('composer').press('Enter')
    await expect
      .poll(() => sim.sent().find((s) => s.targetRef === a.qq && s.text === '好啊[微笑]')?.segments)
      .toEqual([
        { type: 'text', text: '好啊' },
        { type: 'face', id: 14, name: '微笑' }
      ])
    expect(await message('好啊').locator('[data-test="face"][aria-label="微笑"]').count()).toBe(1)
    sim.pushMessage({
      kind: 'buddy',
      from: a.qq,
      segments: [
        { type: 'text', text: '收到' },
        { type: 'face', id: 13, name: '呲牙' }
      ]
    })
    await message('收到').locator('[data-test="face"][aria-label="呲牙"]').waitFor({ timeout: 15_000 })
    // Recently used faces come first the next time.
    await page.getByTestId('face-button').click()
    expect(await page.getByTestId('face-option').first().getAttribute('data-face-id')).toBe('14')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('face-picker').count()).toBe(0)
  })

  it('keeps a draft per conversation across switching and searching', async () => {
    await page.getByTestId('composer').fill('还没写完的草稿')
    await open(b)
    expect(await page.getByTestId('composer').inputValue()).toBe('')
    await open(a)
    expect(await page.getByTestId('composer').inputValue()).toBe('还没写完的草稿')
    await page.getByTestId('history-search').fill('第一条')
    await page.getByTestId('history-search').press('Enter')
    await page.getByTestId('search-result').first().waitFor()
    await page.getByTestId('close-search').click()
    await page.getByTestId('composer').waitFor()
    expect(await page.getByTestId('composer').inputValue()).toBe('还没写完的草稿')
  })

  it('jumps from a search hit to an old message with its context, highlighted, and pages both ways from there', async () => {
    await open(b)
    for (let i = 1; i <= 5; i++) sim.pushMessage({ kind: 'buddy', from: b.qq, text: `更早 #${i}` })
    sim.pushMessage({ kind: 'buddy', from: b.qq, text: '很久以前的暗号 needle-7 在这里' })
    for (let i = 1; i <= 45; i++) sim.pushMessage({ kind: 'buddy', from: b.qq, text: `填充 #${i}` })
    await message('填充 #45').waitFor({ timeout: 20_000 })
    await page.getByTestId('history-search').fill('needle-7')
    await page.getByTestId('history-search').press('Enter')
    const hit = page.getByTestId('search-result').first()
    await hit.waitFor()
    expect(await hit.locator('mark').textContent()).toBe('needle-7')
    await hit.click()
    const target = page.locator('[data-test="message"][data-focused="true"]')
    await target.waitFor()
    expect(await target.textContent()).toContain('很久以前的暗号')
    expect(await target.locator('mark').allTextContents()).toEqual(['needle-7'])
    // Centred in the list, with context on both sides; the newest are not loaded yet.
    const list = page.getByTestId('message-list')
    const box = (await list.boundingBox())!
    const hitBox = (await target.boundingBox())!
    expect(hitBox.y).toBeGreaterThan(box.y)
    expect(hitBox.y + hitBox.height).toBeLessThan(box.y + box.height)
    await message('填充 #1').waitFor()
    await message('更早 #5').waitFor()
    expect(await page.locator('[data-test="message"]', { hasText: '填充 #45' }).count()).toBe(0)
    await page.getByTestId('show-latest').waitFor()
    await app.bridged.screenshot('conversation-search-jump-zh')
    // Scrolling down pages newer messages in until the newest; then the "latest" button goes away.
    for (let i = 0; i < 30 && (await page.getByTestId('show-latest').count()) > 0; i++) {
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.waitForTimeout(150)
    }
    await message('填充 #45').waitFor()
    expect(await page.getByTestId('show-latest').count()).toBe(0)
  })

  it('marks where messages may be missing after the session died (admin expire-session) and a new sign-in', async () => {
    await open(a)
    sim.expireSession()
    // The messenger stays; a sign-in sheet comes over it, and goes once the new session is online.
    await page.getByTestId('sign-in-sheet').getByTestId('demo-scan').click({ timeout: 20_000 })
    await page.getByTestId('sign-in-sheet').waitFor({ state: 'detached', timeout: 20_000 })
    await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
    sim.pushMessage({ kind: 'buddy', from: a.qq, text: '断线之后的消息' })
    await open(a)
    await message('断线之后的消息').waitFor({ timeout: 15_000 })
    const marker = page.getByTestId('gap-marker')
    await marker.waitFor()
    expect(await marker.textContent()).toContain('此处可能有消息缺失')
    // The marker sits right above the first message after the gap.
    const slot = page.locator('.slot', { has: page.getByTestId('gap-marker') })
    expect(await slot.getByTestId('message-text').textContent()).toContain('断线之后的消息')
    await app.bridged.screenshot('conversation-gap-zh')
  })

  it('reads well in the dark theme, in English and in a narrow window', async () => {
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'))
    await app.bridged.screenshot('conversation-gap-zh-dark')
    await setLocale(page, 'en')
    await expect.poll(() => page.getByTestId('gap-marker').textContent()).toContain('Messages may be missing here')
    // The narrowest main window there is (its minimum width): lines wrap, the newest message stays in view.
    await page.setViewportSize({ width: 720, height: 480 })
    const newestWhole = () =>
      page.evaluate(() => {
        const list = document.querySelector('[data-test="message-list"]')!.getBoundingClientRect()
        const texts = [...document.querySelectorAll('[data-test="message-text"]')].filter((e) => e.textContent?.includes('断线之后的消息'))
        const r = texts[0]?.getBoundingClientRect()
        return !!r && r.top >= list.top && r.bottom <= list.bottom
      })
    await expect.poll(newestWhole).toBe(true)
    await app.bridged.screenshot('conversation-en-dark-narrow')
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'))
    await page.setViewportSize({ width: 1080, height: 720 })
    await page.getByTestId('face-button').click()
    await app.bridged.screenshot('conversation-face-picker-en')
    await page.keyboard.press('Escape')
    await setLocale(page, 'zh-CN')
    expect(app.bridged.problems).toEqual([])
  })

  it('keeps a draft across a restart', async () => {
    await open(b)
    await page.getByTestId('composer').fill('重启以后还在的草稿')
    // Drafts are saved after a short pause in typing.
    await page.waitForTimeout(1200)
    const profile = app.profile
    await app.close()
    // Not remembered this time, so the login card offers the demo again.
    rmSync(join(profile, 'sessions'), { recursive: true, force: true })
    app = await startAppUnderTest({ profile })
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    await open(b)
    await expect.poll(() => page.getByTestId('composer').inputValue()).toBe('重启以后还在的草稿')
    await app.bridged.screenshot('conversation-draft-after-restart-zh')
  })
})
