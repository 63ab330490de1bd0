/**
 * Issue 15, items 3 and 5 (and hostile row 2) in the app: a message sent while the server is gone is
 * QUEUED (its own state and an honest tooltip, never "unconfirmed"), survives quitting the app and a
 * restart during the outage, and goes out exactly once after Retry now brings the session back. A
 * broken poll answer afterwards leaves a visible "messages may be missing" marker with its time.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { Simulator } from '../../src/simulator'
import { findContact, startAppUnderTest, type AppUnderTest } from './app-under-test'
import { chooseLanguage, signInWithServer, startTestServer } from './custom-server'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('offline send, restart while queued, recovery', () => {
  const apps: AppUnderTest[] = []
  let sim: Simulator | null = null
  afterAll(async () => {
    for (const app of apps) await app.close()
    await sim?.close()
  })

  it('queues while offline, keeps it across a restart, sends it exactly once when the server is back', async () => {
    sim = await startTestServer()
    const first = await startAppUnderTest()
    apps.push(first)
    await signInWithServer(first, sim)
    const page1 = first.bridged.page
    const buddy = sim.account({ members: false }).buddies[1]!
    const name = buddy.markname ?? buddy.nick
    await (await findContact(page1, name, 'buddy')).click()

    // The connection drops: the banner says so; a message typed now is queued, not sent into the void.
    await sim.suspend()
    const banner1 = page1.getByTestId('connection-banner')
    await expect.poll(() => banner1.getAttribute('data-state'), { timeout: 20_000 }).toBe('reconnecting')
    const text = '断网时写的消息，恢复后再发'
    await page1.getByTestId('composer').fill(text)
    await page1.getByTestId('composer').press('Enter')
    const mine1 = page1.locator('[data-test="message"]', { hasText: text })
    await mine1.waitFor()
    const state1 = mine1.getByTestId('delivery-state')
    expect(await state1.getAttribute('data-state')).toBe('queued')
    expect(await state1.textContent()).toContain('排队中')
    expect(await state1.getAttribute('title')).toBe('排队中：因为没有连接，消息还没有发出。连接恢复后会按顺序自动发出。')
    await expect.poll(() => page1.getByTestId('connection-countdown').textContent(), { timeout: 20_000 }).toMatch(/^\d+ 秒后重试$/)
    await first.bridged.screenshot('offline-send-queued-light-zh')
    expect(sim.sent().filter((s) => s.text === text)).toHaveLength(0)

    // Quit while it is queued, start again while the server is still gone.
    await first.close()
    apps.pop()
    const second = await startAppUnderTest({ profile: first.profile })
    apps.push(second)
    const page = second.bridged.page
    await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
    const banner = page.getByTestId('connection-banner')
    await expect.poll(() => banner.getAttribute('data-state'), { timeout: 20_000 }).toBe('unreachable')
    await chooseLanguage(page, 'en')
    await (await findContact(page, name, 'buddy')).click()
    const mine = page.locator('[data-test="message"]', { hasText: text })
    await mine.waitFor()
    const state = mine.getByTestId('delivery-state')
    expect(await state.getAttribute('data-state')).toBe('queued')
    expect(await state.getAttribute('title')).toBe(
      'Queued: not sent yet, because there is no connection. It goes out by itself, in order, once the connection is back.'
    )
    await expect.poll(() => page.getByTestId('connection-countdown').textContent(), { timeout: 20_000 }).toMatch(/^retrying in \d+ s$/)
    await second.bridged.screenshot('offline-send-restarted-light-en')
    await second.services.handlers['settings:update']({ theme: 'dark' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark')
    await second.bridged.screenshot('offline-send-restarted-dark-en')
    expect(sim.sent().filter((s) => s.text === text)).toHaveLength(0)

    // The server is back; Retry now does not wait for the countdown.
    await sim.resume()
    await page.getByTestId('retry-now').click()
    await expect.poll(() => banner.count(), { timeout: 10_000, interval: 100 }).toBe(0)
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent')
    expect(await state.getAttribute('title')).toBe('Sent: the server accepted the message')
    const sent = sim.sent().filter((s) => s.text === text)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.targetRef).toBe(buddy.qq)
    expect(sent[0]!.delivered).toBe(true)

    // A poll answer that comes back broken loses what it carried: the conversation says so, with the time.
    sim.injectFault({ type: 'malformed', endpoint: 'poll2', variant: 'html' })
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'this one is lost' })
    await expect.poll(() => sim!.state().faultsPending, { timeout: 10_000 }).toBe(0)
    sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: 'this one arrives' })
    await page.getByTestId('message-text').filter({ hasText: 'this one arrives' }).waitFor({ timeout: 15_000 })
    const marker = page.getByTestId('gap-marker')
    await marker.waitFor({ timeout: 10_000 })
    expect(await marker.getAttribute('data-reason')).toBe('broken-answer')
    expect(await marker.textContent()).toMatch(/Messages may be missing here\s*noticed at /)
    expect(await marker.getAttribute('title')).toContain('damaged')
    expect(await page.getByTestId('message-text').filter({ hasText: 'this one is lost' }).count()).toBe(0)
    await second.bridged.screenshot('offline-send-recovered-dark-en')
    await chooseLanguage(page, 'zh-CN')
    expect(await marker.textContent()).toMatch(/此处可能有消息缺失\s*发现于 /)
    await second.services.handlers['settings:update']({ theme: 'light' })
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light')
    await second.bridged.screenshot('offline-send-recovered-light-zh')
    expect(second.bridged.problems).toEqual([])
    expect(sim.sent().filter((s) => s.text === text)).toHaveLength(1)
  }, 120_000)
})
