/**
 * The dates of a profile card, formatted without ever throwing. They come from the server as it sent them:
 * a group creation time of 1e20 s, or a birthday in year 300000 or on 31 February, used to make
 * Intl.format() throw RangeError and the card never open. Such a date is shown as unknown (null here).
 */
import type { BirthdayDto } from '../../../shared/messenger'
import { dateOfUnix } from './safe-time'

/** Years QQ's birthday field can hold and a person can have been born in (the server sends 0 for "not given"). */
const FIRST_BIRTH_YEAR = 1900

/** A group's creation time (unix seconds) as a long date, or null when it cannot be a date (0 = not given). */
export function formatCreated(unixSeconds: number | null, locale: string): string | null {
  if (unixSeconds === null || !Number.isFinite(unixSeconds) || unixSeconds <= 0) return null
  const d = dateOfUnix(unixSeconds)
  return d ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d) : null
}

/**
 * A birthday as "15 March 1990", or "15 March" when the year was not given (0); null (unknown) when the
 * year cannot be a birth year (1800, 300000), or month and day do not make a calendar day (31 February).
 */
export function formatBirthday(b: BirthdayDto | null, locale: string): string | null {
  if (!b || ![b.year, b.month, b.day].every(Number.isInteger)) return null
  const knownYear = b.year !== 0
  if (knownYear && (b.year < FIRST_BIRTH_YEAR || b.year > new Date().getUTCFullYear())) return null
  // A leap year stands in for an unknown year, so 29 February stays a day.
  const year = knownYear ? b.year : 2000
  const d = new Date(Date.UTC(year, b.month - 1, b.day))
  if (Number.isNaN(d.getTime()) || d.getUTCMonth() !== b.month - 1 || d.getUTCDate() !== b.day) return null
  return new Intl.DateTimeFormat(locale, { year: knownYear ? 'numeric' : undefined, month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d)
}
