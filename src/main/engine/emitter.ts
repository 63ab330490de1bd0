/** A tiny typed event emitter: `on` returns the unsubscribe function, and a throwing listener cannot break the engine. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>()

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on<K extends keyof Events>(event: K, cb: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(cb as (payload: never) => void)
    return () => set.delete(cb as (payload: never) => void)
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const cb of set) {
      try {
        ;(cb as (p: Events[K]) => void)(payload)
      } catch (e) {
        this.onListenerError(e)
      }
    }
  }
}
