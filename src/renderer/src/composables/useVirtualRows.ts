import { onBeforeUnmount, onMounted, onUpdated, shallowRef, toRaw, watch, type Ref } from 'vue'
import { findKey, RowOffsets, rowRange } from '../lib/row-offsets'
import { RowSlots } from '../lib/row-slots'

/** No scroll event for this long: the scroll has ended. */
const SCROLL_END_MS = 150
/**
 * Rows rendered behind a moving view: the rows there are rendered by estimate and often turn out shorter
 * once measured, and a second row keeps the view's trailing edge covered without another render.
 */
const BEHIND = 2

export type Align = 'start' | 'center' | 'end'

/** Pixels from the end that still count as at the end (subpixel layout, rounding). */
const END_SLACK = 2

export interface VirtualRowsOptions<T> {
  /** The scrolling element; it must be the spacer's offsetParent (position: relative) and have overflow-anchor: none. */
  scroller: Ref<HTMLElement | null>
  /** The element the rows are placed in; there may be other content above it in the scroller. */
  spacer: Ref<HTMLElement | null>
  /** The rows, oldest first (a reactive array: its length and ends are watched, it is read raw in bulk). */
  rows: () => readonly T[]
  keyOf: (row: T) => string
  /** Height of a row not measured yet (px). */
  estimate: number
  /** Rows rendered beyond each edge of the view (while scrolling: ahead of it only, see BEHIND). */
  overscan: number
  /**
   * True while the rows end with the newest one (a chat thread not detached into history): a view at the
   * end then stays at the end when rows below grow or the view shrinks (a narrower window wraps lines).
   */
  stickToEnd?: () => boolean
}

/**
 * A virtual list for long histories (100,000 messages and more). Only the rows near the view are rendered
 * (`rows`: each row's index and the slot to key it by, so that elements are reused for the rows that come
 * into view, see lib/row-slots). Each slot element carries `data-index` and is given to `measure` as a
 * function ref; it is measured after each render that gives it a row, and followed by a ResizeObserver.
 *
 * Why not @tanstack/vue-virtual: its offsets are a prefix-sum array rebuilt from the measured row to the end
 * of the list, and it rebuilt them for each row measured while scrolling, so in a 100,000-message thread
 * every frame of a fast scroll spent tens of milliseconds there (bench/renderer-conversation). Here the
 * offsets are a Fenwick tree (lib/row-offsets): measuring a row costs O(log n).
 *
 * Rows are placed (and the spacer sized) by writing their styles directly, not through the template: rows
 * move whenever rows above them are measured, several times a frame while scrolling, and re-rendering the
 * list for that would cost more than the move. Whatever moves rows (a measurement, older pages added on
 * top, a note shown above the rows), the first row in view stays where it was on screen; `scrollToIndex`
 * pins a row instead, until it has stayed put for two frames or the user scrolls.
 */
export function useVirtualRows<T>(options: VirtualRowsOptions<T>) {
  const { scroller, spacer, keyOf, estimate, overscan } = options
  /** Heights measured so far, by key: rows keep theirs when pages are added above them. */
  const measured = new Map<string, number>()
  let raw: readonly T[] = []
  let offsets = new RowOffsets([])
  let range = { start: 0, end: 0 }
  /** The rows to render: each row's index and its slot, the key to render it under (lib/row-slots). */
  const rows = shallowRef<Array<{ index: number; slot: number }>>([])
  const rowSlots = new RowSlots()
  /** The spacer's top inside the scroller's content (below the padding and any note above the rows). */
  let spacerTop = 0
  let viewHeight = 0

  /** The first row in view and its top relative to the view, as last seen. */
  let anchor: { key: string; index: number; rowTop: number; scrollTop: number; spacerTop: number } | null = null
  /**
   * Which way the user is scrolling (-1 up, 1 down, 0 not for a moment). Rows behind a moving view are not
   * shown again, so while scrolling only the rows ahead of it are rendered beyond the view.
   */
  let direction = 0
  /** The scroll offset as of the last scroll event, moved along by our own writes since. */
  let knownTop = 0
  let still: ReturnType<typeof setTimeout> | undefined
  let pin: { key: string; index: number; align: Align; written: number; moved: boolean; quiet: number; frames: number } | null = null

  const keyAt = (i: number): string | undefined => (i >= 0 && i < raw.length ? keyOf(raw[i]!) : undefined)
  /**
   * The scroller's offset, read where the layout is up to date anyway (the scroll event, after measuring):
   * reading scrollTop after the rows were moved would lay the page out once more.
   */
  let top = 0
  const readTop = (): number => (top = scroller.value?.scrollTop ?? 0)

  function writeScrollTop(to: number): number {
    const el = scroller.value!
    const before = top
    el.scrollTop = to
    readTop()
    // Only our own move: one the user made since the last scroll event still shows in the next one.
    knownTop += top - before
    return top
  }

  /** Whether the view showed the end of the content when last captured. */
  let atEnd = false
  /**
   * The content below the rows (the scroller's padding, a note after the spacer), as last read where the
   * layout was up to date: capture() runs right after rows moved, where reading scrollHeight would lay the
   * page out once more per frame.
   */
  let trailing = 0
  const readTrailing = (el: HTMLElement): number => (trailing = el.scrollHeight - spacerTop - (spacer.value?.offsetHeight ?? 0))

  function capture(): void {
    atEnd = top + viewHeight >= spacerTop + offsets.total() + trailing - END_SLACK
    const index = offsets.indexAt(top - spacerTop)
    const key = keyAt(index)
    anchor = key === undefined ? null : { key, index, rowTop: spacerTop + offsets.start(index) - top, scrollTop: top, spacerTop }
  }

  /**
   * Where the anchor row is back where it was on screen (plus whatever the user scrolled since); null: no
   * anchor. At the very top a note shown above the rows (loading older messages) pushes them down instead,
   * so it is seen, as the browser's own scroll anchoring does at offset 0; rows added or measured above the
   * anchor are still made up for.
   */
  function anchored(): number | null {
    if (!anchor || keyAt(anchor.index) !== anchor.key) return null
    const above = anchor.scrollTop <= 0 && top <= 0 ? anchor.spacerTop : spacerTop
    return above + offsets.start(anchor.index) - anchor.rowTop + (top - anchor.scrollTop)
  }

  /** The scroll offset that shows the pinned row as asked. */
  function pinTarget(p: NonNullable<typeof pin>): number {
    const el = scroller.value!
    // Below the rows: the scroller's padding and any note after the spacer.
    readTrailing(el)
    const max = spacerTop + offsets.total() + trailing - viewHeight
    const start = spacerTop + offsets.start(p.index)
    const size = offsets.size(p.index)
    const last = p.index === offsets.count - 1
    const to = p.align === 'start' ? start : p.align === 'center' ? start + size / 2 - viewHeight / 2 : last ? max : start + size - viewHeight
    return Math.round(Math.max(0, Math.min(to, max)))
  }

  function applyPin(): void {
    if (!pin) return
    const target = pinTarget(pin)
    if (Math.abs(target - top) < 1) return
    pin.written = writeScrollTop(target)
    pin.moved = true
  }

  function viewRange(at: number): { start: number; end: number } {
    return rowRange(offsets, at - spacerTop, viewHeight, direction > 0 ? BEHIND : overscan, direction < 0 ? BEHIND : overscan)
  }

  /**
   * `keep`: leave the rendered rows as they are while they still cover the view. After a measurement the
   * wanted range is often one row off, and rendering that row would mean measuring (and moving) again
   * within the same frame; the next scroll event renders the full range anyway.
   */
  function updateRange(keep: boolean): void {
    if (keep) {
      const view = rowRange(offsets, top - spacerTop, viewHeight, 0)
      if (view.start >= range.start && view.end <= range.end) return
    }
    const next = viewRange(top)
    if (next.start !== range.start || next.end !== range.end) setRange(next)
  }

  function setRange(next: { start: number; end: number }): void {
    range = next
    const keys: string[] = []
    for (let i = next.start; i < next.end; i++) keys.push(keyAt(i)!)
    const slotIds = rowSlots.assign(keys, held())
    rows.value = slotIds.map((slot, k) => ({ index: next.start + k, slot }))
  }

  const pending: HTMLElement[] = []
  /** Slot elements in the document, and the top each was last placed at. */
  const slots = new Map<HTMLElement, number>()
  /** The row each slot element was last measured showing. */
  const shown = new WeakMap<Element, string>()
  let spacerHeight = -1
  let observer: ResizeObserver | null = null

  /** Function ref for each slot (called at every render): a slot is measured when it shows a row it did not before. */
  function measure(el: unknown): void {
    if (!(el instanceof HTMLElement)) return
    const key = keyAt(Number(el.dataset['index']))
    if (key === undefined || shown.get(el) === key) return
    shown.set(el, key)
    pending.push(el)
  }

  /** Rows whose element has the focus or a selection in it: their slot must not show another row. */
  function held(): Set<string> {
    const out = new Set<string>()
    const selection = document.getSelection()
    const nodes = [document.activeElement, ...(selection && !selection.isCollapsed ? [selection.anchorNode, selection.focusNode] : [])]
    if (!nodes.some((node) => node && spacer.value?.contains(node))) return out
    for (const el of slots.keys()) {
      const key = shown.get(el)
      if (key !== undefined && nodes.some((node) => node && el.contains(node))) out.add(key)
    }
    return out
  }

  /** Records a row's height from its slot element. */
  function applySize(el: HTMLElement): void {
    const index = Number(el.dataset['index'])
    const key = keyAt(index)
    const size = el.offsetHeight
    // A row with no height is not laid out (a hidden list): nothing to learn from it.
    if (key === undefined || size <= 0) return
    measured.set(key, size)
    offsets.set(index, size)
  }

  function measurePending(): void {
    for (const el of pending.splice(0)) {
      if (!el.isConnected) continue
      applySize(el)
      if (!slots.has(el)) observer?.observe(el)
      slots.set(el, Number.NaN)
    }
  }

  /** Writes the spacer's height and each slot's top where they changed; forgets slots that left. */
  function place(): void {
    const total = offsets.total()
    if (spacer.value && total !== spacerHeight) {
      spacer.value.style.height = `${total}px`
      spacerHeight = total
    }
    for (const [el, placed] of slots) {
      if (!el.isConnected) {
        observer?.unobserve(el)
        slots.delete(el)
        continue
      }
      const at = offsets.start(Number(el.dataset['index']))
      if (at === placed) continue
      el.style.transform = `translateY(${at}px)`
      slots.set(el, at)
    }
  }

  /** After anything may have moved the rows: place them, keep the pinned or anchored row in view, render what it shows. */
  function reposition(): void {
    const el = scroller.value
    if (!el) return
    spacerTop = spacer.value?.offsetTop ?? 0
    readTop()
    if (pin) {
      place()
      applyPin()
    } else if (atEnd && options.stickToEnd?.()) {
      place()
      writeScrollTop(el.scrollHeight - el.clientHeight)
    } else {
      const wanted = anchored()
      const move = wanted !== null && Math.abs(wanted - top) >= 1
      // Scrolled before the rows move, the page is laid out once; past the present end it would be cut short.
      const early = move && wanted <= el.scrollHeight - el.clientHeight
      if (early) writeScrollTop(wanted)
      place()
      if (move && !early) writeScrollTop(wanted)
    }
    updateRange(true)
    capture()
  }

  /** The list's length and end keys when the offsets were built: rows join only at the ends. */
  let built = ''
  const signature = (list: readonly T[]): string => (list.length > 0 ? `${list.length}\n${keyOf(list[0]!)}\n${keyOf(list[list.length - 1]!)}` : '')

  /** Rebuilds the offsets for a changed list, keeping the anchor (or the pin) on its row. */
  function rebuild(): void {
    const next = toRaw(options.rows())
    const added = next.length - offsets.count
    raw = next
    built = signature(raw)
    const sizes = new Float64Array(raw.length)
    for (let i = 0; i < raw.length; i++) sizes[i] = measured.get(keyOf(raw[i]!)) ?? estimate
    offsets = new RowOffsets(sizes)
    if (pin) {
      pin.index = findKey(pin.key, keyAt, raw.length, pin.index, added)
      if (pin.index < 0) pin = null
    }
    if (anchor) {
      anchor.index = findKey(anchor.key, keyAt, raw.length, anchor.index, added)
      if (anchor.index < 0) anchor = null
    }
    // Render the rows the view will show once repositioned after this render (as far as is known now).
    readTop()
    setRange(viewRange(pin ? pinTarget(pin) : (anchored() ?? top)))
  }

  /** Rebuilds unless done for this list already (scrollToIndex may have, before the watcher below ran). */
  function fresh(): void {
    const list = toRaw(options.rows())
    if (list !== raw || signature(list) !== built) rebuild()
  }

  // Pages join at either end and a jump replaces the thread; the rows' own changes are followed by measuring.
  watch(
    [
      () => options.rows(),
      () => options.rows().length,
      () => {
        const list = options.rows()
        return list.length > 0 ? keyOf(list[0]!) + '\n' + keyOf(list[list.length - 1]!) : ''
      }
    ],
    () => (scroller.value ? fresh() : undefined),
    { flush: 'pre' }
  )

  function onScroll(): void {
    readTop()
    // The layout is up to date in a scroll event: the cheap moment to see what lies below the rows.
    if (scroller.value) readTrailing(scroller.value)
    if (pin && Math.abs(top - pin.written) > 1) pin = null
    const moved = top - knownTop
    knownTop = top
    if (moved !== 0) {
      direction = Math.sign(moved)
      clearTimeout(still)
      still = setTimeout(() => {
        direction = 0
        readTop()
        updateRange(false)
      }, SCROLL_END_MS)
    }
    capture()
    updateRange(false)
  }

  /**
   * Pins row `index` (clamped) in view as `align` says until it settles (see above). Called before the
   * render of a changed list (in a watcher or onMounted), the list renders the rows there and no others.
   */
  function scrollToIndex(index: number, { align = 'start' }: { align?: Align } = {}): void {
    if (!scroller.value) return
    fresh()
    if (offsets.count === 0) return
    const i = Math.max(0, Math.min(index, offsets.count - 1))
    const settling = pin !== null
    pin = { key: keyAt(i)!, index: i, align, written: readTop(), moved: true, quiet: 0, frames: 0 }
    reposition()
    if (!settling) requestAnimationFrame(settlePin)
  }

  /** Releases the pin once it has stayed put for two frames (or after about two seconds of frames). */
  function settlePin(): void {
    if (!pin) return
    pin.quiet = pin.moved ? 0 : pin.quiet + 1
    pin.moved = false
    if (pin.quiet >= 2 || ++pin.frames > 120) pin = null
    else requestAnimationFrame(settlePin)
  }

  onMounted(() => {
    const el = scroller.value
    if (!el) return
    viewHeight = el.clientHeight
    el.addEventListener('scroll', onScroll, { passive: true })
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver((entries) => {
        for (const entry of entries) {
          const target = entry.target as HTMLElement
          if (target === el) viewHeight = el.clientHeight
          else if (target.isConnected) applySize(target)
        }
        reposition()
      })
      observer.observe(el)
    }
    rebuild()
    measurePending()
    reposition()
  })
  onUpdated(() => {
    measurePending()
    reposition()
  })
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll)
    observer?.disconnect()
    observer = null
    clearTimeout(still)
    pin = null
  })

  return { rows, measure, scrollToIndex }
}
