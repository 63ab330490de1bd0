/**
 * Small windows, measured: at 720×480 a group conversation keeps at least 60% of its height for the
 * messages (one-line header, a two-line composer until focused), the members drawer never covers the
 * composer or Send, and a pop-out window at its minimum size (420×360) clips no control. Screenshots:
 * test-results/e2e/narrow-*.png in both themes and languages.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { CONVERSATION_WINDOW_LIMITS } from '../../src/main/shell/conversation-windows'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { setLocale } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

type Box = { x: number; y: number; width: number; height: number }
const box = async (page: Page, test: string): Promise<Box> => {
  const b = await page.getByTestId(test).first().boundingBox()
  if (!b) throw new Error(`${test} is not on screen`)
  return b
}

/** Header, composer and message list of the open conversation, measured. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const rect = (sel: string) => document.querySelector(sel)!.getBoundingClientRect()
    const conversation = rect('[data-test="conversation"]')
    const header = rect('[data-test="conversation"] .header')
    const list = rect('[data-test="conversation"] .messages')
    const title = rect('[data-test="conversation-title"]')
    const composer = rect('[data-test="conversation"] .message-composer')
    const textarea = document.querySelector<HTMLTextAreaElement>('[data-test="composer"]')!
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight)
    return {
      share: list.height / conversation.height,
      headerLines: Math.round((header.height - 12) / title.height),
      composerLines: (textarea.clientHeight - 8) / lineHeight,
      composerTop: composer.top
    }
  })
}

/** Controls of the header and composer that are cut off: outside the window or narrower than their content. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const controls = document.querySelectorAll<HTMLElement>(
      '.title-bar button, [data-test="conversation"] .header button, [data-test="conversation"] .message-composer button, [data-test="composer"]'
    )
    for (const el of controls) {
      const r = el.getBoundingClientRect()
      const name = el.getAttribute('data-test') ?? el.className
      if (r.width === 0 || r.height === 0) continue
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) out.push(`${name} outside the window`)
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'TEXTAREA') out.push(`${name} cut (${el.scrollWidth} > ${el.clientWidth})`)
    }
    if (document.documentElement.scrollWidth > innerWidth) out.push('the page scrolls sideways')
    return out
  })
}

describe('narrow windows, measured', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let account: AccountView

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account({ members: true })
    await page.getByTestId('contact').first().waitFor()
  })

  afterAll(async () => {
    await app?.close()
  })

  it('shows a busy group with its members, faces and a mention (the README screenshots), light and dark', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    const group = account.groups[0]!
    await (await findContact(page, group.name, 'group')).click()
    await page.getByTestId('contact-filter').fill('')
    const others = group.members!.filter((m) => m.qq !== account.self.qq)
    const lines: Array<{ text?: string; segments?: Array<{ type: 'text'; text: string } | { type: 'face'; id: number }> }> = [
      { text: '周六爬山的同学报个名，早上 8 点地铁站集合' },
      {
        segments: [
          { type: 'text', text: '我去！' },
          { type: 'face', id: 14 }
        ]
      },
      { text: '+1，带了相机' },
      {
        segments: [
          { type: 'text', text: `@${account.self.nick} 你来不来？` },
          { type: 'face', id: 13 }
        ]
      },
      { text: '天气预报说周六晴，最高 24 度' },
      {
        segments: [
          { type: 'face', id: 76 },
          { type: 'face', id: 76 },
          { type: 'text', text: ' 那就这么定了' }
        ]
      }
    ]
    for (const [i, line] of lines.entries()) {
      sim.pushMessage({ kind: 'group', group: group.number, from: others[i % others.length]!.qq, ...line })
    }
    await page.locator('[data-test="message"]', { hasText: '那就这么定了' }).waitFor({ timeout: 15_000 })
    if ((await page.getByTestId('members-panel').count()) === 0) await page.getByTestId('members-toggle').click()
    await page.getByTestId('members-panel').getByTestId('member').first().waitFor()
    for (const theme of ['light', 'dark'] as const) {
      app.setSystemDark(theme === 'dark')
      await page.waitForFunction((t) => document.documentElement.dataset['theme'] === t, theme)
      expect(await clipped(page)).toEqual([])
      await app.bridged.screenshot(`showcase-group-${theme}-zh`)
    }
    app.setSystemDark(false)
    await page.setViewportSize({ width: 720, height: 480 })
  })

  for (const [theme, locale] of [
    ['light', 'zh-CN'],
    ['dark', 'en']
  ] as const) {
    it(`keeps ≥ 60% of a group conversation for messages at 720×480 (${theme}, ${locale})`, async () => {
      await page.setViewportSize({ width: 720, height: 480 })
      app.setSystemDark(theme === 'dark')
      await page.waitForFunction((t) => document.documentElement.dataset['theme'] === t, theme)
      await setLocale(page, locale)
      const group = account.groups[0]!
      await (await findContact(page, group.name, 'group')).click()
      await page.getByTestId('contact-filter').fill('')
      const speaker = group.members!.find((m) => m.qq !== account.self.qq)!
      sim.pushMessage({ kind: 'group', group: group.number, from: speaker.qq, text: `${theme}: 周六爬山，早上 8 点集合 /微笑` })
      await page.locator('[data-test="message"]', { hasText: `${theme}: 周六爬山` }).waitFor({ timeout: 15_000 })
      // Nothing focused: the composer is in its calm, two-line state.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      const calm = await layout(page)
      expect(calm.headerLines).toBe(1)
      expect(calm.composerLines).toBeLessThanOrEqual(2.1)
      expect(calm.share).toBeGreaterThanOrEqual(0.6)
      expect(await clipped(page)).toEqual([])
      await app.bridged.screenshot(`narrow-group-${theme}-${locale}`)

      // Focused, the composer grows for writing; the messages still keep the larger part.
      await page.getByTestId('composer').focus()
      await expect.poll(async () => (await layout(page)).composerLines).toBeGreaterThan(3)
      expect((await layout(page)).share).toBeGreaterThan(0.45)

      // The members drawer covers the messages only: the composer and Send stay visible and usable.
      if ((await page.getByTestId('members-panel').count()) === 0) await page.getByTestId('members-toggle').click()
      await page.getByTestId('members-panel').getByTestId('member').first().waitFor()
      const drawer = await box(page, 'members-panel')
      const composerTop = (await layout(page)).composerTop
      expect(drawer.y + drawer.height).toBeLessThanOrEqual(composerTop + 0.5)
      const send = await box(page, 'send')
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-test]')?.getAttribute('data-test'),
        [send.x + send.width / 2, send.y + send.height / 2]
      )
      expect(onTop).toBe('send')
      await page.getByTestId('composer').fill('drawer open, still typing')
      expect(await page.getByTestId('composer').inputValue()).toBe('drawer open, still typing')
      await page.getByTestId('composer').fill('')
      await app.bridged.screenshot(`narrow-members-drawer-${theme}-${locale}`)
      await page.getByTestId('members-toggle').click()
    })
  }

  it('shows no clipped control in a pop-out window at its minimum size, in both languages', async () => {
    const group = account.groups[0]!
    await (await findContact(page, group.name, 'group')).click()
    await page.getByTestId('contact-filter').fill('')
    // Pop it out: main is asked to open the window; its page is opened here at the window's minimum size.
    await page.getByTestId('pop-out').click()
    await expect.poll(() => app.windowRequests.find((r) => r.startsWith('open conversation:group:'))).toBeTruthy()
    const gid = Number(/(\d+)$/.exec(app.windowRequests.find((r) => r.startsWith('open conversation:group:'))!)![1])
    const popOut = await app.openPage(`?conversation=group:${gid}`)
    const other = popOut.page
    await other.setViewportSize({ width: CONVERSATION_WINDOW_LIMITS.minWidth, height: CONVERSATION_WINDOW_LIMITS.minHeight })
    await other.getByTestId('conversation-title').waitFor()
    for (const locale of ['en', 'zh-CN'] as const) {
      await other.evaluate((l) => window.api.updateSettings({ locale: l }), locale)
      await other.waitForFunction((l) => document.documentElement.lang === l, locale)
      expect(await clipped(other), locale).toEqual([])
      expect((await layout(other)).share).toBeGreaterThanOrEqual(0.5)
      await popOut.screenshot(`narrow-popout-min-${locale}`)
    }
    expect(app.bridged.problems).toEqual([])
  })
})
