/**
 * Launch with a remembered session, over a restart of the whole app on the same profile: the app
 * signs in by itself (no click) as the remembered account. The demo server is a new simulator
 * after the restart, so it refuses the old session: the login says so in a sentence and shows a QR.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import { signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('launch with a remembered session', () => {
  const apps: AppUnderTest[] = []
  afterAll(async () => {
    for (const app of apps) await app.close()
  })

  it('signs in by itself after a restart, and explains a refused session in a sentence', async () => {
    const first = await startAppUnderTest()
    apps.push(first)
    await signInWithDemo(first)
    const nick = (await first.bridged.page.getByTestId('self-nick').textContent())!.trim()
    expect(nick.length).toBeGreaterThan(0)
    await first.close()
    apps.pop()

    const second = await startAppUnderTest({ profile: first.profile })
    apps.push(second)
    const page = second.bridged.page
    // Nobody clicked: the remembered account is tried at once.
    await expect.poll(async () => (await second.services.handlers['session:get'](undefined)).state).not.toBe('signed-out')
    const reason = page.getByTestId('login-reason')
    await reason.waitFor({ timeout: 20_000 })
    expect(await reason.textContent()).toBe('记住的登录已失效，请重新扫码')
    await page.getByTestId('qr').waitFor({ timeout: 20_000 })
    await second.bridged.screenshot('ui-launch-refused-light-zh')
    // The refused account is not offered again.
    expect(await page.getByTestId('remembered-account').count()).toBe(0)
    expect(second.bridged.problems).toEqual([])
  })
})
