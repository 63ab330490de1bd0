/**
 * E2E helpers for a simulator the test controls (faults, outages): the app is pointed at it as
 * "a compatible server of your own" and signs in by QR through the real login view.
 */
import type { Page } from 'playwright-core'
import { startSimulator, type Simulator } from '../../src/simulator'
import type { AppUnderTest } from './app-under-test'
import { setLocale } from './ui'

/** A small, quiet account: polls held briefly so outages and recoveries show quickly. */
export function startTestServer(): Promise<Simulator> {
  return startSimulator({
    era: '2018',
    pollHoldMs: 2000,
    sendIntervalMs: 0,
    seed: 11,
    account: { buddies: 8, groups: 2, discussions: 1, groupMembers: 8 }
  })
}

/** Settings → a compatible server at `sim.url`, then Sign in and the phone's scan; resolves in the messenger. */
export async function signInWithServer(app: AppUnderTest, sim: Simulator): Promise<void> {
  const updated = await app.services.handlers['settings:update']({ serverMode: 'custom', serverUrl: sim.url })
  if (updated.serverUrl !== sim.url) throw new Error('the custom server setting did not take')
  const { page } = app.bridged
  await page.getByTestId('start-login').click()
  await page.getByTestId('qr').waitFor({ timeout: 20_000 })
  sim.scan({ confirm: true })
  await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
}

/** Switches the UI language in the settings (where it lives), as a person would. */
export async function chooseLanguage(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await setLocale(page, locale)
}
