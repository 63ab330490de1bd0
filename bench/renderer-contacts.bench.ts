/**
 * Renderer figures for the contacts side, measured in Chromium on the BUILT renderer (out/renderer, run
 * `npx electron-vite build` first; `npm run bench` does not build the app) with the e2e test bridge in place
 * of Electron. Main is played by a small in-process dispatcher with synthetic data, so the figures are the
 * renderer's own work, not the engine's or the transport's:
 *  1. first render of a 5,000-buddy list: from the click on the Friends tab (the list never shown before,
 *     so its rows are computed for the first time: categories, presence + pinyin order) to the end of the
 *     frame that shows them (target <= 100 ms);
 *  2. first render of a 3,000-member panel: from the click on "Members" to the end of the frame that shows
 *     the rows (target <= 100 ms).
 * Each figure is the median of RUNS fresh page loads (the first load warms Chromium's caches and is dropped).
 * Run: flock /tmp/qq-build.lock sh -c 'npx electron-vite build && npm run bench -- renderer-contacts'
 */
import type { Page } from 'playwright-core'
import type { IpcResult, SessionSnapshot } from '../src/shared/ipc'
import type { BuddyDto, ContactsDto, MemberDto } from '../src/shared/messenger'
import type { PresenceStatus } from '../src/shared/domain'
import { DEFAULT_SETTINGS } from '../src/shared/settings'
import { launchChromium, openBridgedPage, serveRenderer } from '../test/e2e/harness'

type Figure = { name: string; value: number; unit: string; target?: string }

const BUDDIES = 5000
const MEMBERS = 3000
const RUNS = 5
const GROUP_ID = 7001

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然子轩梓涵欣怡思雨晨阳佳琪嘉豪俊杰雪梅志强建国'
const STATUSES: PresenceStatus[] = ['online', 'online', 'away', 'busy', 'silent', 'offline', 'offline', 'offline', 'offline', 'callme']

/** A deterministic generator, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

function name(r: () => number): string {
  const pick = (chars: string): string => chars[Math.floor(r() * chars.length)]!
  return pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : '')
}

function contacts(): ContactsDto {
  const r = rng(5000)
  const buddies: BuddyDto[] = Array.from({ length: BUDDIES }, (_, i) => {
    const status = STATUSES[Math.floor(r() * STATUSES.length)]!
    return {
      uin: 100_000 + i,
      nick: r() < 0.1 ? `user_${i}` : name(r),
      markname: r() < 0.2 ? name(r) : null,
      category: `分组${Math.floor(r() * 12)}`,
      online: status !== 'offline',
      status,
      key: `buddy:qq:${100_000 + i}`,
      vipLevel: r() < 0.15 ? 1 + Math.floor(r() * 7) : 0
    }
  })
  return {
    buddies,
    groups: [{ gid: GROUP_ID, code: 8001, name: '三千人大群', markname: null, key: 'group:name:三千人大群' }],
    discussions: [{ did: 9001, name: '周末爬山', key: 'discuss:name:周末爬山' }],
    recent: [],
    loadedAt: 1
  }
}

function members(): MemberDto[] {
  const r = rng(3000)
  return Array.from({ length: MEMBERS }, (_, i) => {
    const nick = name(r)
    const card = r() < 0.4 ? `【${['管理', '技术', '新人', '老友'][Math.floor(r() * 4)]}】${name(r)}` : null
    const status = STATUSES[Math.floor(r() * STATUSES.length)]!
    return { uin: 500_000 + i, nick, card, name: card ?? nick, status, role: i === 0 ? 'owner' : r() < 0.01 ? 'admin' : null }
  })
}

const SESSION: SessionSnapshot = { state: 'online', reason: null, qrDataUrl: null, self: { uin: 1, nick: '我' }, demo: true }

interface Main {
  dispatch(channel: string, event: unknown, payload: unknown): Promise<IpcResult<unknown>>
  /** Lets the held contacts:get answer go. */
  releaseContacts(): void
}

/**
 * Plays main: the channels the messenger needs at start, with synthetic data; anything else is refused.
 * The first contacts:get is held until releaseContacts(), so the page can switch away from the buddy
 * list before there is anything to show in it.
 */
function playMain(): Main {
  const data = contacts()
  const list = members()
  let release = (): void => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const answers: Record<string, (payload: unknown) => unknown> = {
    'app:info': () => ({ name: 'qq-desktop', version: 'bench', platform: 'linux', secretStorage: 'encrypted' }),
    'settings:get': () => DEFAULT_SETTINGS,
    'session:get': () => SESSION,
    'session:start': () => SESSION,
    'theme:get': () => ({ effective: 'light' }),
    'window:list': () => [],
    'contacts:get': () => released.then(() => data),
    'members:get': () => list,
    'unread:get': () => [],
    'prefs:get': () => [],
    'conversations:list': () => [],
    'contacts:signature': () => ({}),
    'history:get': () => ({ messages: [], next: null }),
    'conversation:read': () => false,
    'view:focused-conversation': () => true
  }
  return {
    releaseContacts: () => release(),
    async dispatch(channel, _event, payload) {
      const answer = answers[channel]
      return answer ? { ok: true, value: await answer(payload) } : { ok: false, error: { code: 'failed', message: `the bench plays no ${channel}` } }
    }
  }
}

/**
 * Clicks `button` inside the page and resolves with the ms from the click to the end of the frame in
 * which `rows` first exist (two animation frames: the one that lays them out, then the one after it).
 */
function timeFirstRender(page: Page, button: string, rows: string): Promise<number> {
  return page.evaluate(
    ([buttonSelector, rowSelector]) =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        const done = (): void => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)))
        const observer = new MutationObserver(() => {
          if (document.querySelector(rowSelector)) {
            observer.disconnect()
            done()
          }
        })
        observer.observe(document.body, { childList: true, subtree: true })
        document.querySelector<HTMLElement>(buttonSelector)!.click()
      }),
    [button, rows] as const
  )
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function run(): Promise<Figure[]> {
  const server = await serveRenderer()
  const browser = await launchChromium()
  const buddyTimes: number[] = []
  const memberTimes: number[] = []
  try {
    for (let i = 0; i <= RUNS; i++) {
      const main = playMain()
      const { page } = await openBridgedPage(browser, server.url, main.dispatch as never)
      await page.getByTestId('main-view').waitFor()
      // Away from the buddy list before the contacts arrive, so the click below is the list's first render
      // (its rows computed for the first time, not a cached list shown again).
      await page.getByTestId('tab-discussions').click()
      main.releaseContacts()
      await page.locator('[data-test="contact"][data-kind="discuss"]').waitFor()
      const buddies = await timeFirstRender(page, '[data-test="tab-buddies"]', '[data-test="contact"][data-kind="buddy"]')
      const rendered = await page.locator('[data-test="contact"]').count()
      if (rendered > 100) throw new Error(`the buddy list put ${rendered} rows in the DOM: it is not virtualised`)

      await page.getByTestId('tab-groups').click()
      await page.locator('[data-test="contact"][data-kind="group"]').first().click()
      await page.getByTestId('members-toggle').waitFor()
      // The members are loaded when the group opens; the panel renders them on the click.
      await page.waitForTimeout(200)
      const panel = await timeFirstRender(page, '[data-test="members-toggle"]', '[data-test="member"]')
      if (i > 0) {
        buddyTimes.push(buddies)
        memberTimes.push(panel)
      }
      await page.context().close()
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return [
    {
      name: `first render, ${BUDDIES.toLocaleString('en')}-buddy list (median of ${RUNS})`,
      value: median(buddyTimes),
      unit: 'ms',
      target: '<= 100 ms'
    },
    {
      name: `first render, ${MEMBERS.toLocaleString('en')}-member panel (median of ${RUNS})`,
      value: median(memberTimes),
      unit: 'ms',
      target: '<= 100 ms'
    }
  ]
}
