/**
 * A buddy's real QQ number on demand (the profile card's "look up"), through get_friend_uin2
 * (reference §4.2). SmartQQ gives out session uins, not QQ numbers; this call did until Tencent closed it
 * in 2017-04, after which it answers an HTML 404. So:
 *   - a number found is cached by the buddy's stable key for the life of the process;
 *   - "closed" (the 404) is a verdict about the service, remembered per session id: asking again in the
 *     same session would only repeat it;
 *   - a network failure is neither: it is thrown, and the next look-up asks again.
 * Concurrent look-ups of one buddy share one request.
 */
import type { QqLookupDto } from '../../shared/messenger'
import type { ProtocolClient } from '../protocol/types'
import type { Directory } from './directory'
import { EngineCommandError } from './types'

export class QqLookup {
  private readonly byKey = new Map<string, number>()
  private closedInSession: string | null = null
  private readonly inflight = new Map<string, Promise<QqLookupDto>>()

  constructor(
    private readonly client: ProtocolClient,
    private readonly directory: Directory,
    private readonly log: (message: string) => void
  ) {}

  /** What is known without asking: the directory's own look-ups, or an earlier answer here. */
  known(key: string): number | null {
    return this.byKey.get(key) ?? null
  }

  lookup(uin: number, signal?: AbortSignal): Promise<QqLookupDto> {
    const b = this.directory.buddies.get(uin)
    if (!b) return Promise.reject(new EngineCommandError(`unknown buddy ${uin} (not in the current contacts)`))
    const qq = b.qq ?? this.byKey.get(b.key)
    if (qq !== undefined && qq !== null) return Promise.resolve({ uin, qq, available: true })
    const session = this.directory.sessionId
    if (session !== null && this.closedInSession === session) return Promise.resolve({ uin, qq: null, available: false })
    let p = this.inflight.get(b.key)
    if (!p) {
      p = this.client
        .getFriendQQ(uin, signal)
        .then((found): QqLookupDto => {
          if (found === null) {
            this.closedInSession = session
            this.log('get_friend_uin2 answered 404: QQ numbers cannot be looked up on this server')
            return { uin, qq: null, available: false }
          }
          this.byKey.set(b.key, found)
          return { uin, qq: found, available: true }
        })
        .finally(() => this.inflight.delete(b.key))
      this.inflight.set(b.key, p)
    }
    return p
  }
}
