/**
 * useVirtualRows in a small host component. happy-dom lays nothing out, so the test plays the layout: each
 * row's height comes from its data, the scroller is VIEW px tall with a NOTE px note above the rows (and a
 * LOADING px one more while `loading` is set), and
 * scrollTop is clamped to what the content allows, as a browser does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useVirtualRows } from '../../src/renderer/src/composables/useVirtualRows'

const VIEW = 400
/** The scroller's height now: a test may shrink the view (a narrower window, a taller composer). */
let view = VIEW
const NOTE = 30
const LOADING = 24
const ESTIMATE = 58
/** Real heights differ from the estimate, as message rows do. */
const heightOf = (n: number) => 30 + ((n * 37) % 90)

interface Row {
  id: string
  n: number
}
const rowsFrom = (from: number, to: number): Row[] => Array.from({ length: to - from }, (_, k) => ({ id: `r${from + k}`, n: from + k }))

/** Where happy-dom defines each property, and its own definition to put back afterwards. */
const stubbed = (['offsetHeight', 'offsetTop', 'clientHeight', 'scrollHeight'] as const).map((name) => {
  const proto = name === 'scrollHeight' ? Element.prototype : HTMLElement.prototype
  return { proto, name, own: Object.getOwnPropertyDescriptor(proto, name)! }
})
function stub(name: (typeof stubbed)[number]['name'], get: (this: HTMLElement) => number): void {
  Object.defineProperty(stubbed.find((s) => s.name === name)!.proto, name, { configurable: true, get })
}
beforeAll(() => {
  stub('offsetHeight', function () {
    if (this.classList.contains('slot')) return heightOf(Number(this.dataset['n']))
    if (this.classList.contains('spacer')) return parseFloat(this.style.height) || 0
    return 0
  })
  stub('offsetTop', function () {
    return this.classList.contains('spacer') ? NOTE + (this.parentElement?.querySelector('.loading') ? LOADING : 0) : 0
  })
  stub('clientHeight', function () {
    return this.classList.contains('scroller') ? view : 0
  })
  stub('scrollHeight', function () {
    const spacer = this.querySelector<HTMLElement>('.spacer')
    return Math.max(view, (spacer?.offsetTop ?? 0) + (spacer?.offsetHeight ?? 0))
  })
})
afterAll(() => {
  for (const { proto, name, own } of stubbed) Object.defineProperty(proto, name, own)
})

function host(initial: Row[], stickToEnd?: () => boolean) {
  const list = reactive<Row[]>(initial)
  const loading = ref(false)
  const api: { scrollToIndex?: ReturnType<typeof useVirtualRows<Row>>['scrollToIndex'] } = {}
  const Host = defineComponent({
    setup() {
      const scroller = ref<HTMLElement | null>(null)
      const spacer = ref<HTMLElement | null>(null)
      const virtual = useVirtualRows({ scroller, spacer, rows: () => list, keyOf: (r) => r.id, estimate: ESTIMATE, overscan: 4, stickToEnd })
      api.scrollToIndex = virtual.scrollToIndex
      return () =>
        h('div', { ref: scroller, class: 'scroller' }, [
          loading.value ? h('p', { class: 'loading' }) : null,
          h(
            'div',
            { ref: spacer, class: 'spacer' },
            virtual.rows.value.map(({ index, slot }) =>
              h('div', { key: slot, ref: virtual.measure, class: 'slot', tabindex: -1, 'data-index': index, 'data-n': list[index]!.n })
            )
          )
        ])
    }
  })
  const wrapper = mount(Host, { attachTo: document.body })
  const scroller = wrapper.get('.scroller').element as HTMLElement
  // A browser keeps scrollTop within what the content allows.
  let top = 0
  Object.defineProperty(scroller, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (v: number) => (top = Math.max(0, Math.min(v, scroller.scrollHeight - view)))
  })
  const spacerTop = () => (wrapper.get('.spacer').element as HTMLElement).offsetTop
  /** Rows that have been rendered (so measured) so far. */
  const measured = new Set<number>()
  const slots = () =>
    [...scroller.querySelectorAll<HTMLElement>('.slot')].map((el) => ({
      n: Number(el.dataset['n']),
      index: Number(el.dataset['index']),
      /** Top relative to the view. */
      top: spacerTop() + Number(/translateY\((-?[\d.]+)px\)/.exec(el.style.transform)?.[1] ?? NaN) - top
    }))
  const settle = async () => {
    await nextTick()
    for (const s of slots()) measured.add(s.n)
  }
  /** The user scrolls: the offset changes, then the browser's scroll event. */
  const scrollTo = async (v: number) => {
    scroller.scrollTop = v
    scroller.dispatchEvent(new Event('scroll'))
    await settle()
  }
  /** Where rows are before the ones not yet rendered are measured: the estimate for those. */
  const estimatedRowAt = (offset: number): { index: number; offsetInRow: number } => {
    let start = 0
    for (let i = 0; i < list.length; i++) {
      const size = measured.has(list[i]!.n) ? heightOf(list[i]!.n) : ESTIMATE
      if (offset < start + size) return { index: i, offsetInRow: offset - start }
      start += size
    }
    throw new Error('past the end')
  }
  /** The list pins its newest row at the bottom (as on opening a conversation). */
  const endAt = async (index: number) => {
    api.scrollToIndex!(index, { align: 'end' })
    await settle()
  }
  return { list, loading, api, wrapper, scroller, slots, settle, scrollTo, endAt, estimatedRowAt, measured, top: () => top }
}

describe('useVirtualRows', () => {
  it('renders only rows around the view, placed one below the other by their measured heights', async () => {
    const t = host(rowsFrom(0, 10_000))
    await nextTick()
    t.api.scrollToIndex!(9_999, { align: 'end' })
    await nextTick()
    const shown = t.slots().sort((a, b) => a.index - b.index)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThan(30)
    // At the very bottom: the last row's bottom is the view's bottom.
    const last = shown.at(-1)!
    expect(last.n).toBe(9_999)
    expect(last.top + heightOf(last.n)).toBe(VIEW)
    // Contiguous, each row where the one above ends, and the view covered from top to bottom.
    for (let k = 1; k < shown.length; k++) expect(shown[k]!.top).toBe(shown[k - 1]!.top + heightOf(shown[k - 1]!.n))
    expect(shown[0]!.top).toBeLessThanOrEqual(0)
    t.wrapper.unmount()
  })

  it('renders only the rows at the end when pinned there as the rows arrive (as the list does on opening)', async () => {
    const t = host([])
    await t.settle()
    t.list.push(...rowsFrom(0, 10_000))
    await t.endAt(9_999)
    expect(Math.min(...t.measured)).toBeGreaterThan(9_900)
    const last = t.slots().find((s) => s.n === 9_999)!
    expect(last.top + heightOf(9_999)).toBe(VIEW)
    t.wrapper.unmount()
  })

  it('keeps the row in view where it was while rows above it are measured (scrolling up into rows never seen)', async () => {
    const t = host(rowsFrom(0, 10_000))
    await t.settle()
    await t.endAt(9_999)
    for (const jump of [3_000, 170_000, 40_000, 150]) {
      // The row the user scrolls to, as the list shows it before the rows there are measured.
      const target = t.top() - jump
      const { index, offsetInRow } = t.estimatedRowAt(target - NOTE)
      await t.scrollTo(target)
      const row = t.slots().find((s) => s.index === index)!
      expect(row, `row ${index} is rendered`).toBeDefined()
      expect(row.top).toBe(-offsetInRow)
      const shown = t.slots().sort((a, b) => a.index - b.index)
      expect(shown[0]!.top).toBeLessThanOrEqual(0)
      expect(shown.at(-1)!.top + heightOf(shown.at(-1)!.n)).toBeGreaterThanOrEqual(VIEW)
    }
    t.wrapper.unmount()
  })

  it('keeps the row being read in place when older rows are added above it, and when newer ones join below', async () => {
    const t = host(rowsFrom(1_000, 1_100))
    await t.settle()
    await t.endAt(99)
    await t.scrollTo(t.top() - 700)
    const reading = t.slots().find((s) => s.top <= 0 && s.top + heightOf(s.n) > 0)!
    t.list.unshift(...rowsFrom(970, 1_000))
    await nextTick()
    const after = t.slots().find((s) => s.n === reading.n)!
    expect(after.index).toBe(reading.index + 30)
    expect(after.top).toBe(reading.top)
    t.list.push(...rowsFrom(1_100, 1_110))
    await nextTick()
    expect(t.slots().find((s) => s.n === reading.n)!.top).toBe(reading.top)
    t.wrapper.unmount()
  })

  it('centres a row it is asked to show, and lets the user scroll away from it', async () => {
    const t = host(rowsFrom(0, 5_000))
    await nextTick()
    t.api.scrollToIndex!(2_500, { align: 'center' })
    await nextTick()
    const row = t.slots().find((s) => s.n === 2_500)!
    expect(Math.abs(row.top + heightOf(2_500) / 2 - VIEW / 2)).toBeLessThanOrEqual(1)
    await t.scrollTo(t.top() + 250)
    // Rows measured after the user's scroll do not pull the view back to the pinned row.
    await t.scrollTo(t.top() + 250)
    expect(t.slots().find((s) => s.n === 2_500)?.top ?? -Infinity).toBeLessThan(row.top - 400)
    t.wrapper.unmount()
  })

  it('shows rows that come into view in the elements of rows that left, but never in the focused one', async () => {
    const t = host(rowsFrom(0, 5_000))
    await t.settle()
    t.api.scrollToIndex!(2_500, { align: 'center' })
    await t.settle()
    const elements = () => [...t.scroller.querySelectorAll<HTMLElement>('.slot')]
    const before = new Set(elements())
    const focused = elements().find((el) => el.dataset['n'] === '2500')!
    focused.focus()
    expect(document.activeElement).toBe(focused)
    await t.scrollTo(t.top() + 20_000)
    const after = elements()
    expect(after.some((el) => el.dataset['n'] === '2500')).toBe(false)
    // The same elements, now showing other rows (and measured for them: the rows sit one below the other)...
    expect(after.filter((el) => before.has(el)).length).toBeGreaterThan(after.length / 2)
    const shown = t.slots().sort((a, b) => a.index - b.index)
    for (let k = 1; k < shown.length; k++) expect(shown[k]!.top).toBe(shown[k - 1]!.top + heightOf(shown[k - 1]!.n))
    // ... except the focused one, which went away with its row instead of showing another.
    expect(focused.isConnected).toBe(false)
    t.wrapper.unmount()
  })

  it('lets a note that appears above the rows push them down at the very top, and keeps them still further down', async () => {
    const t = host(rowsFrom(0, 500))
    await t.settle()
    expect(t.top()).toBe(0)
    const first = t.slots().find((s) => s.index === 0)!
    t.loading.value = true
    await t.settle()
    expect(t.top()).toBe(0)
    expect(t.slots().find((s) => s.index === 0)!.top).toBe(first.top + LOADING)
    t.loading.value = false
    await t.settle()
    await t.scrollTo(1_000)
    const reading = t.slots().find((s) => s.top <= 0 && s.top + heightOf(s.n) > 0)!
    const before = t.top()
    t.loading.value = true
    await t.settle()
    expect(t.slots().find((s) => s.n === reading.n)!.top).toBe(reading.top)
    expect(t.top()).toBe(before + LOADING)
    t.wrapper.unmount()
  })

  it('a view at the end stays at the end when it shrinks, while the list says the end is the newest row', async () => {
    // happy-dom's ResizeObserver never fires: this one hands the callback to the test.
    const observers: Array<(entries: Array<{ target: Element }>) => void> = []
    const real = globalThis.ResizeObserver
    globalThis.ResizeObserver = class {
      constructor(cb: (entries: Array<{ target: Element }>) => void) {
        observers.push(cb)
      }
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof ResizeObserver
    try {
      for (const stick of [true, false]) {
        view = VIEW
        const t = host(rowsFrom(0, 300), () => stick)
        await t.settle()
        await t.endAt(299)
        await new Promise((r) => setTimeout(r, 150)) // the pin settles and lets go
        const lastBottom = () => {
          const last = t.slots().find((x) => x.index === 299)!
          return last.top + heightOf(last.n)
        }
        expect(lastBottom()).toBe(VIEW)
        view = VIEW - 150
        observers.at(-1)!([{ target: t.scroller }])
        await t.settle()
        // Stuck to the end: the newest row is still whole at the bottom. Otherwise the first row in view
        // stays put and the newest is cut off by the shrink.
        expect(lastBottom()).toBe(stick ? view : VIEW)
        t.wrapper.unmount()
      }
    } finally {
      globalThis.ResizeObserver = real
      view = VIEW
    }
  })
})
