/**
 * "Is anybody there?" for the headless mode. The engine retries network failures with backoff for
 * ever (right for a flaky link), but a bot author started without `--server` would only see silence:
 * SmartQQ's real hosts were shut down in 2019. This wraps the protocol client and reports the FIRST
 * network failure of a streak (a success ends the streak), so the caller can say so once.
 */
import { ProtocolError } from '../protocol'
import type { ProtocolClient } from '../protocol/types'

function isUnreachable(e: unknown): e is ProtocolError {
  return e instanceof ProtocolError && (e.code === 'network' || e.code === 'timeout')
}

export function watchReachability(client: ProtocolClient, onUnreachable: (error: ProtocolError) => void): ProtocolClient {
  let down = false
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result
        return result.then(
          (ok: unknown) => {
            down = false
            return ok
          },
          (e: unknown) => {
            if (isUnreachable(e) && !down) {
              down = true
              onUnreachable(e)
            }
            throw e
          }
        )
      }
    }
  })
}
