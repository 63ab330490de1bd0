/**
 * Free text as SQLite stores it. node:sqlite binds a JS string with its length, so a NUL is written,
 * but it reads TEXT back through C strings: everything after the first NUL was lost on every read
 * (history, search, export showed "before" for "before\0after"). So text columns never hold a NUL:
 * it is written as ESC '0', and ESC itself (U+0001, as rare) as ESC ESC. Any code point round-trips,
 * and a search needle encoded the same way matches the stored form (trigrams, LIKE, exact check).
 */
const ESC = '\u0001'
const NEEDS_ENCODING = /[\u0000\u0001]/
const ENCODE = /[\u0000\u0001]/g
const ENCODED = /\u0001([\u00010])/g

export function encodeText(text: string): string {
  return NEEDS_ENCODING.test(text) ? text.replace(ENCODE, (c) => (c === ESC ? ESC + ESC : `${ESC}0`)) : text
}

export function decodeText(stored: string): string {
  return stored.includes(ESC) ? stored.replace(ENCODED, (_, c: string) => (c === '0' ? '\u0000' : ESC)) : stored
}

/** decodeText for nullable columns. */
export function decodeNullable(stored: string | null): string | null {
  return stored === null ? null : decodeText(stored)
}
