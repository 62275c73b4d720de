/**
 * The embargo ("not before"): an article may carry a time before which nobody publishes it,
 * editors and admins included. It is a fact of the story: a language version is held by its
 * original's embargo as well as its own (src/translations/shared.ts copies it to every version).
 * Pure: no I/O. The workflow's rules and hooks (src/workflow/) and the importer read these.
 *
 * - Publishing (any write whose result is published) while the embargo lies ahead: refused.
 * - Scheduling (any write whose result is `scheduled`) for a time before the embargo: refused;
 *   at the embargo or later it works as any schedule.
 * - Writers (authors, translators) may set an embargo or move it later; only editors bring it
 *   forward or lift it.
 * Every timing refusal answers `EMBARGO_STATUS` (409: the request is sound, the story's state
 * forbids it now).
 */
import { isLanguage, type Language } from './languages'

/** The status of every refusal because of the embargo's time. */
export const EMBARGO_STATUS = 409

type When = string | Date | null | undefined

const timeOf = (value: When): number | null => {
  if (!value) return null
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : time
}

/** The embargo as an ISO string, or null when there is none (or it is unreadable). */
export const embargoTime = (value: When): string | null => {
  const time = timeOf(value)
  return time === null ? null : new Date(time).toISOString()
}

/** Whether the embargo still holds at `now`: publication is refused until then. */
export const embargoActive = (until: When, now: Date = new Date()): boolean => {
  const time = timeOf(until)
  return time !== null && time > now.getTime()
}

/** The latest of several embargoes (an article's own and its original's), or null. */
export const laterEmbargo = (...values: When[]): string | null => {
  const times = values.map(timeOf).filter((time): time is number => time !== null)
  return times.length ? new Date(Math.max(...times)).toISOString() : null
}

/** What a write does to an article's embargo. */
export type EmbargoChange = 'none' | 'set' | 'extend' | 'shorten' | 'lift'

export const embargoChange = (before: When, after: When): EmbargoChange => {
  const from = timeOf(before)
  const to = timeOf(after)
  if (from === to) return 'none'
  if (from === null) return 'set'
  if (to === null) return 'lift'
  return to > from ? 'extend' : 'shorten'
}

/** Only editors bring an embargo forward or lift it; writers may set or extend one. */
export const writersMay = (change: EmbargoChange): boolean =>
  change === 'none' || change === 'set' || change === 'extend'

/** The target of a write, as the embargo looks at it. */
export type EmbargoTarget = {
  stage?: string | null
  _status?: string | null
  scheduledAt?: When
}

/**
 * Why this target may not be reached while the embargo holds: `publish` (it would be published
 * now), `schedule` (it would be scheduled for a time before the embargo), or null.
 */
export const embargoBlocks = (
  target: EmbargoTarget,
  until: When,
  now: Date = new Date(),
): 'publish' | 'schedule' | null => {
  if (!embargoActive(until, now)) return null
  if (target.stage === 'published' || target._status === 'published') return 'publish'
  if (target.stage === 'scheduled') {
    const at = timeOf(target.scheduledAt)
    if (at === null || at < (timeOf(until) as number)) return 'schedule'
  }
  return null
}

const formats = new Map<string, [Intl.DateTimeFormat, Intl.DateTimeFormat]>()

/**
 * The embargo's time as a sentence in the language shows it, in UTC (the server does not know
 * the reader's time zone, and a press embargo is quoted with its zone): "2 December 2026, 14:00
 * UTC", "2 dekabr 2026, 14:00 UTC", "2 декабря 2026 г., 14:00 UTC".
 */
export const formatEmbargo = (language: Language | string, until: When): string => {
  const time = timeOf(until)
  if (time === null) return ''
  const code = isLanguage(language) ? language : 'en'
  let format = formats.get(code)
  if (!format) {
    const locale = code === 'az' ? 'az-Latn-AZ' : code === 'en' ? 'en-GB' : code
    format = [
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }),
    ]
    formats.set(code, format)
  }
  const date = new Date(time)
  return `${format[0].format(date)}, ${format[1].format(date)} UTC`
}
