import { describe, expect, it } from 'vitest'
import { findKey, RowOffsets, rowRange } from '../../src/renderer/src/lib/row-offsets'

/** A seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

/** The plain answer the tree must agree with: tops by summing every height above. */
function naiveStart(sizes: number[], i: number): number {
  let s = 0
  for (let k = 0; k < i; k++) s += sizes[k]!
  return s
}

function naiveIndexAt(sizes: number[], offset: number): number {
  let top = 0
  for (let i = 0; i < sizes.length; i++) {
    if (offset < top + sizes[i]!) return i
    top += sizes[i]!
  }
  return sizes.length - 1
}

describe('RowOffsets', () => {
  it('has tops, a total and the row at an offset that agree with plain sums, before and after heights change', () => {
    const r = rng(7)
    for (const count of [1, 2, 3, 7, 8, 9, 100, 1000]) {
      const sizes = Array.from({ length: count }, () => 20 + Math.floor(r() * 100))
      const offsets = new RowOffsets(sizes)
      for (let round = 0; round < 3; round++) {
        expect(offsets.count).toBe(count)
        expect(offsets.total()).toBe(naiveStart(sizes, count))
        for (let i = 0; i <= count; i++) expect(offsets.start(i)).toBe(naiveStart(sizes, i))
        for (let k = 0; k < 200; k++) {
          const offset = Math.floor(r() * (offsets.total() + 50)) - 10
          expect(offsets.indexAt(offset)).toBe(naiveIndexAt(sizes, offset))
        }
        // Every row's own top and last pixel land on that row.
        for (let i = 0; i < count; i++) {
          expect(offsets.indexAt(naiveStart(sizes, i))).toBe(i)
          expect(offsets.indexAt(naiveStart(sizes, i + 1) - 1)).toBe(i)
        }
        // Measure some rows: heights grow and shrink.
        for (let k = 0; k < Math.ceil(count / 3); k++) {
          const i = Math.floor(r() * count)
          const size = 10 + Math.floor(r() * 150)
          expect(offsets.set(i, size)).toBe(size - sizes[i]!)
          sizes[i] = size
        }
      }
    }
  })

  it('answers for an empty list and ignores rows outside the list', () => {
    const empty = new RowOffsets([])
    expect(empty.total()).toBe(0)
    expect(empty.start(0)).toBe(0)
    expect(empty.indexAt(100)).toBe(-1)
    const offsets = new RowOffsets([10, 20])
    expect(offsets.set(5, 99)).toBe(0)
    expect(offsets.set(-1, 99)).toBe(0)
    expect(offsets.set(1, 20)).toBe(0)
    expect(offsets.size(1)).toBe(20)
    expect(offsets.size(2)).toBe(0)
    expect(offsets.total()).toBe(30)
    expect(offsets.start(9)).toBe(30)
  })

  it('keeps a 100,000-row list cheap to measure: 100,000 height changes in well under a second', () => {
    const offsets = new RowOffsets(new Float64Array(100_000).fill(58))
    const started = performance.now()
    for (let i = 99_999; i >= 0; i--) offsets.set(i, 40 + (i % 50))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(offsets.start(100_000)).toBe(offsets.total())
    let expected = 0
    for (let i = 0; i < 100_000; i++) expected += 40 + (i % 50)
    expect(offsets.total()).toBe(expected)
  })
})

describe('rowRange', () => {
  const offsets = new RowOffsets(Array.from({ length: 100 }, () => 50))

  it('covers the view plus the overscan on each side, within the list', () => {
    // Rows 10..17 overlap [500, 900): 900 is the top of row 18, which is not in view.
    expect(rowRange(offsets, 500, 400, 3)).toEqual({ start: 7, end: 21 })
    expect(rowRange(offsets, 520, 400, 0)).toEqual({ start: 10, end: 19 })
    expect(rowRange(offsets, 0, 400, 6)).toEqual({ start: 0, end: 14 })
    expect(rowRange(offsets, 4800, 400, 6)).toEqual({ start: 90, end: 100 })
    expect(rowRange(offsets, 99_999, 400, 6)).toEqual({ start: 93, end: 100 })
  })

  it('renders more rows on one side than the other when asked (ahead of a scroll)', () => {
    expect(rowRange(offsets, 500, 400, 6, 1)).toEqual({ start: 4, end: 19 })
    expect(rowRange(offsets, 500, 400, 1, 6)).toEqual({ start: 9, end: 24 })
  })

  it('renders nothing for an empty list and one row for a view with no height', () => {
    expect(rowRange(new RowOffsets([]), 0, 400, 6)).toEqual({ start: 0, end: 0 })
    expect(rowRange(offsets, 500, 0, 0)).toEqual({ start: 10, end: 11 })
  })
})

describe('findKey', () => {
  const list = (keys: string[]) => (i: number) => keys[i]

  it('finds a row where it was, shifted by rows added above, or anywhere; -1 when gone', () => {
    const before = ['c', 'd', 'e']
    const after = ['a', 'b', 'c', 'd', 'e']
    expect(findKey('d', list(before), 3, 1, 0)).toBe(1)
    expect(findKey('d', list(after), 5, 1, 2)).toBe(3)
    expect(findKey('d', list([...before, 'f']), 4, 1, 1)).toBe(1)
    expect(findKey('d', list(['x', 'd']), 2, 1, 5)).toBe(1)
    expect(findKey('e', list(['e', 'y', 'z']), 3, 2, 0)).toBe(0)
    expect(findKey('q', list(after), 5, 1, 2)).toBe(-1)
  })
})
