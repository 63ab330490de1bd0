import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RENDERER_DIR, type BridgedPage } from './harness'
import { startAppUnderTest, type AppUnderTest } from './app-under-test'
import { setLocale } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('built renderer in Chromium with the test bridge', () => {
  let app: AppUnderTest
  let bridged: BridgedPage

  beforeAll(async () => {
    app = await startAppUnderTest()
    bridged = app.bridged
  })

  afterAll(async () => {
    await app?.close()
  })

  it('ships the strict CSP in the built page', () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('unsafe-inline')
  })

  it('renders the shell: title bar and the login view, with no console errors', async () => {
    const { page } = bridged
    await page.getByTestId('login-state').waitFor()
    expect(await page.getByTestId('login-state').textContent()).toBe('未登录')
    expect(await page.locator('.title-bar .name').textContent()).toBe('QQ')
    await bridged.screenshot('shell-login-zh')
    expect(bridged.problems).toEqual([])
  })

  it('exposes only window.api to the page, not ipcRenderer or require', async () => {
    const globals = await bridged.page.evaluate(() => ({
      api: typeof (window as unknown as { api: unknown }).api,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      req: typeof (window as unknown as { require?: unknown }).require,
      names: Object.keys((window as unknown as { api: object }).api).sort()
    }))
    expect(globals).toMatchObject({ api: 'object', ipc: 'undefined', req: 'undefined' })
    expect(globals.names).toContain('startSession')
  })

  it('validates payloads end to end: a bad call from the page gets a typed error', async () => {
    const result = await bridged.page.evaluate(() =>
      (window as unknown as { api: { updateSettings(p: unknown): Promise<unknown> } }).api.updateSettings({ locale: 'xx' })
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('switches to English through main and persists it', async () => {
    const { page } = bridged
    await setLocale(page, 'en')
    await expect.poll(() => page.getByTestId('login-state').textContent()).toBe('Signed out')
    await bridged.screenshot('shell-login-en')
    const settings = await page.evaluate(() =>
      (window as unknown as { api: { getSettings(): Promise<{ value: { locale: string } }> } }).api.getSettings()
    )
    expect(settings.value.locale).toBe('en')
  })

  it('follows session pushes from main', async () => {
    await bridged.emit('session:changed', { state: 'signed-out', reason: 'kicked', qrDataUrl: null, self: null, demo: false })
    await expect.poll(() => bridged.page.getByTestId('login-reason').textContent()).toContain('signed in elsewhere')
    expect(bridged.problems).toEqual([])
  })

  it('logs in against the built-in demo server: real QR, phone scan, online', async () => {
    const { page } = bridged
    await setLocale(page, 'zh-CN')
    await page.getByTestId('start-demo').click()
    // A real QR PNG from the simulator, fetched by the real protocol client, shown as a data URL.
    const qr = page.getByTestId('qr')
    await qr.waitFor({ timeout: 20_000 })
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(50)
    await expect.poll(() => page.getByTestId('login-state').textContent()).toBe('等待扫描')
    await bridged.screenshot('demo-qr-zh')
    await page.getByTestId('demo-scan').click()
    // Online: the messenger replaces the login card; the title bar shows who is signed in.
    await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('self-nick').textContent()).toMatch(/.+/)
    expect(await page.getByTestId('login-state').count()).toBe(0)
    await bridged.screenshot('demo-online-zh')
    expect(bridged.problems).toEqual([])
  })
})
