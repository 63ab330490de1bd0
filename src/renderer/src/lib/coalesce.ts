/**
 * Runs `task` at most once at a time: a call while it runs asks for exactly one more run afterwards.
 * Lookups report changes in bursts (one per resolved sender), and each burst needs one reload, not one
 * per event.
 */
export function coalesced(task: () => Promise<void>): () => void {
  let running: Promise<void> | null = null
  let again = false
  const run = (): void => {
    if (running) {
      again = true
      return
    }
    running = task().finally(() => {
      running = null
      if (again) {
        again = false
        run()
      }
    })
  }
  return run
}
