/**
 * Dead-server sign-in, for each failure kind: pressing Sign in against a server that refuses, does
 * not resolve, fails TLS, answers an error page or HTML, or never answers shows "Connecting…" at
 * once and, within 10 s, a sentence saying what failed with Retry / Choose another server / Try the
 * demo server. The first run with SmartQQ's own hosts puts the demo server first. Real engine, real
 * sockets on loopback, the built renderer in Chromium.
 */
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import { startAppUnderTest, type AppUnderTest } from './app-under-test'
import type { Settings } from '../../src/shared/settings'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

const fixtures = join(import.meta.dirname, '../main/protocol/fixtures')
const servers: Server[] = []
const sockets = new Set<Socket>()

async function listen(server: Server, scheme = 'http'): Promise<string> {
  servers.push(server)
  server.on('connection', (s: Socket) => sockets.add(s))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<string> {
  const probe = createTcpServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

describe('dead-server sign-in for each failure kind', () => {
  let app: AppUnderTest
  let page: Page
  const urls: Record<string, string> = {}

  beforeAll(async () => {
    urls.refused = await closedPort()
    urls.dns = 'http://smartqq-server.invalid:8080'
    urls.timeout = await listen(createTcpServer(() => {}))
    urls['not-smartqq'] = await listen(
      createHttpServer((_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>My blog</body></html>'))
    )
    urls['http-status'] = await listen(
      createHttpServer((_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>'))
    )
    const tls = { key: readFileSync(join(fixtures, 'self-signed.key')), cert: readFileSync(join(fixtures, 'self-signed.crt')) }
    urls.tls = await listen(
      createHttpsServer(tls, (_q, res) => res.end('never reached')),
      'https'
    )
    app = await startAppUnderTest()
    page = app.bridged.page
  })

  afterAll(async () => {
    await app?.close()
    for (const s of sockets) s.destroy()
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()))
  })

  const settings = (patch: Partial<Settings>) => app.services.handlers['settings:update'](patch)

  it('first run with SmartQQ’s own hosts: says they are gone, and the primary action is the demo server', async () => {
    for (const [locale, theme] of [
      ['zh-CN', 'light'],
      ['en', 'dark']
    ] as const) {
      await settings({ locale, theme })
      const note = page.getByTestId('first-run-note')
      await note.waitFor()
      expect(await note.textContent()).toContain(locale === 'en' ? '1 January 2019' : '2019 年 1 月 1 日')
      // The filled (primary) button is the demo server; SmartQQ itself is only a text link.
      expect((await page.getByTestId('start-demo').getAttribute('class')) ?? '').not.toMatch(/secondary|link/)
      expect((await page.getByTestId('start-login').getAttribute('class')) ?? '').toMatch(/link/)
      await app.bridged.screenshot(`ui-first-run-${theme}-${locale === 'en' ? 'en' : 'zh'}`)
    }
    // The narrow window (720×480): the actions stay reachable.
    await page.setViewportSize({ width: 720, height: 480 })
    await page.getByTestId('start-demo').scrollIntoViewIfNeeded()
    expect(await page.getByTestId('start-demo').isVisible()).toBe(true)
    await app.bridged.screenshot('ui-first-run-narrow-dark-en')
    await page.setViewportSize({ width: 1080, height: 720 })
    await page.getByTestId('choose-server').click()
    await page.getByTestId('settings-view').waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('server-mode-smartqq')
    await page.keyboard.press('Escape')
    await page.getByTestId('settings-view').waitFor({ state: 'detached' })
  })

  const cases = [
    ['refused', 'en', 'light', /refused the connection/],
    ['dns', 'zh-CN', 'dark', /找不到该服务器的域名/],
    ['tls', 'en', 'dark', /certificate is not trusted/],
    ['http-status', 'zh-CN', 'light', /HTTP 502/],
    ['not-smartqq', 'en', 'light', /not a SmartQQ server/],
    ['timeout', 'zh-CN', 'dark', /没有及时响应/]
  ] as const

  for (const [reason, locale, theme, sentence] of cases) {
    it(`${reason}: progress at once, then within 10 s the sentence and the three actions (${locale}, ${theme})`, async () => {
      await settings({ locale, theme, serverMode: 'custom', serverUrl: urls[reason]! })
      // A server change resets the engine; wait until the sign-in button is back.
      const start = page.getByTestId('start-login')
      await start.waitFor()
      // Progress at once: seen by an observer in the page, as a failure can follow within milliseconds.
      await page.evaluate(() => {
        const w = window as unknown as { sawConnecting: boolean }
        w.sawConnecting = false
        new MutationObserver((_m, observer) => {
          if (!document.querySelector('[data-test="login-connecting"]')) return
          w.sawConnecting = true
          observer.disconnect()
        }).observe(document.body, { childList: true, subtree: true })
      })
      const pressed = Date.now()
      await start.click()
      if (reason === 'timeout') {
        // A server that never answers: "Connecting…" stays up until the deadline.
        await page.getByTestId('login-connecting').waitFor({ timeout: 2_000 })
        await app.bridged.screenshot(`ui-sign-in-connecting-${theme}-zh`)
      }
      const failure = page.locator(`[data-test="sign-in-failure"][data-reason="${reason}"]`)
      await failure.waitFor({ timeout: 10_000 })
      expect(Date.now() - pressed).toBeLessThan(10_000)
      expect(await page.evaluate(() => (window as unknown as { sawConnecting: boolean }).sawConnecting)).toBe(true)
      expect(await page.getByTestId('sign-in-failure-text').textContent()).toMatch(sentence)
      expect(await failure.getAttribute('role')).toBe('alert')
      for (const action of ['failure-retry', 'failure-choose-server', 'failure-demo']) expect(await page.getByTestId(action).isVisible()).toBe(true)
      // Retry is the primary action for a server of one's own.
      expect((await page.getByTestId('failure-retry').getAttribute('class')) ?? '').not.toMatch(/secondary/)
      await app.bridged.screenshot(`ui-sign-in-${reason}-${theme}-${locale === 'en' ? 'en' : 'zh'}`)
    })
  }

  it('Retry tries again, Choose another server opens the server setting, Try the demo server signs in', async () => {
    await settings({ locale: 'en', theme: 'light', serverMode: 'custom', serverUrl: urls.refused! })
    await page.getByTestId('start-login').click()
    await page.getByTestId('sign-in-failure').waitFor({ timeout: 10_000 })
    await page.getByTestId('failure-retry').click()
    // The failure goes while the new attempt runs, then comes back.
    await page.getByTestId('login-connecting').waitFor({ timeout: 2_000 })
    await page.getByTestId('sign-in-failure').waitFor({ timeout: 10_000 })
    await page.getByTestId('failure-choose-server').click()
    await page.getByTestId('settings-view').waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('server-mode-custom')
    await app.bridged.screenshot('ui-sign-in-choose-server-light-en')
    await page.keyboard.press('Escape')
    await page.getByTestId('failure-demo').click()
    await page.getByTestId('demo-scan').click({ timeout: 20_000 })
    await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
    expect(app.bridged.problems).toEqual([])
  })
})
