/**
 * An unreadable settings.json at start (issue 15 row 11), in Chromium: the app starts with defaults and
 * the login screen says where the old file was kept; the file is there, unchanged.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startAppUnderTest, type AppUnderTest } from './app-under-test'
import { setLocale } from './ui'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

describe('settings file notice', () => {
  let app: AppUnderTest | undefined

  afterAll(async () => {
    await app?.close()
  })

  it('starts with defaults and says where the unreadable file was kept, in both languages', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'qq-e2e-settings-'))
    writeFileSync(join(profile, 'settings.json'), '{ "locale": "en", oops')
    app = await startAppUnderTest({ profile })
    const page = app.bridged.page
    const notice = page.getByTestId('settings-file-notice')
    await notice.waitFor({ timeout: 15_000 })
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain('设置文件无法读取，现在使用默认设置')
    const movedTo = /保留在：(.+)$/.exec(text.trim())?.[1] ?? ''
    expect(readFileSync(movedTo, 'utf8')).toBe('{ "locale": "en", oops')
    await app.bridged.screenshot('settings-file-moved-zh')
    await setLocale(page, 'en')
    await expect.poll(() => notice.textContent()).toContain('The settings file could not be read, so the default settings are used')
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'))
    await page.setViewportSize({ width: 720, height: 480 })
    await app.bridged.screenshot('settings-file-moved-en-dark-narrow')
    expect(app.bridged.problems).toEqual([])
  })
})
