import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { pickOption } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

/** WebQQ sent no-break spaces inside names; the client shows them as plain spaces. */
const shown = (name: string): string => name.replace(/\u00a0/g, ' ')

describe('contacts you can recognise (real engine, demo simulator, built renderer)', () => {
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
  })

  afterAll(async () => {
    await app?.close()
  })

  /**
   * Groups whose row shows their own name: no remark of theirs, and no other group's remark equal to it
   * (the simulator draws remarks from the same word lists as names).
   */
  async function plainGroups(): Promise<AccountView['groups']> {
    const { groups } = await app.services.handlers['contacts:get']({})
    const remarks = new Set(groups.flatMap((g) => (g.markname ? [g.markname] : [])))
    const plain = new Set(groups.filter((g) => g.markname === null && !remarks.has(g.name)).map((g) => g.name))
    const names = account.groups.map((g) => shown(g.name))
    return account.groups.filter((g) => plain.has(shown(g.name)) && names.filter((n) => n === shown(g.name)).length === 1)
  }

  async function openMenu(name: string, kind: 'buddy' | 'group' | 'discuss'): Promise<void> {
    const row = await findContact(page, name, kind)
    await row.click({ button: 'right' })
    await page.getByTestId('contact-menu').waitFor()
  }

  it('shows every presence value distinctly as buddies change status', async () => {
    const statuses = ['online', 'away', 'busy', 'silent', 'offline'] as const
    const picked = account.buddies.slice(0, statuses.length)
    picked.forEach((b, i) => sim.pushStatus(b.qq, statuses[i]!))
    await page.getByTestId('tab-buddies').click()
    for (const [i, b] of picked.entries()) {
      const row = await findContact(page, shown(b.markname ?? b.nick), 'buddy')
      await expect.poll(() => row.getAttribute('data-presence'), { timeout: 15_000 }).toBe(statuses[i])
    }
    await page.getByTestId('contact-filter').fill('')
    await page.getByTestId('contact').first().waitFor()
    // A remark shows the nick beside it; signatures arrive for the rows on screen.
    const withRemark = page.locator('[data-test="contact"]', { has: page.getByTestId('contact-nick') })
    if ((await withRemark.count()) > 0) expect(await withRemark.first().getByTestId('contact-nick').textContent()).toMatch(/^\(.+\)$/)
    await expect.poll(() => page.getByTestId('presence-dot').count()).toBeGreaterThan(4)
    await app.bridged.screenshot('contacts-presence-light-zh')
  })

  it('tells two groups with the same name apart by member count and owner', async () => {
    const [first, second] = await plainGroups()
    sim.renameGroup(second!.number, first!.name)
    // The app reloads contacts every few minutes; ask now instead of waiting.
    await app.services.handlers['contacts:get']({ refresh: true })
    await page.getByTestId('tab-groups').click()
    const twins = page.locator('[data-test="contact"][data-kind="group"]', {
      has: page.getByTestId('contact-name').getByText(shown(first!.name), { exact: true })
    })
    await expect.poll(() => twins.count(), { timeout: 15_000 }).toBe(2)
    const owners = [first!, second!].map((g) => shown(g.members![0]!.card ?? g.members![0]!.nick))
    await expect
      .poll(async () => (await twins.getByTestId('contact-detail').allTextContents()).sort(), { timeout: 15_000 })
      .toEqual([first!, second!].map((g, i) => `${g.memberCount} 人 · 群主 ${owners[i]}`).sort())
    await app.bridged.screenshot('contacts-same-name-groups-light-zh')
    account = sim.account({ members: true })
  })

  it('pins a conversation from its context menu: it goes on top of the recent list, and main keeps the pin', async () => {
    const buddy = account.buddies[7]!
    const name = shown(buddy.markname ?? buddy.nick)
    await openMenu(name, 'buddy')
    await page.getByTestId('menu-pin').click()
    await page.getByTestId('contact-filter').fill('')
    await page.getByTestId('tab-recent').click()
    const first = page.getByTestId('contact').first()
    await expect.poll(() => first.getByTestId('contact-name').textContent()).toBe(name)
    expect(await first.getByTestId('pinned-icon').count()).toBe(1)
    const prefs = await app.services.handlers['prefs:get'](undefined)
    expect(prefs).toEqual([expect.objectContaining({ kind: 'buddy', pinned: true, id: buddy.uin })])
    await app.bridged.screenshot('contacts-recent-pinned-light-zh')
  })

  it('shows the last message in the recent list: sender first in groups, faces by name, its time, the unread count', async () => {
    const group = (await plainGroups())[3]!
    const speaker = group.members![1]!
    sim.pushMessage({
      kind: 'group',
      group: group.number,
      from: speaker.qq,
      segments: [
        { type: 'text', text: '今晚开会 ' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    await page.getByTestId('tab-recent').click()
    const row = page.locator('[data-test="contact"][data-kind="group"]', {
      has: page.getByTestId('contact-name').getByText(shown(group.name), { exact: true })
    })
    await expect
      .poll(() => row.getByTestId('contact-detail').textContent(), { timeout: 15_000 })
      .toBe(`${shown(speaker.card ?? speaker.nick)}: 今晚开会 [微笑]`)
    expect(await row.getByTestId('contact-time').textContent()).toMatch(/^\d\d:\d\d$/)
    expect(await row.getByTestId('unread-badge').textContent()).toMatch(/^\s*1\s*$/)
    await app.bridged.screenshot('contacts-recent-preview-light-zh')
  })

  it('shows a buddy profile card with the signature and the fields the server gave, and sends a message from it', async () => {
    const buddy = account.buddies.find((b) => b.markname === null) ?? account.buddies[0]!
    const name = shown(buddy.nick)
    await page.getByTestId('tab-buddies').click()
    await openMenu(name, 'buddy')
    await page.getByTestId('menu-profile').click()
    const card = page.getByTestId('profile-card')
    await card.getByTestId('profile-fields').waitFor()
    expect(await card.getByTestId('profile-title').textContent()).toBe(name)
    expect(await card.getByTestId('profile-fields').textContent()).toContain('分组')
    await app.bridged.screenshot('contacts-profile-buddy-light-zh')
    await card.getByTestId('profile-send').click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(name)
    expect(await page.getByTestId('profile-card').count()).toBe(0)
  })

  it('shows a group card with its announcement, owner and member count, and the members panel with marks and search', async () => {
    const group = (await plainGroups())[2]!
    const name = shown(group.name)
    await openMenu(name, 'group')
    await page.getByTestId('menu-profile').click()
    const card = page.getByTestId('profile-card')
    await card.getByTestId('profile-owner').waitFor()
    const owner = group.members![0]!
    expect(await card.getByTestId('profile-owner').textContent()).toBe(shown(owner.card ?? owner.nick))
    expect(await card.getByTestId('profile-member-count').textContent()).toBe(String(group.memberCount))
    expect(await card.getByTestId('profile-announcement').textContent()).toContain('群公告')
    await app.bridged.screenshot('contacts-profile-group-light-zh')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('profile-card').count()).toBe(0)

    await (await findContact(page, name, 'group')).click()
    await page.getByTestId('members-toggle').click()
    const panel = page.getByTestId('members-panel')
    await panel.getByTestId('member').first().waitFor()
    expect(await panel.getByTestId('member').first().getByTestId('member-role').textContent()).toBe('群主')
    // Every member says their presence (the simulator's stats: online, away, busy, absent = offline).
    const looks = await panel.getByTestId('member').evaluateAll((els) => els.map((e) => e.getAttribute('data-presence')))
    expect(looks.every((l) => ['online', 'away', 'busy', 'offline'].includes(l ?? ''))).toBe(true)
    const carded = group.members!.find((m, i) => i > 0 && m.card)
    const target = carded ?? group.members![1]!
    const targetName = shown(target.card ?? target.nick)
    await panel.getByTestId('member-search').fill(shown(target.nick))
    await expect.poll(() => panel.getByTestId('member-name').allTextContents()).toContain(targetName)
    await app.bridged.screenshot('contacts-members-search-light-zh')
    await panel.getByTestId('member').filter({ hasText: targetName }).first().click()
    await expect.poll(() => page.getByTestId('profile-title').textContent()).toBe(targetName)
    await page.keyboard.press('Escape')
    await panel.getByTestId('member-search').fill('')
  })

  it('is usable from the keyboard, in the dark theme and in English too', async () => {
    app.setSystemDark(true)
    await page.keyboard.press('Control+Comma')
    await page.getByTestId('settings-view').waitFor()
    await pickOption(page, 'settings-locale', 'en')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('settings-view').count()).toBe(0)
    await page.getByTestId('tab-recent').focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByTestId('tab-buddies').getAttribute('aria-selected')).toBe('true')
    await page.getByTestId('contact-list').focus()
    await page.keyboard.press('End')
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const active = await page.getByTestId('contact-list').getAttribute('aria-activedescendant')
    const activeName = await page.locator(`#${active} [data-test="contact-name"]`).textContent()
    await app.bridged.screenshot('contacts-keyboard-dark-en')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(activeName)
    await page.getByTestId('profile-open').click()
    await page.getByTestId('profile-card').getByTestId('profile-fields').waitFor()
    await app.bridged.screenshot('contacts-profile-buddy-dark-en')
    await page.keyboard.press('Escape')
    await page.getByTestId('tab-groups').click()
    await app.bridged.screenshot('contacts-groups-dark-en')
    await page.setViewportSize({ width: 720, height: 560 })
    await page.getByTestId('tab-recent').click()
    await app.bridged.screenshot('contacts-recent-narrow-dark-en')
    await page.setViewportSize({ width: 1080, height: 720 })
    expect(app.bridged.problems).toEqual([])
  })
})
