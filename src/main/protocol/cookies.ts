/**
 * The one cookie jar of a client. Its store is kept so a remembered session can be loaded
 * into the SAME jar the got instance already holds (got keeps a reference to the jar).
 */
import { Cookie, CookieJar, MemoryCookieStore } from 'tough-cookie'

export interface SessionJar {
  readonly jar: CookieJar
  /** Value of cookie `name` as it would be sent to `url`, or null. */
  get(name: string, url: URL): Promise<string | null>
  /**
   * Sets `name=value` for `url`. An existing cookie of that name keeps its domain and path (so the
   * server never sees two values); a new one gets `domain` (null: host-only).
   */
  set(name: string, value: string, url: URL, domain: string | null): Promise<void>
  serialize(): Promise<unknown>
  /** Replaces every cookie with the serialized ones. */
  load(serialized: unknown): Promise<void>
  clear(): Promise<void>
}

export function createSessionJar(): SessionJar {
  const store = new MemoryCookieStore()
  // The simulator runs on 127.0.0.1: loopback and special-use hosts must be accepted.
  const options = { rejectPublicSuffixes: false, allowSpecialUseDomain: true }
  const jar = new CookieJar(store, options)

  async function find(name: string, url: URL): Promise<Cookie | undefined> {
    const cookies = await jar.getCookies(url.href)
    return cookies.find((c) => c.key === name)
  }

  return {
    jar,
    async get(name, url) {
      return (await find(name, url))?.value ?? null
    },
    async set(name, value, url, domain) {
      const existing = await find(name, url)
      if (existing) {
        const updated = existing.clone()
        if (!updated) throw new Error(`cookie ${name} could not be copied`)
        updated.value = value
        await store.updateCookie(existing, updated)
        return
      }
      const attrs = domain ? `; Domain=${domain}` : ''
      await jar.setCookie(`${name}=${value}; Path=/${attrs}`, url.href)
    },
    async serialize() {
      return await jar.serialize()
    },
    async load(serialized) {
      await jar.removeAllCookies()
      if (typeof serialized !== 'object' || serialized === null) throw new Error('saved cookies are not an object')
      // Imports into our store, which `jar` shares.
      await CookieJar.deserialize(serialized, store)
    },
    async clear() {
      await jar.removeAllCookies()
    }
  }
}
