/**
 * E2E harness: the BUILT renderer in Debian Chromium, with a test bridge standing in for Electron.
 *
 * - The page is served over http from out/renderer (Chromium blocks vite's crossorigin module
 *   scripts on file://).
 * - The built preload (out/preload/index.cjs) runs as an init script with a fake `require` that
 *   only knows 'electron'; its ipcRenderer forwards to a Playwright binding that calls the REAL
 *   main-process dispatcher and handlers in this test process, with the real sender check
 *   applied to the calling frame's URL. So renderer, preload, contract and main logic are tested
 *   together; only the Electron transport is replaced.
 */
import { createServer, type Server } from 'node:http'
import { readFileSync, mkdirSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, selectors, type Browser, type Page } from 'playwright-core'
import type { Dispatch } from '../../src/main/ipc/dispatcher'
import { repositoryRoot } from '../repository-root'

const ROOT = repositoryRoot(import.meta.dirname)
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const PRELOAD_FILE = join(ROOT, 'out/preload/index.cjs')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/e2e')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2'
}

export async function serveRenderer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path))
    if (!file.startsWith(RENDERER_DIR)) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = readFileSync(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r()))
  }
}

export async function launchChromium(): Promise<Browser> {
  // Components mark test hooks with data-test (the same attribute the unit tests use).
  selectors.setTestIdAttribute('data-test')
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic'
    ]
  })
}

function preloadInitScript(preloadCode: string): string {
  return `(() => {
  const listeners = new Map()
  window.__qqEmit = (channel, payload) => {
    for (const fn of listeners.get(channel) ?? []) fn({ sender: 'test-bridge' }, payload)
  }
  const electron = {
    contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value, enumerable: true }) },
    ipcRenderer: {
      invoke: (channel, payload) => window.__qqInvoke(channel, payload),
      on: (channel, fn) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn) },
      removeListener: (channel, fn) => { listeners.get(channel)?.delete(fn) }
    }
  }
  const require = (name) => {
    if (name === 'electron') return electron
    throw new Error('a sandboxed preload may only require electron, not ' + name)
  }
  const module = { exports: {} }
  // Its own function scope, as Node's CommonJS wrapper gives it.
  ;(function (require, module, exports) {
${preloadCode}
  })(require, module, module.exports)
})()`
}

export interface BridgedPage {
  page: Page
  /** Play a main -> renderer push, as webContents.send would. */
  emit(channel: string, payload: unknown): Promise<void>
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[]
  screenshot(name: string): Promise<string>
}

export async function openBridgedPage(browser: Browser, pageUrl: string, dispatch: Dispatch): Promise<BridgedPage> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 720 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  await page.exposeBinding('__qqInvoke', (source, channel: string, payload: unknown) =>
    dispatch(channel, { senderFrame: { url: source.frame.url() } }, payload)
  )
  await page.addInitScript(preloadInitScript(readFileSync(PRELOAD_FILE, 'utf8')))
  await page.goto(pageUrl)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return {
    page,
    problems,
    emit: (channel, payload) =>
      page.evaluate(([c, p]) => (window as unknown as { __qqEmit(c: string, p: unknown): void }).__qqEmit(c, p), [channel, payload] as const),
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    }
  }
}
