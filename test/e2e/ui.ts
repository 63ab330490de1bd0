/**
 * Operating the app's own controls in Chromium as a person does: my avatar's menu, the settings
 * dialog and its styled select (reka-ui renders menus and popups into <body>).
 */
import type { Page } from 'playwright-core'
import type { Locale } from '../../src/shared/settings'

/** Chooses an item of my avatar's menu (status, do not disturb, profile, settings, About, sign out). */
export async function chooseFromSelfMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId('self-menu').click()
  await page.getByTestId(item).click()
}

/** Opens the settings: from my avatar's menu when signed in, else the title bar's settings button. */
export async function openSettings(page: Page): Promise<void> {
  if ((await page.getByTestId('self-menu').count()) > 0) await chooseFromSelfMenu(page, 'open-settings')
  else await page.getByTestId('open-settings').click()
  await page.getByTestId('settings-view').waitFor()
}

/** Picks a value of a UiSelect (its trigger's data-test, the option's `${test}-${value}`). */
export async function pickOption(page: Page, test: string, value: string): Promise<void> {
  await page.getByTestId(test).click()
  await page.getByTestId(`${test}-${value}`).click()
}

/** Changes the UI language the way a person does (language lives in the settings only). */
export async function setLocale(page: Page, locale: Locale): Promise<void> {
  await openSettings(page)
  await pickOption(page, 'settings-locale', locale)
  await page.getByTestId('settings-close').click()
  await page.getByTestId('settings-view').waitFor({ state: 'detached' })
  await page.waitForFunction((l) => document.documentElement.lang === l, locale)
}
