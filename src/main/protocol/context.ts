/** What the endpoint modules (login, poll, send, contacts) share inside one client. */
import type { SessionJar } from './cookies'
import type { HttpRequest } from './http'
import type { SessionCredentials } from './types'

export interface ClientContext {
  readonly request: HttpRequest
  readonly jar: SessionJar
  readonly serverUrl: string | undefined
  credentials: SessionCredentials | null
}
