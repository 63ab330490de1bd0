import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import type { Simulator } from '../../src/simulator'
import { findContact, signInWithDemo, startAppUnderTest, type AppUnderTest } from './app-under-test'

vi.mock('electron', () => {
  const electron = { app: undefined, ipcMain: undefined, shell: {} }
  return { ...electron, default: electron }
})

/** Five history pages of 30 (the store's PAGE_SIZE), so reaching #1 takes four loads while scrolling. */
const COUNT = 150
/** Our numbered messages; the demo's lively scenario may chat in between, so we match only these. */
const MARK = '翻页'
/** One scroll step upwards (px), about a wheel notch or three. */
const STEP_PX = 200
const numbered = new RegExp(`^${MARK} #(\\d+)$`)

interface Row {
  id: string
  index: number
  text: string
  /** Top and bottom relative to the list's viewport (px). */
  top: number
  bottom: number
}

/** The rendered rows of the message list (the virtualizer renders only those near the viewport). */
function renderedRows(page: Page): Promise<Row[]> {
  return page.getByTestId('message-list').evaluate((list) => {
    const view = list.getBoundingClientRect()
    return [...list.querySelectorAll<HTMLElement>('.slot')].map((slot) => {
      const box = slot.getBoundingClientRect()
      return {
        id: slot.querySelector<HTMLElement>('[data-test="message"]')!.dataset['id']!,
        index: Number(slot.dataset['index']),
        text: slot.querySelector('[data-test="message-text"]')!.textContent!.trim(),
        top: box.top - view.top,
        bottom: box.bottom - view.top
      }
    })
  })
}

function spacerHeight(page: Page): Promise<number> {
  return page.getByTestId('message-list').evaluate((list) => list.querySelector('.spacer')!.clientHeight)
}

/** Lets the scroll event, a load it starts and the list's re-positioning after it all finish. */
async function settle(page: Page): Promise<void> {
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  await frames()
  await page.getByTestId('loading-older').waitFor({ state: 'detached' })
  await frames()
}

async function topVisibleRow(page: Page): Promise<Row> {
  const rows = (await renderedRows(page)).filter((r) => r.bottom > 0).sort((a, b) => a.top - b.top)
  return rows[0]!
}

describe('scrolling up pages in older history (real engine, store, virtual list)', () => {
  let app: AppUnderTest
  let page: Page
  let sim: Simulator

  beforeAll(async () => {
    app = await startAppUnderTest()
    page = app.bridged.page
    await signInWithDemo(app)
    sim = app.services.demo.simulator()!
  })

  afterAll(async () => {
    await app?.close()
  })

  it('reaches #1 by scrolling up, every message once and in order, the start marker at the very top', async () => {
    const account = sim.account()
    // A buddy nobody opened yet, so opening it loads only the newest page from the history.
    const buddy = account.buddies[account.buddies.length - 1]!
    const name = buddy.markname ?? buddy.nick
    for (let n = 1; n <= COUNT; n++) sim.pushMessage({ kind: 'buddy', from: buddy.qq, text: `${MARK} #${n}` })
    // Wait until the client has stored all of them (through the same bridge the renderer uses).
    await expect
      .poll(
        () =>
          page.evaluate(
            async ({ uin, prefix }) => {
              const result = await window.api.getHistory({ kind: 'buddy', id: uin, limit: 200 })
              return result.ok ? result.value.messages.filter((m) => m.text.startsWith(prefix)).length : -1
            },
            { uin: buddy.uin!, prefix: `${MARK} #` }
          ),
        { timeout: 30_000 }
      )
      .toBe(COUNT)
    // Read (as from another device): opening a conversation with unread messages would load pages up to
    // the first unread one (the "new messages" divider); this test pages by scrolling from the newest page.
    await page.evaluate(async (uin) => void (await window.api.markRead({ kind: 'buddy', id: uin })), buddy.uin!)

    await (await findContact(page, name, 'buddy')).click()
    await expect.poll(() => page.getByTestId('conversation-title').textContent()).toBe(name)
    const list = page.getByTestId('message-list')
    await list.getByText(`${MARK} #${COUNT}`, { exact: true }).waitFor()
    expect(await page.getByTestId('history-start').count()).toBe(0)

    // Scroll up a bit at a time like a user until the start marker shows. A load must keep the
    // reader in place: the row at the top before the step is still in view after older rows arrive.
    const height = await list.evaluate((el) => el.clientHeight)
    let loads = 0
    for (let step = 0; (await page.getByTestId('history-start').count()) === 0; step++) {
      expect(step, 'paging stopped before the start').toBeLessThan(200)
      const reading = await topVisibleRow(page)
      const total = await spacerHeight(page)
      await list.evaluate((el, px) => el.scrollBy({ top: -px, behavior: 'instant' }), STEP_PX)
      await settle(page)
      if ((await spacerHeight(page)) === total) continue
      loads++
      const after = (await renderedRows(page)).find((r) => r.id === reading.id)
      expect(after, 'the row being read stays rendered after a load').toBeDefined()
      expect(after!.bottom, 'no jump: the row being read is still in view').toBeGreaterThan(0)
      expect(after!.top, 'no jump: the row being read is still in view').toBeLessThan(height)
    }
    expect(loads).toBeGreaterThanOrEqual(COUNT / 30 - 1)

    // At the very top: the marker above the first row, and the first row is our #1.
    await list.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }))
    await settle(page)
    const marker = await page.getByTestId('history-start').boundingBox()
    const first = await list.getByText(`${MARK} #1`, { exact: true }).boundingBox()
    expect(marker).not.toBeNull()
    expect(first).not.toBeNull()
    expect(marker!.y).toBeLessThan(first!.y)
    const top = await topVisibleRow(page)
    expect(top.index).toBe(0)
    await app.bridged.screenshot('history-paging-top-zh')

    // Walk down the whole list, collecting every row the virtualizer renders, keyed by its index.
    const byIndex = new Map<number, Row>()
    for (;;) {
      for (const row of await renderedRows(page)) {
        const seen = byIndex.get(row.index)
        if (seen) expect(seen.id, `index ${row.index} shows one message`).toBe(row.id)
        byIndex.set(row.index, row)
      }
      const done = await list.evaluate((el) => {
        const before = el.scrollTop
        el.scrollTop += el.clientHeight / 2
        return el.scrollTop === before
      })
      if (done) break
      await settle(page)
    }
    const rows = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, r]) => r)
    expect(rows.map((r) => r.index)).toEqual(rows.map((_, i) => i))
    expect(new Set(rows.map((r) => r.id)).size, 'no message is shown twice').toBe(rows.length)
    const ours = rows.flatMap((r) => {
      const n = numbered.exec(r.text)?.[1]
      return n === undefined ? [] : [Number(n)]
    })
    expect(ours).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1))
    expect(app.bridged.problems).toEqual([])
  })
})
