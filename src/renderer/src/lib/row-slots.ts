/**
 * Which rendered element (slot) shows which row of a virtual list. The slot is the list's v-for key: a row
 * keeps its slot while it stays rendered, and a row that comes into view takes over the slot of one that
 * went out, so its element and components are patched with the new row instead of a whole subtree being
 * unmounted and another mounted. In a fast scroll every frame replaces most rows, and creating and dropping
 * their DOM was a good part of the frame and most of the garbage collection.
 */
export class RowSlots {
  private slotOf = new Map<string, number>()
  private next = 0

  /**
   * Slots for the rows `keys` (in list order). Freed slots go to new rows in the order they were used, so
   * the elements keep their document order and are patched in place. `held`: rows whose element must not
   * show another row (it has the focus or a selection): when they go out of the range, their slot leaves
   * with them and is never handed out again.
   */
  assign(keys: readonly string[], held: ReadonlySet<string> = new Set()): number[] {
    const wanted = new Set(keys)
    const free: number[] = []
    for (const [key, slot] of this.slotOf) if (!wanted.has(key) && !held.has(key)) free.push(slot)
    const next = new Map<string, number>()
    let f = 0
    const slots = keys.map((key) => {
      const slot = this.slotOf.get(key) ?? (f < free.length ? free[f++]! : this.next++)
      next.set(key, slot)
      return slot
    })
    this.slotOf = next
    return slots
  }
}
