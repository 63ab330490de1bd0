/**
 * Issue 15, items 1 and 5 in the app: a launch with a remembered session while the server refuses
 * every connection. The account is kept (no QR, no "expired"), the messenger shows its last contacts
 * and history read-only, the banner says why and counts down to the next attempt with Retry now, the
 * title says offline; once the server answers again the app signs in by itself within 20 s.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { Simulator } from '../../src/simulator'
import { findContact, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { chooseLanguage, signInWithServer, startTestServer } from './custom-server'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('launch during an outage', () => {
  const apps: AppUnderTest[] = []
  let sim: Simulator | null = null
  afterAll(async () => {
    for (const app of apps) await app.close()
    await sim?.close()
  })

  it('keeps the account, shows it read-only with the reason and a countdown, and signs in by itself when the server is back', async () => {
    sim = await startTestServer()
    const first = await startAppUnderTest()
    apps.push(first)
    await signInWithServer(first, sim)
    const nick = (await first.bridged.page.getByTestId('self-nick').textContent())!.trim()
    const buddy = sim.account({ members: false }).buddies[0]!
    const buddyName = buddy.markname ?? buddy.nick
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: '出门前的最后一条消息' })
    await first.bridged.page.getByTestId('tab-recent').click()
    await first.bridged.page.locator('[data-test="contact"]', { hasText: buddyName }).first().waitFor({ timeout: 15_000 })
    await first.close()
    apps.pop()

    // The server goes away; the app starts again on the same profile.
    await sim.suspend()
    const second = await startAppUnderTest({ profile: first.profile })
    apps.push(second)
    const page = second.bridged.page
    await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
    const banner = page.getByTestId('connection-banner')
    await expect.poll(() => banner.getAttribute('data-state'), { timeout: 20_000 }).toBe('unreachable')
    expect(await banner.getAttribute('data-cause')).toBe('refused')
    expect(await page.getByTestId('connection-cause').textContent()).toBe('无法连接服务器：连接被拒绝')
    // Between attempts it counts down to the next one.
    await expect.poll(() => page.getByTestId('connection-countdown').textContent(), { timeout: 20_000 }).toMatch(/^\d+ 秒后重试$/)
    expect(await page.getByTestId('offline-status').textContent()).toBe('离线')
    expect(await page.getByTestId('retry-now').textContent()).toContain('立即重试')
    expect(await page.title()).toContain('离线')
    // The same account, its contacts and its history, from this computer.
    expect((await page.getByTestId('self-nick').textContent())!.trim()).toBe(nick)
    await (await findContact(page, buddyName, 'buddy')).click()
    await page.getByTestId('message-text').filter({ hasText: '出门前的最后一条消息' }).waitFor()
    // Never a verdict: no QR, no "expired", the remembered account still offered.
    expect(await page.getByTestId('qr').count()).toBe(0)
    expect(await page.getByTestId('login-reason').count()).toBe(0)
    const during = await second.services.handlers['session:get'](undefined)
    expect(during.state).toBe('unreachable')
    expect(during.remembered?.nick).toBe(nick)
    await second.bridged.screenshot('outage-launch-light-zh')

    await chooseLanguage(page, 'en')
    expect(await page.getByTestId('connection-cause').textContent()).toBe('Can’t reach the server: it refused the connection')
    await expect.poll(() => page.getByTestId('connection-countdown').textContent(), { timeout: 20_000 }).toMatch(/^retrying in \d+ s$/)
    expect(await page.title()).toContain('Offline')
    await second.services.handlers['settings:update']({ theme: 'dark' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark')
    await second.bridged.screenshot('outage-launch-dark-en')
    await page.setViewportSize({ width: 720, height: 480 })
    await second.services.handlers['settings:update']({ theme: 'light' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light')
    await second.bridged.screenshot('outage-launch-narrow-light-en')
    await page.setViewportSize({ width: 1280, height: 800 })

    // The server answers again: within 20 s the app is back by itself, no QR, nothing clicked.
    const back = Date.now()
    await sim.resume()
    await expect.poll(() => banner.count(), { timeout: 20_000, interval: 200 }).toBe(0)
    expect(Date.now() - back).toBeLessThan(20_000)
    const after = await second.services.handlers['session:get'](undefined)
    expect(after.state).toBe('online')
    expect(after.remembered?.nick).toBe(nick)
    expect(await page.getByTestId('qr').count()).toBe(0)
    expect(await page.title()).not.toContain('Offline')
    expect(await page.getByTestId('offline-status').count()).toBe(0)
    await second.bridged.screenshot('outage-launch-recovered-light-en')
    expect(second.bridged.problems).toEqual([])
  }, 90_000)
})
