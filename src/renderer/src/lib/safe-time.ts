/**
 * Message times as people read them, without ever throwing. A time stored by an older version (or sent
 * by a broken server) can be far outside what Date represents (e.g. 1e20 s): `new Date(t * 1000)` is
 * then an Invalid Date, and Intl's format() and toISOString() throw RangeError, which used to take the
 * whole message list down. Such a time shows as an empty label instead.
 */
export function dateOfUnix(unixSeconds: number): Date | null {
  const d = new Date(unixSeconds * 1000)
  return Number.isNaN(d.getTime()) ? null : d
}

export function formatUnix(format: Intl.DateTimeFormat, unixSeconds: number): string {
  const d = dateOfUnix(unixSeconds)
  return d ? format.format(d) : ''
}

/** For <time datetime>: the ISO form, or undefined (no attribute) when the time cannot be represented. */
export function isoOfUnix(unixSeconds: number): string | undefined {
  return dateOfUnix(unixSeconds)?.toISOString()
}
