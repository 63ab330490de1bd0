/**
 * axe-core inside the built renderer (Chromium over the test bridge): the login view, the main view
 * with a group open, the settings, a profile card, the quick switcher, my menu and About, in both
 * themes: no critical or serious violation. Plus what axe cannot see: a polite live region that
 * announces new messages in the open conversation, and keyboard focus that is visible.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { openSettings } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  nodes: Array<{ target: string[]; failureSummary?: string }>
}

/**
 * Runs axe in the page; returns the critical and serious violations, one line per element. The page's
 * CSP (script-src 'self') refuses an injected <script> tag, so axe is evaluated in the page directly.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
    }))
  })
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`)
    )
}

const setDark = async (app: AppUnderTest, page: Page, dark: boolean) => {
  app.setSystemDark(dark)
  await page.waitForFunction((d) => document.documentElement.dataset['theme'] === (d ? 'dark' : 'light'), dark)
}

describe('accessibility (axe-core): no critical or serious violation, both themes', () => {
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

  for (const dark of [false, true]) {
    it(`the login view (${dark ? 'dark' : 'light'})`, async () => {
      await page.getByTestId('start-demo').waitFor()
      await setDark(app, page, dark)
      expect(await page.locator('h1').count()).toBe(1)
      expect(await seriousViolations(page)).toEqual([])
      // The settings from the login view (language lives there).
      await openSettings(page)
      expect(await seriousViolations(page)).toEqual([])
      await page.keyboard.press('Escape')
      await page.getByTestId('settings-view').waitFor({ state: 'detached' })
    })
  }

  it('signs in (the demo server)', async () => {
    await setDark(app, page, false)
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account({ members: true })
    await page.getByTestId('contact').first().waitFor()
  })

  for (const dark of [false, true]) {
    const theme = dark ? 'dark' : 'light'
    it(`the main view with a group open, its members, my menu, settings, About, a profile card and the quick switcher (${theme})`, async () => {
      await setDark(app, page, dark)
      const group = account.groups[0]!
      await (await findContact(page, group.name, 'group')).click()
      await page.getByTestId('conversation-title').waitFor()
      await page.getByTestId('contact-filter').fill('')
      // A message on screen, so times, names and bubbles are checked too.
      const speaker = group.members!.find((m) => m.qq !== account.self.qq)!
      sim.pushMessage({ kind: 'group', group: group.number, from: speaker.qq, text: `大家好，今晚 8 点开会（${theme}）` })
      await page.locator('[data-test="message"]', { hasText: `今晚 8 点开会（${theme}）` }).waitFor({ timeout: 15_000 })
      if ((await page.getByTestId('members-panel').count()) === 0) await page.getByTestId('members-toggle').click()
      await page.getByTestId('members-panel').getByTestId('member').first().waitFor()
      expect(await seriousViolations(page), `main view, ${theme}`).toEqual([])
      await app.bridged.screenshot(`a11y-main-${theme}-zh`)

      await page.getByTestId('self-menu').click()
      await page.getByTestId('self-menu-content').waitFor()
      expect(await seriousViolations(page), `my menu, ${theme}`).toEqual([])
      await app.bridged.screenshot(`a11y-self-menu-${theme}-zh`)
      await page.keyboard.press('Escape')

      await openSettings(page)
      expect(await seriousViolations(page), `settings, ${theme}`).toEqual([])
      await page.getByTestId('settings-about').click()
      await page.getByTestId('about-packages').waitFor()
      expect(await seriousViolations(page), `About, ${theme}`).toEqual([])
      await app.bridged.screenshot(`a11y-about-${theme}-zh`)
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await page.getByTestId('settings-view').waitFor({ state: 'detached' })

      await page.getByTestId('members-panel').getByTestId('member').first().click()
      await page.getByTestId('profile-title').waitFor()
      expect(await seriousViolations(page), `profile card, ${theme}`).toEqual([])
      await page.keyboard.press('Escape')
      await page.getByTestId('profile-title').waitFor({ state: 'detached' })

      await page.keyboard.press('Control+k')
      await page.getByTestId('quick-switcher-input').fill('a')
      expect(await seriousViolations(page), `quick switcher, ${theme}`).toEqual([])
      await page.keyboard.press('Escape')
      await page.getByTestId('quick-switcher').waitFor({ state: 'detached' })
    })
  }

  it('About from my menu: version, licences of what ships, and diagnostics copied from main (no secrets)', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.getByTestId('self-menu').click()
    await page.getByTestId('open-about').click()
    await page.getByTestId('about-packages').waitFor()
    expect(await page.getByTestId('about-version').textContent()).toMatch(/^版本 \S+/)
    expect(await page.getByTestId('about-packages').locator('summary').filter({ hasText: 'reka-ui' }).count()).toBe(1)
    await page
      .getByTestId('about-packages')
      .locator('summary')
      .filter({ hasText: /^\s*vue\s/ })
      .first()
      .click()
    expect(await page.getByTestId('about-packages').locator('pre').first().textContent()).toContain('MIT')
    await page.getByTestId('copy-diagnostics').click()
    await expect.poll(() => page.getByTestId('copy-state').textContent()).toContain('诊断信息已复制')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/^qq-desktop \S+\nRuntime: .*node /)
    expect(copied).toContain('Session: online')
    expect(copied).toContain('  locale: "zh-CN"')
    await page.keyboard.press('Escape')
    await page.getByTestId('about-view').waitFor({ state: 'detached' })
  })

  it('announces a new message in the open conversation through a polite live region', async () => {
    const group = account.groups[0]!
    const live = page.locator('[aria-live="polite"][data-test="message-announcer"]')
    await expect.poll(() => live.count()).toBe(1)
    const speaker = group.members!.find((m) => m.qq !== account.self.qq)!
    sim.pushMessage({ kind: 'group', group: group.number, from: speaker.qq, text: '收到请回复' })
    await expect.poll(() => live.textContent(), { timeout: 15_000 }).toContain('收到请回复')
  })

  it('shows where the keyboard is: every focusable control gets a visible focus mark', async () => {
    await setDark(app, page, false)
    const unmarked: string[] = []
    await page.locator('body').click({ position: { x: 1, y: 1 } })
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      const mark = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null
        if (!focused || focused === document.body) return null
        // A list that keeps the focus itself marks its active row instead (aria-activedescendant).
        const active = focused.getAttribute('aria-activedescendant')
        const el = (active && document.getElementById(active)) || focused
        const own = getComputedStyle(el)
        const visible = (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0) || own.boxShadow !== 'none'
        return visible ? null : `${el.tagName.toLowerCase()}[data-test=${el.getAttribute('data-test') ?? ''}] ${el.className}`
      })
      if (mark) unmarked.push(mark)
    }
    expect(unmarked).toEqual([])
    expect(app.bridged.problems).toEqual([])
  })
})
