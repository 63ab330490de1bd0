/**
 * "Is anybody there?" for the headless mode. The engine retries a server it cannot reach for ever
 * (right for a flaky link), but a bot author started without `--server` would only see `login`
 * lines: SmartQQ's real hosts were shut down in 2019. This follows the engine's state and reports the
 * FIRST failed attempt of an outage (any state without a retry, e.g. online or a QR, ends it), so the
 * caller can say so once, with the cause.
 */
import type { ConnectionTrouble } from '../../shared/domain'
import type { Engine } from '../engine'

export function watchReachability(engine: Engine, onUnreachable: (trouble: ConnectionTrouble, detail: string | null) => void): void {
  let down = false
  engine.on('state', (e) => {
    if (e.retry === null) {
      down = false
      return
    }
    if (down) return
    down = true
    onUnreachable(e.retry, e.detail)
  })
}
