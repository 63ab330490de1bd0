/**
 * The everyday conversation tools against the demo server (real engine, store and simulator; the built
 * renderer in Chromium): @-mention suggestions in the composer and incoming mentions, the message menu,
 * the "new messages" divider and button, and find in this conversation. Screenshots in both themes and
 * languages, at 1280x800 and 720x480.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

type Group = AccountView['groups'][number]
type Member = NonNullable<Group['members']>[number]
const memberName = (m: Member) => m.card ?? m.nick

describe('conversation tools (mentions, message menu, new messages, find)', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let account: AccountView
  /** Two groups with unique names, and in the first a member (not me) with a unique display name. */
  let g1: Group
  let g2: Group
  let other: Member
  /** What others @-mention me by in g1. */
  let myName: string

  const message = (text: string) => page.locator('[data-test="message"]', { hasText: text }).last()
  const composer = () => page.getByTestId('composer')

  async function open(group: Group): Promise<void> {
    await page.getByTestId('contact-filter').fill('')
    await (await findContact(page, group.name, 'group')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(group.name)
    await page.getByTestId('contact-filter').fill('')
  }

  async function openBuddy(): Promise<void> {
    const buddy = account.buddies.find((b) => account.buddies.filter((x) => (x.markname ?? x.nick) === (b.markname ?? b.nick)).length === 1)!
    await (await findContact(page, buddy.markname ?? buddy.nick, 'buddy')).click()
    await page.getByTestId('contact-filter').fill('')
  }

  async function look(settings: { theme?: 'light' | 'dark'; locale?: 'zh-CN' | 'en' }): Promise<void> {
    await page.evaluate(
      (patch) => (window as unknown as { api: { updateSettings(p: unknown): Promise<unknown> } }).api.updateSettings(patch),
      settings
    )
    if (settings.theme) await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(settings.theme)
    if (settings.locale) await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(settings.locale)
  }

  async function frames(): Promise<void> {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  }

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await page.setViewportSize({ width: 1280, height: 800 })
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    account = sim.account({ members: true })
    // Groups the list shows under their own name (no remark of mine on them), unique among the groups.
    const shown = (await app.services.handlers['contacts:get'](undefined)).groups
    const plain = new Set(
      shown.filter((g) => g.markname === null && shown.filter((x) => (x.markname ?? x.name) === g.name).length === 1).map((g) => g.gid)
    )
    const unique = account.groups.filter((g) => plain.has(g.gid!) && (g.members?.length ?? 0) > 3)
    ;[g1, g2] = [unique[0]!, unique[1]!]
    const members = g1.members!.filter((m) => m.qq !== account.self.qq)
    other = members.find((m) => members.filter((x) => memberName(x) === memberName(m)).length === 1)!
    const me = g1.members!.find((m) => m.qq === account.self.qq)
    myName = me?.card ?? account.self.nick
  })

  afterAll(async () => {
    await app?.close()
  })

  it('suggests members when @ is typed (a combobox with a listbox), and inserts the chosen one as @name', async () => {
    await open(g1)
    await page.getByTestId('member-count').waitFor()
    const name = memberName(other)
    await composer().fill('')
    await composer().pressSequentially(`晚上好 @${name.slice(0, 1)}`)
    const option = page.locator('[data-test="mention-option"]', { hasText: name }).first()
    await option.waitFor()
    expect(await composer().getAttribute('role')).toBe('combobox')
    expect(await composer().getAttribute('aria-expanded')).toBe('true')
    // The textarea controls the listbox of member options (reka-ui's combobox).
    const listbox = page.locator('[role="listbox"]', { has: page.getByTestId('mention-option') })
    expect(await listbox.count()).toBe(1)
    const controls = await composer().getAttribute('aria-controls')
    expect(await listbox.evaluate((el) => el.closest('[id]')!.id)).toBe(controls)
    expect(await listbox.getByRole('option').count()).toBe(await page.getByTestId('mention-option').count())
    await app.bridged.screenshot('tools-mention-suggestions-light-zh')
    // Arrow to the member, then Enter takes it (and does not send).
    const names = await page.getByTestId('mention-option').evaluateAll((els) => els.map((e) => e.querySelector('.mention-name')!.textContent))
    for (let i = 0; i <= names.indexOf(name); i++) await composer().press('ArrowDown')
    await composer().press('Enter')
    await expect.poll(() => composer().inputValue()).toBe(`晚上好 @${name} `)
    expect(await composer().getAttribute('aria-expanded')).toBe('false')
    await composer().pressSequentially('一起吃饭？')
    await composer().press('Enter')
    await expect.poll(() => sim.sent().some((s) => s.text === `晚上好 @${name} 一起吃饭？`)).toBe(true)

    // Esc closes the suggestions and keeps the text.
    await composer().pressSequentially('@')
    await page.getByTestId('mention-option').first().waitFor()
    await composer().press('Escape')
    await expect.poll(() => page.getByTestId('mention-option').count()).toBe(0)
    expect(await composer().inputValue()).toBe('@')
    await composer().fill('')
  })

  it('highlights a message that mentions me and marks its conversation in the list', async () => {
    await openBuddy()
    sim.pushMessage({ kind: 'group', group: g1.number, from: other.qq, text: `@${myName} 明天的会你来吗` })
    const row = page.locator('[data-test="contact"][data-kind="group"]', {
      has: page.getByTestId('contact-name').getByText(g1.name, { exact: true })
    })
    await page.getByTestId('contact-filter').fill(g1.name)
    await row.getByTestId('mention-mark').waitFor({ timeout: 15_000 })
    expect(await row.getByTestId('mention-mark').textContent()).toContain('[有人@我]')
    await app.bridged.screenshot('tools-mention-recent-light-zh')
    await row.first().click()
    await page.getByTestId('contact-filter').fill('')
    const mentioned = message('明天的会你来吗')
    await mentioned.waitFor()
    expect(await mentioned.getAttribute('data-mentions-me')).toBe('true')
    // The full date and time on hover.
    expect(await mentioned.getAttribute('title')).toMatch(/\d{4}/)
    await app.bridged.screenshot('tools-mention-highlight-light-zh')
  })

  it('opens the message menu by right-click and by Shift+F10: quote, copy, delete here', async () => {
    const long = '这条消息要被引用，而且它的长度超过了三十个字符，所以引用时会被截断，后面的不显示'
    sim.pushMessage({ kind: 'group', group: g1.number, from: other.qq, text: long })
    const target = message('这条消息要被引用')
    await target.waitFor({ timeout: 15_000 })
    await target.getByTestId('message-text').click({ button: 'right' })
    const menu = page.getByTestId('message-menu')
    await menu.waitFor()
    expect(await menu.getAttribute('role')).toBe('menu')
    expect(await menu.getByRole('menuitem').count()).toBeGreaterThanOrEqual(5)
    await app.bridged.screenshot('tools-message-menu-light-zh')
    await page.getByTestId('menu-quote').click()
    await expect.poll(() => composer().inputValue()).toBe(`「${memberName(other)}：${[...long].slice(0, 30).join('')}…」\n`)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('composer')
    await composer().fill('')

    // Keyboard: the message itself takes the focus; Shift+F10 opens the same menu, Esc closes it.
    await target.focus()
    await page.keyboard.press('Shift+F10')
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    // Delete from this computer: the dialog says what it means; the message leaves the list and the history.
    const id = (await target.getAttribute('data-id'))!
    await target.getByTestId('message-text').click({ button: 'right' })
    await page.getByTestId('menu-delete').click()
    await page.getByTestId('message-confirm').waitFor()
    expect(await page.getByTestId('message-confirm').textContent()).toContain('对方和其他设备上仍然保留')
    await app.bridged.screenshot('tools-delete-confirm-light-zh')
    await page.getByTestId('confirm-ok').click()
    await expect.poll(() => page.locator(`[data-test="message"][data-id="${id}"]`).count()).toBe(0)
    const stored = await app.services.handlers['history:get']({ kind: 'group', id: g1.gid!, limit: 50 })
    expect(stored.messages.map((m) => m.id)).not.toContain(id)
  })

  it('opens at a "new messages" divider above the first unread, and counts messages arriving while reading above', async () => {
    await open(g2)
    for (let i = 1; i <= 40; i++)
      sim.pushMessage({ kind: 'group', group: g2.number, from: g2.members!.find((m) => m.qq !== account.self.qq)!.qq, text: `旧消息 #${i}` })
    await message('旧消息 #40').waitFor({ timeout: 20_000 })
    await openBuddy()
    const sender = g2.members!.filter((m) => m.qq !== account.self.qq)[1]!
    for (let i = 1; i <= 5; i++) sim.pushMessage({ kind: 'group', group: g2.number, from: sender.qq, text: `新消息 #${i}` })
    await expect
      .poll(
        async () =>
          (await app.services.handlers['history:get']({ kind: 'group', id: g2.gid!, limit: 5 })).messages.some((m) => m.text === '新消息 #5'),
        {
          timeout: 20_000
        }
      )
      .toBe(true)
    await open(g2)
    const divider = page.getByTestId('unread-divider')
    await divider.waitFor()
    // The divider sits right above the first new message, and the view opens there, not at the bottom.
    const slot = page.locator('.slot', { has: divider })
    expect(await slot.getByTestId('message-text').textContent()).toContain('新消息 #1')
    await frames()
    await app.bridged.screenshot('tools-unread-divider-light-zh')
    const list = (await page.getByTestId('message-list').boundingBox())!
    const at = (await divider.boundingBox())!
    expect(at.y).toBeGreaterThanOrEqual(list.y - 1)
    expect(at.y).toBeLessThan(list.y + list.height / 2)

    // Reading above: new messages are counted on a button; End jumps to the newest.
    await page.getByTestId('message-list').evaluate((el) => (el.scrollTop = 0))
    await frames()
    for (let i = 1; i <= 3; i++) sim.pushMessage({ kind: 'group', group: g2.number, from: sender.qq, text: `刚到 #${i}` })
    const button = page.getByTestId('new-messages')
    await expect
      .poll(async () => (await button.count()) > 0 && /^[3-9] 条新消息 ↓$|^\d{2,} 条新消息 ↓$/.test((await button.textContent())!.trim()), {
        timeout: 20_000
      })
      .toBe(true)
    await app.bridged.screenshot('tools-new-messages-button-light-zh')
    await page.getByTestId('message-list').focus()
    await page.keyboard.press('End')
    await button.waitFor({ state: 'detached' })
    await expect.poll(() => message('刚到 #3').isVisible()).toBe(true)
  })

  it('finds in this conversation with Ctrl+F: marks, n / N, Enter, Shift+Enter, F3, Esc; Ctrl+Shift+F searches all', async () => {
    await page.getByTestId('message-list').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+f')
    const input = page.getByTestId('find-input')
    await input.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('find-input')
    // 旧消息 #1 and #10..#19 (#1 is paged in from the history when reached).
    await input.fill('旧消息 #1')
    // The hits are what the store's search finds in this conversation (the demo's own chatter never says this).
    const found = await app.services.handlers['history:search']({ query: '旧消息 #1', kind: 'group', id: g2.gid!, limit: 200 })
    const n = found.messages.length
    expect(n).toBeGreaterThanOrEqual(10)
    const count = page.getByTestId('find-count')
    await expect.poll(() => count.textContent()).toBe(`1 / ${n}`)
    await expect.poll(() => page.locator('mark[data-test="match"]').count()).toBeGreaterThan(0)
    await app.bridged.screenshot('tools-find-light-zh')
    await input.press('Enter')
    await expect.poll(() => count.textContent()).toBe(`2 / ${n}`)
    await input.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toBe(`1 / ${n}`)
    await page.keyboard.press('F3')
    await expect.poll(() => count.textContent()).toBe(`2 / ${n}`)
    // The oldest hit, #1, is reached backwards (wrapping) and shown in place.
    await input.press('Shift+Enter')
    await input.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toBe(`${n} / ${n}`)
    await expect.poll(() => page.locator('[data-test="message"][data-focused="true"]').textContent()).toContain(found.messages.at(-1)!.text)
    expect((await page.getByTestId('conversation-title').textContent())!.trim()).toBe(g2.name)
    await input.press('Escape')
    await page.getByTestId('find-bar').waitFor({ state: 'detached' })
    expect(await page.locator('mark[data-test="match"]').count()).toBe(0)
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('history-search')
  })

  it('looks right in the dark theme and in English, wide and narrow', async () => {
    await look({ theme: 'dark', locale: 'en' })
    await page.getByTestId('message-list').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('旧消息 #1')
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^1 \/ \d+$/)
    await app.bridged.screenshot('tools-find-dark-en')
    await page.getByTestId('find-input').press('Escape')
    const last = page.locator('[data-test="message"]').last()
    await last.getByTestId('message-text').click({ button: 'right' })
    await page.getByTestId('message-menu').waitFor()
    await app.bridged.screenshot('tools-message-menu-dark-en')
    await page.keyboard.press('Escape')

    await page.setViewportSize({ width: 720, height: 480 })
    await open(g1)
    await composer().fill('')
    await composer().pressSequentially('@')
    await page.getByTestId('mention-option').first().waitFor()
    await app.bridged.screenshot('tools-mention-suggestions-narrow-dark-en')
    // The suggestions stay inside the window.
    const box = (await page.getByTestId('mention-list').boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(720)
    await composer().press('Escape')
    await composer().fill('')
    const mentioned = message('明天的会你来吗')
    await mentioned.waitFor()
    await mentioned.getByTestId('message-text').click({ button: 'right' })
    await page.getByTestId('message-menu').waitFor()
    const menu = (await page.getByTestId('message-menu').boundingBox())!
    expect(menu.y + menu.height).toBeLessThanOrEqual(480)
    await app.bridged.screenshot('tools-message-menu-narrow-dark-en')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('明天')
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^1 \/ \d+$/)
    await app.bridged.screenshot('tools-find-narrow-dark-en')
    await page.getByTestId('find-input').press('Escape')

    await look({ theme: 'light', locale: 'zh-CN' })
    await page.keyboard.press('Control+f')
    await page.getByTestId('find-input').fill('明天')
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^1 \/ \d+$/)
    await app.bridged.screenshot('tools-find-narrow-light-zh')
    await page.getByTestId('find-input').press('Escape')
    await look({ theme: 'dark', locale: 'zh-CN' })
    await page.setViewportSize({ width: 1280, height: 800 })
    await mentioned.waitFor()
    await app.bridged.screenshot('tools-mention-highlight-dark-zh')
    expect(app.bridged.problems).toEqual([])
  })
})
