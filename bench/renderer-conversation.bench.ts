/**
 * Renderer figures for the conversation side, measured in Chromium on the BUILT renderer (out/renderer; run
 * `npx electron-vite build` first, `npm run bench` does not build the app) with the e2e test bridge in place
 * of Electron. Main is played by a small in-process dispatcher with synthetic history, so the figures are
 * the renderer's own work:
 *  1. DOM rows alive while scrolling a 100,000-message conversation from the newest to the oldest message
 *     (all 100,000 loaded in the thread; the most message rows present in the document at any frame,
 *     target <= 100);
 *  2. p95 frame time over that scroll: requestAnimationFrame deltas while the list is scrolled by a fling's
 *     worth each frame, every frame showing new rows, and rows across the whole view in every frame (the
 *     run fails otherwise: blank frames would be cheap ones) (target <= 16 ms). Chromium runs with its frame rate
 *     limit and vsync off, so a delta is the frame's own work, not the wait for the next 60 Hz tick;
 *  3. switching between two 10,000-message conversations (both loaded): from the click on the other
 *     conversation's row to the end of the frame showing its newest messages (target <= 100 ms).
 * Each figure is the median of RUNS fresh page loads (a first load warms Chromium's caches and is dropped).
 * Run: flock /tmp/qq-build.lock sh -c 'npx electron-vite build && npm run bench -- renderer-conversation'
 */
import { chromium, selectors, type Browser, type Page } from 'playwright-core'
import type { IpcResult, SessionSnapshot } from '../src/shared/ipc'
import type { BuddyDto, ContactsDto } from '../src/shared/messenger'
import { DEFAULT_SETTINGS } from '../src/shared/settings'
import { openBridgedPage, serveRenderer } from '../test/e2e/harness'

type Figure = { name: string; value: number; unit: string; target?: string }

const RUNS = 2
const BIG = 100_000
const MEDIUM = 10_000
/** Scroll distance per frame (px): a fast fling, so every frame lays out rows it has never shown. */
const FLING_PX = 24_000
/** Switches measured per page load (alternating between the two 10k conversations). */
const SWITCHES = 8

export const CONVERSATIONS = [
  { uin: 2001, name: '十万条的老朋友', count: BIG },
  { uin: 2002, name: '一万条甲', count: MEDIUM },
  { uin: 2003, name: '一万条乙', count: MEDIUM }
] as const

const WORDS = ['今天', '晚上', '一起', '吃饭', '好的', '没问题', '哈哈', '周末', '爬山', '看看这个', '明天见', '收到', '在吗', '项目', '进度']

/**
 * Installs, inside the page, the answer to history:get for the bench's conversations: each history is
 * generated there (newest first, runs of one sender, days apart now and then), because carrying 100,000
 * messages through the test bridge's binding would measure the bridge, not the renderer.
 */
export function installHistories(page: Page): Promise<void> {
  return page.evaluate(
    ([conversations, words]) => {
      const rng = (seed: number) => {
        let s = seed >>> 0
        return () => {
          s = (s * 1_664_525 + 1_013_904_223) >>> 0
          return s / 2 ** 32
        }
      }
      const history = (uin: number, count: number) => {
        const r = rng(uin)
        const out = []
        let time = 1_700_000_000
        let self = false
        for (let i = 0; i < count; i++) {
          if (r() < 0.3) self = !self
          time += r() < 0.02 ? 86_400 : Math.floor(r() * 400)
          let text = ''
          const n = 1 + Math.floor(r() * r() * 30)
          for (let w = 0; w < n; w++) text += words[Math.floor(r() * words.length)]
          if (r() < 0.05) text += ' https://example.com/p/' + i
          const segments: Array<Record<string, unknown>> = [{ type: 'text', text }]
          if (r() < 0.1) segments.push({ type: 'face', id: 14, name: '微笑' })
          out.push({
            id: `m:${uin}:${i}`,
            kind: 'buddy',
            conversationKey: `buddy:qq:${uin}`,
            conversationId: uin,
            from: self ? { uin: 1, name: '我' } : { uin, name: 'x' },
            to: self ? { uin, name: 'x' } : { uin: 1, name: '我' },
            text: segments.length > 1 ? `${text}[微笑]` : text,
            segments,
            time,
            self,
            state: self ? 'sent' : null
          })
        }
        return out.reverse()
      }
      const w = window as unknown as { __qqInvoke(channel: string, payload: unknown): Promise<unknown> }
      const bridge = w.__qqInvoke.bind(window)
      const counts = new Map(conversations.map((c) => [c.uin, c.count]))
      Object.defineProperty(window, '__qqInvoke', {
        configurable: true,
        value: (channel: string, payload: { id?: number }) => {
          const count = channel === 'history:get' ? counts.get(payload.id ?? 0) : undefined
          // The whole history in one page: the thread holds every message, as after scrolling through all of it.
          if (count === undefined) return bridge(channel, payload)
          try {
            return Promise.resolve({ ok: true, value: { messages: history(payload.id!, count), next: null } })
          } catch (e) {
            ;((window as unknown as { __benchProblems?: string[] }).__benchProblems ??= []).push(String(e))
            throw e
          }
        }
      })
    },
    [CONVERSATIONS.map((c) => ({ uin: c.uin, count: c.count })), WORDS] as const
  )
}

const SESSION: SessionSnapshot = { state: 'online', reason: null, qrDataUrl: null, self: { uin: 1, nick: '我' }, demo: true }

/** `extraBuddies`: that many more (offline, in a category of their own) for an account of realistic size. */
export function dispatcher(extraBuddies = 0): (channel: string, event: unknown, payload: unknown) => Promise<IpcResult<unknown>> {
  const extra: BuddyDto[] = Array.from({ length: extraBuddies }, (_, i) => ({
    uin: 100_000 + i,
    nick: `同学${i}`,
    markname: null,
    category: '同学',
    online: false,
    status: 'offline',
    key: `buddy:qq:${100_000 + i}`,
    vipLevel: 0
  }))
  const buddies: BuddyDto[] = CONVERSATIONS.map((c) => ({
    uin: c.uin,
    nick: c.name,
    markname: null,
    category: '好友',
    online: true,
    status: 'online',
    key: `buddy:qq:${c.uin}`,
    vipLevel: 0
  }))
  const contacts: ContactsDto = { buddies: [...buddies, ...extra], groups: [], discussions: [], recent: [], loadedAt: 1 }
  const answers: Record<string, (payload: unknown) => unknown> = {
    'app:info': () => ({ name: 'qq-desktop', version: 'bench', platform: 'linux', secretStorage: 'encrypted' }),
    'settings:get': () => DEFAULT_SETTINGS,
    'session:get': () => SESSION,
    'session:start': () => SESSION,
    'theme:get': () => ({ effective: 'light' }),
    'window:list': () => [],
    'contacts:get': () => contacts,
    'unread:get': () => [],
    'prefs:get': () => [],
    'conversations:list': () => [],
    'contacts:signature': () => ({}),
    'history:get': () => ({ messages: [], next: null }),
    'conversation:read': () => true,
    'view:focused-conversation': () => true
  }
  return async (channel, _event, payload) => {
    const answer = answers[channel]
    return answer ? { ok: true, value: answer(payload) } : { ok: false, error: { code: 'failed', message: `the bench plays no ${channel}` } }
  }
}

/** Opens a conversation by its row and waits until its newest message is on screen. */
export async function openConversation(page: Page, name: string, newestId: string): Promise<void> {
  await page.locator('[data-test="contact"]', { hasText: name }).first().click({ timeout: 120_000 })
  await page
    .locator(`[data-test="message"][data-id="${newestId}"]`)
    .waitFor({ timeout: 120_000 })
    .catch(async (e: unknown) => {
      const shown = await page.locator('[data-test="message"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')))
      const text = await page.getByTestId('conversation').textContent()
      const problems = await page.evaluate(() => (window as unknown as { __benchProblems?: string[] }).__benchProblems ?? [])
      throw new Error(`${String(e)}\nshown: ${shown.slice(0, 5).join(',')} (${shown.length})\n${text?.slice(0, 300)}\n${problems.join('\n')}`)
    })
}

/**
 * Scrolls the open list from the bottom to the top a fling per frame: max rows alive, frame deltas, and how
 * many frames were about to be painted with part of the view left without rows (a list that skipped
 * rendering while scrolling would look fast; the figures only count if this stays 0).
 */
export function scrollThrough(page: Page): Promise<{ maxRows: number; deltas: number[]; reachedTop: boolean; gaps: number }> {
  return page.evaluate(
    (fling) =>
      new Promise((resolve) => {
        const list = document.querySelector<HTMLElement>('[data-test="message-list"]')!
        const spacer = list.querySelector<HTMLElement>('.spacer')!
        const deltas: number[] = []
        let maxRows = 0
        let gaps = 0
        let last = 0
        /** Whether the rendered rows cover the part of the view where rows belong (scroll events ran before this callback). */
        const covered = (): boolean => {
          const view = list.getBoundingClientRect()
          const rows = spacer.getBoundingClientRect()
          const from = Math.max(view.top, rows.top)
          const to = Math.min(view.bottom, rows.bottom)
          const boxes = [...spacer.querySelectorAll('.slot')].map((slot) => slot.getBoundingClientRect()).sort((a, b) => a.top - b.top)
          let reached = from
          for (const box of boxes) if (box.top <= reached + 1) reached = Math.max(reached, box.bottom)
          return reached >= to - 1
        }
        list.scrollTop = list.scrollHeight
        const frame = (now: number): void => {
          if (last) deltas.push(now - last)
          last = now
          maxRows = Math.max(maxRows, document.querySelectorAll('[data-test="message"]').length)
          if (!covered()) gaps++
          if (list.scrollTop <= 0 || deltas.length > 5000) {
            resolve({ maxRows, deltas, reachedTop: list.scrollTop <= 0, gaps })
            return
          }
          list.scrollTop = Math.max(0, list.scrollTop - fling)
          requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
    FLING_PX
  )
}

/** ms from the click on `name`'s row to the end of the frame that shows `newestId`. */
function timeSwitch(page: Page, name: string, newestId: string): Promise<number> {
  return page.evaluate(
    ([rowName, id]) =>
      new Promise<number>((resolve) => {
        const row = [...document.querySelectorAll<HTMLElement>('[data-test="contact"]')].find((el) => el.textContent?.includes(rowName))!
        const start = performance.now()
        const check = (): void => {
          if (performance.now() - start > 30_000) resolve(Number.NaN)
          else if (document.querySelector(`[data-test="message"][data-id="${id}"]`))
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)))
          else requestAnimationFrame(check)
        }
        row.click()
        requestAnimationFrame(check)
      }),
    [name, newestId] as const
  )
}

/** A page with the app signed in (as played by the dispatcher), its histories installed, on the Friends tab. */
async function freshPage(browser: Browser, url: string): Promise<{ page: Page; close(): Promise<void> }> {
  const bridged = await openBridgedPage(browser, url, dispatcher() as never)
  const { page } = bridged
  await page.getByTestId('main-view').waitFor()
  await installHistories(page)
  await page.getByTestId('tab-buddies').click()
  return {
    page,
    async close() {
      const errors = bridged.problems.filter((p) => p.startsWith('pageerror'))
      await page.context().close()
      if (errors.length > 0) throw new Error(errors.join('\n'))
    }
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!

export async function run(): Promise<Figure[]> {
  const server = await serveRenderer()
  selectors.setTestIdAttribute('data-test')
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-frame-rate-limit', '--disable-gpu-vsync']
  })
  const rows: number[] = []
  const frames: number[] = []
  const switches: number[] = []
  const [big, a, b] = CONVERSATIONS
  try {
    for (let i = 0; i <= RUNS; i++) {
      // The 100,000-message scroll and the switches each on a fresh page, so one does not carry the other's memory.
      const scrolled = await freshPage(browser, server.url)
      await openConversation(scrolled.page, big.name, `m:${big.uin}:${big.count - 1}`)
      const scroll = await scrollThrough(scrolled.page)
      if (!scroll.reachedTop) throw new Error('the scroll did not reach the start of the history')
      if (scroll.gaps > 0) throw new Error(`${scroll.gaps} frames left part of the view without rows`)
      process.stderr.write(`run ${i}: scrolled 100k in ${scroll.deltas.length} frames, ${Math.round(scroll.deltas.reduce((x, y) => x + y, 0))} ms\n`)
      await scrolled.close()

      const switching = await freshPage(browser, server.url)
      await openConversation(switching.page, a.name, `m:${a.uin}:${a.count - 1}`)
      await openConversation(switching.page, b.name, `m:${b.uin}:${b.count - 1}`)
      const times: number[] = []
      for (let s = 0; s < SWITCHES; s++) {
        const to = s % 2 === 0 ? a : b
        times.push(await timeSwitch(switching.page, to.name, `m:${to.uin}:${to.count - 1}`))
      }
      await switching.close()
      process.stderr.write(`run ${i}: switches ${times.map((t) => Math.round(t)).join(' ')} ms\n`)
      if (i === 0) continue
      rows.push(scroll.maxRows)
      frames.push(p95(scroll.deltas))
      switches.push(median(times))
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return [
    { name: 'DOM message rows alive scrolling 100k messages (median of max)', value: median(rows), unit: 'rows', target: '<= 100' },
    { name: 'p95 frame time scrolling 100k messages (median)', value: median(frames), unit: 'ms', target: '<= 16' },
    { name: 'switch between two 10k-message conversations (median)', value: median(switches), unit: 'ms', target: '<= 100' }
  ]
}
