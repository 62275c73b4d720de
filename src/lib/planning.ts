/**
 * The planning calendar's days and times, pure: the newsroom's days in its time zone (the site
 * settings' `digestTimeZone`: one time zone for the newsroom's days, the digest's and the
 * calendar's), a week or month grid, and moving a time to another day at the same time of day.
 * A day is a `YYYY-MM-DD` key in that time zone; arithmetic on keys is calendar arithmetic (UTC
 * dates), so it never trips over a daylight-saving change.
 */

/** The calendar's two views. */
export const PLANNING_VIEWS = ['week', 'month'] as const
export type PlanningView = (typeof PLANNING_VIEWS)[number]

/** The stages in which an article may carry a planned date (not yet scheduled or published). */
export const PLANNED_STAGES = ['draft', 'in_review', 'changes_requested', 'approved'] as const

/** The newsroom's time zone when the site settings have none. */
export const DEFAULT_NEWSROOM_TIME_ZONE = 'Asia/Baku'

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a string is a real calendar day `YYYY-MM-DD`. */
export const isDayKey = (value: unknown): value is string => {
  if (typeof value !== 'string') return false
  const match = DAY_KEY.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** Whether the string names a time zone this runtime knows. */
export const isTimeZone = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const keyOfUTC = (date: Date) => date.toISOString().slice(0, 10)
const utcOfKey = (key: string) => new Date(`${key}T00:00:00.000Z`)

/** The day `days` after (or before) a day. */
export const addDays = (key: string, days: number): string => {
  const date = utcOfKey(key)
  date.setUTCDate(date.getUTCDate() + days)
  return keyOfUTC(date)
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (key: string): number => (utcOfKey(key).getUTCDay() + 6) % 7

export type ZonedParts = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const partsFormats = new Map<string, Intl.DateTimeFormat>()
const partsFormat = (timeZone: string) => {
  let format = partsFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormats.set(timeZone, format)
  }
  return format
}

/** A moment's wall-clock date and time in a time zone. */
export const zonedParts = (moment: Date | string, timeZone: string): ZonedParts => {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(moment))
      .map((part) => [part.type, part.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The newsroom day a moment falls on. */
export const dayKeyOf = (moment: Date | string, timeZone: string): string => {
  const { year, month, day } = zonedParts(moment, timeZone)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** The moment a wall-clock time in a time zone names (the earlier one when a clock goes back). */
export const zonedTimeToDate = (
  key: string,
  time: { hour: number; minute: number; second?: number; millisecond?: number },
  timeZone: string,
): Date => {
  const [year, month, day] = key.split('-').map(Number)
  const wanted = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second ?? 0)
  // The zone's offset at a guess, then at the corrected guess (one step suffices but for the
  // hour a clock skips or repeats).
  let guess = wanted
  for (let i = 0; i < 2; i++) {
    const seen = zonedParts(new Date(guess), timeZone)
    const seenUTC = Date.UTC(
      seen.year,
      seen.month - 1,
      seen.day,
      seen.hour,
      seen.minute,
      seen.second,
    )
    guess += wanted - seenUTC
  }
  return new Date(guess + (time.millisecond ?? 0))
}

/** The first moment of a newsroom day. */
export const startOfDay = (key: string, timeZone: string): Date =>
  zonedTimeToDate(key, { hour: 0, minute: 0 }, timeZone)

/**
 * The same time of day (in the newsroom's time zone) on another day: what moving an item on the
 * calendar does to its scheduled or planned time.
 */
export const moveToDay = (moment: Date | string, key: string, timeZone: string): Date => {
  const { hour, minute, second } = zonedParts(moment, timeZone)
  return zonedTimeToDate(
    key,
    { hour, minute, second, millisecond: new Date(moment).getUTCMilliseconds() },
    timeZone,
  )
}

/** The days a view shows around a day: a week Monday to Sunday, a month in whole weeks. */
export type PlanningRange = {
  view: PlanningView
  /** the day the view is about (in it) */
  date: string
  /** every day the grid shows, in order */
  days: string[]
  /** for the month view: the month's own days are `YYYY-MM-` this */
  month: string
  previous: string
  next: string
}

export const planningRange = (view: PlanningView, date: string): PlanningRange => {
  if (view === 'week') {
    const first = addDays(date, -weekdayOf(date))
    return {
      view,
      date,
      days: Array.from({ length: 7 }, (_, i) => addDays(first, i)),
      month: date.slice(0, 7),
      previous: addDays(date, -7),
      next: addDays(date, 7),
    }
  }
  const firstOfMonth = `${date.slice(0, 7)}-01`
  const nextMonth = addDays(firstOfMonth, 32).slice(0, 7) + '-01'
  const lastOfMonth = addDays(nextMonth, -1)
  const first = addDays(firstOfMonth, -weekdayOf(firstOfMonth))
  const last = addDays(lastOfMonth, 6 - weekdayOf(lastOfMonth))
  const days: string[] = []
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day)
  const previousMonth = addDays(firstOfMonth, -1).slice(0, 7) + '-01'
  return { view, date, days, month: date.slice(0, 7), previous: previousMonth, next: nextMonth }
}

/** The moments a range covers: from its first day's start to the start of the day after it. */
export const rangeBounds = (range: PlanningRange, timeZone: string) => ({
  from: startOfDay(range.days[0], timeZone),
  to: startOfDay(addDays(range.days[range.days.length - 1], 1), timeZone),
})
