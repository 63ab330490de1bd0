/**
 * The window's memory, in Chromium on the BUILT renderer (run `npx electron-vite build` first) with the e2e
 * test bridge and the synthetic account of bench/renderer-conversation plus 5,000 more buddies: the
 * 100,000-message conversation is opened and scrolled from the newest to the oldest message, ten times on
 * the same page. After each pass the JS heap is measured after a full garbage collection (Chrome DevTools
 * protocol: HeapProfiler.collectGarbage, Runtime.getHeapUsage). Printed: the heap after the first pass
 * (target <= 150 MB) and its growth over the ten (target: none); every pass on stderr. Expected growth: the
 * message list keeps every row height it has measured (useVirtualRows `measured`, by message id), so each pass
 * over rows not seen before adds a little, shrinking, until every row of the thread has been measured once.
 * Run: npx electron-vite build && npm run bench -- renderer-memory
 */
import { chromium, selectors } from 'playwright-core'
import { openBridgedPage, serveRenderer } from '../test/e2e/harness'
import { CONVERSATIONS, dispatcher, installHistories, openConversation, scrollThrough } from './renderer-conversation.bench'

type Figure = { name: string; value: number; unit: string; target?: string }

const PASSES = 10
const EXTRA_BUDDIES = 5000

export async function run(): Promise<Figure[]> {
  const server = await serveRenderer()
  selectors.setTestIdAttribute('data-test')
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-frame-rate-limit', '--disable-gpu-vsync']
  })
  try {
    const bridged = await openBridgedPage(browser, server.url, dispatcher(EXTRA_BUDDIES) as never)
    const { page } = bridged
    await page.getByTestId('main-view').waitFor({ timeout: 120_000 })
    await installHistories(page)
    await page.getByTestId('tab-buddies').click()
    const big = CONVERSATIONS[0]
    await openConversation(page, big.name, `m:${big.uin}:${big.count - 1}`)
    const cdp = await page.context().newCDPSession(page)
    const heapMb = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024
    }
    const heaps: number[] = []
    for (let i = 0; i < PASSES; i++) {
      const pass = await scrollThrough(page)
      if (!pass.reachedTop) throw new Error('the scroll did not reach the start of the history')
      heaps.push(await heapMb())
      process.stderr.write(`  pass ${i + 1}: scrolled 100k in ${pass.deltas.length} frames, JS heap ${heaps.at(-1)!.toFixed(1)} MB\n`)
    }
    const errors = bridged.problems.filter((p) => p.startsWith('pageerror'))
    if (errors.length > 0) throw new Error(errors.join('\n'))
    return [
      { name: 'JS heap, 5,000 buddies + 100k messages scrolled end to end', value: heaps[0]!, unit: 'MB', target: '<= 150' },
      { name: `JS heap growth over ${PASSES} passes (last - first)`, value: heaps.at(-1)! - heaps[0]!, unit: 'MB', target: '~0' }
    ]
  } finally {
    await browser.close()
    await server.close()
  }
}
