/**
 * Hostile links in the app (issue 15 rows 5 and 14), against the demo server in Chromium: a look-alike
 * host is shown in the punycode form that opens, a bidi override cannot reorder link text, and links
 * the safe opener refuses (a mailto with a query, credentials, 10,000 characters) say why in a sentence
 * instead of doing nothing; nothing refused reaches the OS.
 */
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

describe('hostile links', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator
  let buddy: Buddy

  const message = (text: string) => page.locator('[data-test="message"]', { hasText: text }).last()

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
    const account = sim.account()
    buddy = account.buddies.find((x) => account.buddies.filter((y) => nameOf(y) === nameOf(x)).length === 1)!
  })

  afterAll(async () => {
    await app?.close()
  })

  it('shows what opens, refuses the rest with a sentence, in both languages', async () => {
    await (await findContact(page, nameOf(buddy), 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(nameOf(buddy))
    const long = `https://example.com/?q=${'x'.repeat(10_000)}`
    for (const text of [
      '邮件 mailto:me@example.com?attach=/home/u/.ssh/id_rsa 看看',
      '登录 https://аpple.com/account 吧',
      '发票 https://example.com/\u202Efdp.exe 收下',
      '银行 https://user:secret@bank.example/ 登录',
      `长的 ${long}`
    ])
      sim.pushMessage({ kind: 'buddy', from: buddy.qq, text })
    const lookalike = message('登录 https').getByTestId('message-link')
    await lookalike.waitFor({ timeout: 15_000 })
    await message('长的').getByTestId('message-link').waitFor()
    expect(await lookalike.textContent()).toBe('https://xn--pple-43d.com/account')
    expect(await message('发票').getByTestId('message-link').textContent()).toBe('https://example.com/fdp.exe')
    expect(await message('发票').getByTestId('message-link').getAttribute('dir')).toBe('ltr')

    await message('邮件').getByTestId('message-link').click()
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('没有打开这个邮件链接'))
    await app.bridged.screenshot('hostile-link-mailto-zh')
    await message('银行').getByTestId('message-link').click()
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('带有用户名或密码'))
    await message('长的').getByTestId('message-link').click()
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('太长了'))
    expect(app.openedUrls).toEqual([])

    await setLocale(page, 'en')
    await message('邮件').getByTestId('message-link').click()
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('This email link was not opened'))
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'))
    await app.bridged.screenshot('hostile-link-mailto-en-dark')
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'))
    // The punycode host is what a click opens.
    await lookalike.click()
    await expect.poll(() => app.openedUrls).toEqual(['https://xn--pple-43d.com/account'])
    await setLocale(page, 'zh-CN')
    expect(app.bridged.problems).toEqual([])
  })
})
