/**
 * How one row of the message list is drawn relative to its neighbours: a day separator above the first
 * message of each day, and consecutive messages of one sender grouped (name and avatar once at the
 * start, the time once at the end). Computed per rendered row from its neighbours only, so a 100,000
 * message conversation costs nothing beyond the rows on screen.
 */
import type { MessageDto } from '../../../shared/messenger'

/** Messages of one sender further apart than this start a new group. */
export const GROUP_WINDOW_S = 5 * 60

export interface RowLayout {
  /** Show a day separator above this message. */
  dayStart: boolean
  /** First of a group: name and avatar. */
  groupStart: boolean
  /** Last of a group: its time. */
  groupEnd: boolean
}

/** Local calendar day of a unix time (differs exactly when two times fall on different local dates). */
export function localDay(time: number): number {
  const d = new Date(time * 1000)
  return d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate()
}

function sameGroup(a: MessageDto, b: MessageDto): boolean {
  return (
    a.self === b.self &&
    (a.self || a.from.uin === b.from.uin) &&
    b.time - a.time <= GROUP_WINDOW_S &&
    b.time >= a.time &&
    !b.gapBefore &&
    localDay(a.time) === localDay(b.time)
  )
}

/** Layout of messages[i] (oldest first). */
export function rowLayout(messages: readonly MessageDto[], i: number): RowLayout {
  const m = messages[i]!
  const prev = messages[i - 1]
  const next = messages[i + 1]
  return {
    dayStart: !prev || localDay(prev.time) !== localDay(m.time),
    groupStart: !prev || !sameGroup(prev, m),
    groupEnd: !next || !sameGroup(m, next)
  }
}

const layouts = new WeakMap<MessageDto, { prev: MessageDto | undefined; next: MessageDto | undefined; layout: RowLayout }>()

/**
 * rowLayout, as the same object for as long as the row's neighbours are the same: a row re-rendered with
 * an equal but new layout object would re-render its message for nothing (the list re-renders to move
 * its rows several times a frame while scrolling).
 */
export function stableRowLayout(messages: readonly MessageDto[], i: number): RowLayout {
  const m = messages[i]!
  const prev = messages[i - 1]
  const next = messages[i + 1]
  const known = layouts.get(m)
  if (known && known.prev === prev && known.next === next) return known.layout
  const layout = rowLayout(messages, i)
  layouts.set(m, { prev, next, layout })
  return layout
}

/**
 * The separator text: today, yesterday, the weekday within the last week, the month and day this year,
 * else the full date.
 */
export function dayLabel(time: number, now: number, locale: string, words: { today: string; yesterday: string }): string {
  const day = new Date(time * 1000)
  // A time Date cannot hold (e.g. 1e20 s stored by an old version): no label rather than a RangeError.
  if (Number.isNaN(day.getTime())) return ''
  const today = new Date(now)
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((startOf(today) - startOf(day)) / 86_400_000)
  if (days === 0) return words.today
  if (days === 1) return words.yesterday
  if (days > 1 && days < 7) return formatOf(locale, 'weekday').format(day)
  if (day.getFullYear() === today.getFullYear()) return formatOf(locale, 'monthDay').format(day)
  return formatOf(locale, 'date').format(day)
}

const STYLES = {
  time: { hour: '2-digit', minute: '2-digit' },
  full: { dateStyle: 'full', timeStyle: 'short' },
  weekday: { weekday: 'long' },
  monthDay: { month: 'long', day: 'numeric' },
  date: { dateStyle: 'long' }
} satisfies Record<string, Intl.DateTimeFormatOptions>

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * Formatters shared by every message row and day separator: building an Intl.DateTimeFormat costs far more
 * than using one, and a fast scroll renders dozens of new rows per frame.
 */
function formatOf(locale: string, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, STYLES[style])
    formats.set(key, format)
  }
  return format
}

export function timeFormat(locale: string, style: 'time' | 'full'): Intl.DateTimeFormat {
  return formatOf(locale, style)
}
