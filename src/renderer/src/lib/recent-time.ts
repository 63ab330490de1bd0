/**
 * The time beside a recent conversation, as messengers show it: HH:MM today, "yesterday", the weekday
 * within the last week, a date before that (with the year only when it is not this year).
 */
export type RecentTime = { kind: 'time' | 'weekday' | 'date'; text: string } | { kind: 'yesterday' }

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

const DAY_MS = 86_400_000

/** `unixSeconds` relative to `now`, in `locale`; 'yesterday' is left to the caller's i18n. */
export function recentTime(unixSeconds: number, now: Date, locale: string): RecentTime {
  const when = new Date(unixSeconds * 1000)
  // Calendar days, not 24-hour spans: 23:50 yesterday is "yesterday" at 00:10.
  const days = Math.round((startOfDay(now) - startOfDay(when)) / DAY_MS)
  if (days <= 0) {
    return { kind: 'time', text: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(when) }
  }
  if (days === 1) return { kind: 'yesterday' }
  if (days < 7) return { kind: 'weekday', text: new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(when) }
  const sameYear = when.getFullYear() === now.getFullYear()
  const options: Intl.DateTimeFormatOptions = sameYear ? { month: 'numeric', day: 'numeric' } : { year: 'numeric', month: 'numeric', day: 'numeric' }
  return { kind: 'date', text: new Intl.DateTimeFormat(locale, options).format(when) }
}

/** The full date and time, for a tooltip. */
export function fullTime(unixSeconds: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(unixSeconds * 1000))
}
