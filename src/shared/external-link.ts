/**
 * Which links the app hands to the operating system, decided in one place for main's safe opener
 * (src/main/security/external-url.ts) and the renderer (lib/links.ts, which says why before asking).
 * Only web pages and a bare mail address: a `mailto:` with a query can attach local files
 * (`?attach=/home/u/.ssh/id_rsa` in some mail clients) or prefill anything, other schemes start other
 * programs, and credentials in a link are a phishing device (`https://bank.com@evil.example`).
 * No electron, DOM or Node import: the WHATWG URL global exists on both sides.
 */

/** Why a link is not opened; each has a sentence in the renderer (errors.link.*). */
export const LINK_REFUSALS = ['scheme', 'mailto-query', 'credentials', 'too-long', 'invalid'] as const
export type LinkRefusal = (typeof LINK_REFUSALS)[number]

/**
 * Longest link opened, in characters: Windows' URL handlers stop at 2,083 (INTERNET_MAX_URL_LENGTH),
 * so a longer one would be cut or dropped by the OS without a word. The IPC contract bounds the
 * request with the same number.
 */
export const MAX_LINK_CHARS = 2048

export type LinkCheck = { ok: true; href: string } | { ok: false; reason: LinkRefusal }

/** One mail address: a local part and a domain, no second recipient, no parameters. */
const BARE_ADDRESS = /^[^\s@?#,;:/\\%<>"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/
/** Control characters (C0, DEL, C1): never part of a link a person wrote. */
const CONTROL = /\p{Cc}/u

export function checkExternalLink(raw: string): LinkCheck {
  if (raw.length > MAX_LINK_CHARS) return { ok: false, reason: 'too-long' }
  if (CONTROL.test(raw)) return { ok: false, reason: 'invalid' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' }
    if (url.hostname === '') return { ok: false, reason: 'invalid' }
    // Re-serialised, so odd encodings cannot smuggle a different target to the OS handler.
    return url.href.length > MAX_LINK_CHARS ? { ok: false, reason: 'too-long' } : { ok: true, href: url.href }
  }
  if (url.protocol === 'mailto:') {
    if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'mailto-query' }
    return BARE_ADDRESS.test(url.pathname) ? { ok: true, href: url.href } : { ok: false, reason: 'invalid' }
  }
  return { ok: false, reason: 'scheme' }
}
