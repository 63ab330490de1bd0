import { readFileSync, statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { AccountView, Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { chooseFromSelfMenu, setLocale } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('the messenger against the demo server (real engine, real simulator)', () => {
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

  it('lists the buddy categories with online counts, online buddies first', async () => {
    await page.getByTestId('category').first().waitFor()
    const categories = await page.getByTestId('category').allTextContents()
    const names = account.categories.map((c) => c.name)
    expect(categories.length).toBeGreaterThan(0)
    for (const text of categories) expect(names.some((n) => text.includes(n))).toBe(true)
    // Within the first category, every online buddy comes before every offline one.
    const rows = await page
      .locator('[data-test="category"], [data-test="contact"]')
      .evaluateAll((els) =>
        els.map((r) => (r.matches('[data-test="category"]') ? '|' : r.getAttribute('data-presence') === 'offline' ? 'off' : 'on'))
      )
    const firstCategory = rows.join(',').split('|')[1] ?? ''
    expect(firstCategory).toMatch(/^,(on,)*(off,)*$/)
    await app.bridged.screenshot('messenger-contacts-zh')
  })

  it('filters contacts by pinyin initials', async () => {
    const buddy = account.buddies.find((b) => /^[\u4e00-\u9fff]{2,}$/.test(b.markname ?? b.nick))
    expect(buddy).toBeDefined()
    const name = buddy!.markname ?? buddy!.nick
    const { pinyin } = await import('pinyin-pro')
    const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('')
    await page.getByTestId('contact-filter').fill(initials)
    await expect.poll(() => page.getByTestId('contact-name').allTextContents()).toContain(name)
    await page.getByTestId('contact-filter').fill('')
  })

  it('opens a buddy, shows a pushed message with its face drawn as our glyph (named 微笑), and counts unread elsewhere', async () => {
    const [buddy, other] = account.buddies
    const name = buddy!.markname ?? buddy!.nick
    await (await findContact(page, name, 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(name)
    sim.pushMessage({
      kind: 'buddy',
      from: buddy!.qq,
      segments: [
        { type: 'text', text: '你好，在吗？' },
        { type: 'face', id: 14, name: '微笑' }
      ]
    })
    const bubble = page.getByTestId('message-text').filter({ hasText: '你好，在吗？' })
    await bubble.waitFor({ timeout: 15_000 })
    expect(await bubble.locator('[data-test="face"]').getAttribute('aria-label')).toBe('微笑')
    // A message in another conversation shows as unread there.
    sim.pushMessage({ kind: 'buddy', from: other!.qq, text: '有空回我一下' })
    await page.getByTestId('contact-filter').fill('')
    await page.getByTestId('tab-recent').click()
    const otherName = other!.markname ?? other!.nick
    const otherRow = page.locator('[data-test="contact"]', { hasText: otherName }).first()
    await expect.poll(() => otherRow.getByTestId('unread-badge').textContent({ timeout: 15_000 })).toMatch(/^\s*[1-9]/)
  })

  it('sends a message: Enter sends, it is marked sent, and the server got it', async () => {
    const [buddy] = account.buddies
    await page.getByTestId('tab-buddies').click()
    await (await findContact(page, buddy!.markname ?? buddy!.nick, 'buddy')).click()
    const text = `晚上一起吃饭吗 ${Date.now() % 1000}`
    await page.getByTestId('composer').fill(text)
    await page.getByTestId('composer').press('Enter')
    const mine = page.locator('[data-test="message"]', { hasText: text })
    await mine.waitFor()
    expect(await page.getByTestId('composer').inputValue()).toBe('')
    await expect
      .poll(() => mine.getByTestId('delivery-state').getAttribute('data-state'), {
        timeout: 15_000
      })
      .toBe('sent')
    expect(sim.sent().some((s) => s.text === text && s.targetRef === buddy!.qq && s.delivered)).toBe(true)
    await app.bridged.screenshot('messenger-chat-zh')
  })

  it('exports the open buddy conversation as TXT and JSON, owner-only, and says where', async () => {
    const [buddy] = account.buddies
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(buddy!.markname ?? buddy!.nick)
    await page.getByTestId('export-chat').click()
    await page.getByTestId('export-txt').click()
    const outcome = page.getByTestId('export-outcome')
    await outcome.waitFor()
    const txtPath = app.exportPaths.at(-1)!
    expect(await outcome.textContent()).toContain(`已导出到 ${txtPath}`)
    await app.bridged.screenshot('messenger-export-zh')
    const txt = readFileSync(txtPath, 'utf8')
    expect(txt).toContain('你好，在吗？[微笑]')
    expect(txt).toContain('晚上一起吃饭吗')
    expect(statSync(txtPath).mode & 0o777).toBe(0o600)

    await page.getByTestId('export-chat').click()
    await page.getByTestId('export-json').click()
    await expect.poll(() => app.exportPaths.length).toBe(2)
    const jsonPath = app.exportPaths[1]!
    expect(jsonPath.endsWith('.json')).toBe(true)
    await expect.poll(() => outcome.textContent()).toContain(jsonPath)
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as { messages: Array<{ text: string; self: boolean }> }
    expect(exported.messages.filter((m) => !m.self).map((m) => m.text)).toContain('你好，在吗？[微笑]')
    expect(exported.messages.some((m) => m.self && m.text.startsWith('晚上一起吃饭吗'))).toBe(true)
    await page.getByTestId('export-dismiss').click()
  })

  it('opens a group: member count, members panel with cards, sender names', async () => {
    const group = account.groups[0]!
    const members = group.members!
    await (await findContact(page, group.name, 'group')).click()
    await expect.poll(() => page.getByTestId('member-count').textContent()).toContain(`${members.length} 位成员`)
    await page.getByTestId('members-toggle').click()
    await page.getByTestId('member').first().waitFor()
    const shown = await page.getByTestId('member-name').allTextContents()
    // The client decodes the wire's &nbsp; in names to a plain space (the simulator keeps U+00A0).
    const plain = (name: string) => name.replace(/\u00a0/g, ' ')
    const expected = new Set(members.map((m) => plain(m.card || m.nick)))
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.filter((name) => !expected.has(name))).toEqual([])
    const speaker = members.find((m) => m.qq !== account.self.qq)!
    sim.pushMessage({
      kind: 'group',
      group: group.number,
      from: speaker.qq,
      text: '大家好，周末团建'
    })
    const message = page.locator('[data-test="message"]', { hasText: '大家好，周末团建' })
    await message.waitFor({ timeout: 15_000 })
    expect(await message.getByTestId('message-sender').textContent()).toBe(plain(speaker.card || speaker.nick))
    await app.bridged.screenshot('messenger-group-zh')
  })

  it('searches the whole history and opens a hit', async () => {
    await page.getByTestId('history-search').fill('你好，在吗')
    await page.getByTestId('history-search').press('Enter')
    await page.getByTestId('search-result').first().waitFor()
    expect(await page.getByTestId('search-summary').textContent()).toContain('你好，在吗')
    await app.bridged.screenshot('messenger-search-zh')
    await page.getByTestId('search-result').first().click()
    await page.getByTestId('conversation').waitFor()
    expect(await page.getByTestId('message-text').filter({ hasText: '你好，在吗？' }).count()).toBe(1)
  })

  it('renders in English too, with no console errors or CSP violations', async () => {
    await setLocale(page, 'en')
    await expect.poll(() => page.getByTestId('tab-buddies').textContent()).toContain('Friends')
    await app.bridged.screenshot('messenger-chat-en')
    expect(app.bridged.problems).toEqual([])
  })

  it('signs out from the title bar back to the login card', async () => {
    await chooseFromSelfMenu(page, 'logout')
    await page.getByTestId('login-state').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('main-view').count()).toBe(0)
  })
})
