import { describe, expect, it } from 'vitest'
import { RowSlots } from '../../src/renderer/src/lib/row-slots'

const keys = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `r${from + k}`)

describe('RowSlots', () => {
  it('keeps a row in its slot while it stays, and gives rows that come into view the slots of rows that left, in order', () => {
    const slots = new RowSlots()
    const first = slots.assign(keys(100, 110))
    expect(first).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    // Scrolled up three rows: r107..r109 left, r97..r99 came in and take their slots, in the order they were used.
    const up = slots.assign(keys(97, 107))
    expect(up).toEqual([7, 8, 9, 0, 1, 2, 3, 4, 5, 6])
    // A whole screen further: every row is new, and no new slot is made for them.
    const jump = slots.assign(keys(40, 50))
    expect(new Set(jump)).toEqual(new Set(up))
    expect(jump).toEqual([7, 8, 9, 0, 1, 2, 3, 4, 5, 6])
    // A longer range makes slots only for the rows beyond those.
    expect(slots.assign(keys(40, 52))).toEqual([7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 10, 11])
  })

  it('never hands the slot of a held row (focus, selection) to another row', () => {
    const slots = new RowSlots()
    slots.assign(keys(0, 4))
    // r1 holds the focus and goes out of the range: its slot leaves with it.
    const next = slots.assign(keys(10, 14), new Set(['r1']))
    expect(next).not.toContain(1)
    expect(next).toEqual([0, 2, 3, 4])
    expect(slots.assign(keys(20, 24))).not.toContain(1)
  })
})
