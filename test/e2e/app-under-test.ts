/**
 * The whole app for an e2e test: real services (engine, demo simulator, handlers) in this process,
 * the built renderer in Chromium over the test bridge, and main's pushes delivered to the page.
 * The test file must `vi.mock('electron')` first (electron-store is loaded lazily for that reason).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { createSenderCheck } from '../../src/main/security/sender'
import { createAppServices, type AppServices } from '../../src/main/app-services'
import { createFileSecretStore } from '../../src/main/engine'
import type { EmitEvent } from '../../src/shared/ipc'
import type { SystemTheme } from '../../src/main/desktop/theme'
import type { WindowHost } from '../../src/main/desktop/window-registry'
import { launchChromium, openBridgedPage, serveRenderer, type BridgedPage } from './harness'

export interface AppUnderTest {
  services: AppServices
  /** Paths handed out by the stand-in for the save dialog, in order. */
  exportPaths: string[]
  /** URLs main was asked to open in the browser (shell.openExternal in the app), in order. */
  openedUrls: string[]
  /** The profile folder (userData): pass it to startAppUnderTest again to play a restart. */
  profile: string
  bridged: BridgedPage
  /** Plays the OS switching between light and dark (nativeTheme in the app). */
  setSystemDark(dark: boolean): void
  /** What the window host was asked to do (the app would create, focus and close BrowserWindows). */
  windowRequests: string[]
  /** Opens another window's page (e.g. `?conversation=group:7`), bridged like the first; pushes reach every page. */
  openPage(query: string): Promise<BridgedPage>
  close(): Promise<void>
}

export async function startAppUnderTest(options: { profile?: string } = {}): Promise<AppUnderTest> {
  const { createSettingsStore } = await import('../../src/main/shell/settings-store')
  const server = await serveRenderer()
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'qq-e2e-'))
  // Pushes go to the page once it exists, exactly as webContents.send would deliver them.
  let push: EmitEvent = () => {}
  const exportPaths: string[] = []
  const openedUrls: string[] = []
  let systemDark = false
  const themeListeners = new Set<() => void>()
  const systemTheme: SystemTheme = {
    isDark: () => systemDark,
    onChange: (listener) => {
      themeListeners.add(listener)
      return () => themeListeners.delete(listener)
    }
  }
  const windowRequests: string[] = []
  const windowHost: WindowHost = {
    openConversation: (key) => windowRequests.push(`open ${key}`),
    focus: (key) => windowRequests.push(`focus ${key}`),
    close: (key) => windowRequests.push(`close ${key}`),
    showInMain: (target) => windowRequests.push(`main shows ${target.kind}:${target.id}`)
  }
  const services = createAppServices({
    appInfo: {
      name: 'qq-desktop',
      version: '0.0.0-e2e',
      platform: 'linux',
      secretStorage: 'encrypted'
    },
    settings: createSettingsStore({ cwd: profile }),
    userDataDir: profile,
    secrets: createFileSecretStore(join(profile, 'sessions')),
    emit: (channel, payload) => push(channel, payload),
    openExternal: (url) => void openedUrls.push(url),
    // Plays the save dialog: the user accepts the suggested name in the profile folder.
    pickExportPath: async (defaultName) => {
      exportPaths.push(join(profile, defaultName))
      return exportPaths[exportPaths.length - 1]!
    },
    log: () => {},
    systemTheme,
    windowHost
  })
  let browser: Browser | null = null
  try {
    browser = await launchChromium()
    const dispatch = createDispatcher(services.handlers, createSenderCheck(server.url))
    const bridged = await openBridgedPage(browser, server.url, dispatch)
    const pages: BridgedPage[] = [bridged]
    push = (channel, payload) => {
      for (const page of pages) void page.emit(channel, payload).catch(() => {})
    }
    const opened = browser
    return {
      services,
      exportPaths,
      openedUrls,
      profile,
      bridged,
      windowRequests,
      setSystemDark(dark) {
        systemDark = dark
        themeListeners.forEach((listener) => listener())
      },
      async openPage(query) {
        const page = await openBridgedPage(opened, new URL(query, server.url).toString(), dispatch)
        pages.push(page)
        return page
      },
      async close() {
        await services.stop()
        await opened.close()
        await server.close()
      }
    }
  } catch (e) {
    await services.stop()
    await browser?.close()
    await server.close()
    throw e
  }
}

/** Demo login through the UI: start the demo server, play the phone scan, wait for the messenger. */
export async function signInWithDemo(app: AppUnderTest): Promise<void> {
  const { page } = app.bridged
  await page.getByTestId('start-demo').click()
  await page.getByTestId('demo-scan').click({ timeout: 20_000 })
  await page.getByTestId('main-view').waitFor({ timeout: 20_000 })
}

/** The contact row with exactly this name, found through the (pinyin-aware) filter box. */
export async function findContact(page: Page, name: string, kind: 'buddy' | 'group' | 'discuss'): Promise<Locator> {
  await page.getByTestId('contact-filter').fill(name)
  const row = page.locator(`[data-test="contact"][data-kind="${kind}"]`, {
    has: page.getByTestId('contact-name').getByText(name, { exact: true })
  })
  await row.first().waitFor()
  return row.first()
}
