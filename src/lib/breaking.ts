/**
 * Breaking news: the rules every side reads (the collection's hooks, the admin control, the read
 * layer, the readers' banner script and the tests). Pure: no Payload, no Next.
 *
 * A mark is one row of `breaking-news` (src/collections/BreakingNews/): a published article and
 * the moment the mark runs out. It is kept apart from the article, so marking, changing the
 * expiry or removing the mark never re-publishes the article nor makes one of its versions.
 */

/** The collection's slug. */
export const BREAKING_SLUG = 'breaking-news' as const

/** How long a mark lasts when the editor gives no expiry. */
export const BREAKING_DEFAULT_HOURS = 2
/** The longest a mark may last from the moment it is set or changed. */
export const BREAKING_MAX_HOURS = 48

const HOUR_MS = 60 * 60 * 1000

/** How many current marks readers see at once (newest first). */
export const BREAKING_BANNER_SIZE = 3

/** How often an open page asks again for the current marks, while it is visible. */
export const BREAKING_POLL_SECONDS = 30

/** The readers' JSON of one language's current marks (cached one second at the proxy). */
export const breakingJsonPath = (language: string) => `/${language}/breaking.json`

/** The RSS category a breaking item carries in the language's feed. */
export const BREAKING_FEED_CATEGORY = { name: 'breaking', domain: 'urn:caspiandigest:breaking' }

/** Why an expiry is refused, if it is. */
export type ExpiryProblem = 'invalid' | 'past' | 'tooFar'

/**
 * The expiry to store for `value` at `now`: the default when none is given (`undefined`, null
 * or ''), else the given moment, which must lie in the future and at most `BREAKING_MAX_HOURS`
 * ahead (a minute of grace for the clock of the editor's browser).
 */
export const resolveExpiry = (
  value: unknown,
  now: Date,
): { expiresAt: Date } | { problem: ExpiryProblem } => {
  if (value === undefined || value === null || value === '') {
    return { expiresAt: new Date(now.getTime() + BREAKING_DEFAULT_HOURS * HOUR_MS) }
  }
  const date =
    value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(NaN)
  if (Number.isNaN(date.getTime())) return { problem: 'invalid' }
  if (date.getTime() <= now.getTime()) return { problem: 'past' }
  if (date.getTime() > now.getTime() + BREAKING_MAX_HOURS * HOUR_MS + 60_000) {
    return { problem: 'tooFar' }
  }
  return { expiresAt: date }
}

/** One current mark as readers get it (`/{lang}/breaking.json`), newest mark first. */
export type BreakingItem = {
  /** the article's id */
  id: number
  title: string
  /** the article's path on the site */
  url: string
  /** when the mark was set (ISO) */
  markedAt: string
  /** when it runs out (ISO) */
  expiresAt: string
}

export type BreakingJson = { items: BreakingItem[] }

/** The marks still running at `now`, newest mark first. */
export const currentAt = <T extends { expiresAt: string; markedAt: string }>(
  marks: readonly T[],
  now: Date,
): T[] =>
  marks
    .filter((mark) => new Date(mark.expiresAt).getTime() > now.getTime())
    .sort((a, b) => b.markedAt.localeCompare(a.markedAt))

/**
 * A list with the breaking ones first (in the order of `firstKeys`, newest mark first), then
 * the others in their own order; nothing is listed twice. `keyOf` names an entry the way
 * `firstKeys` does (an article id, a path).
 */
export const breakingFirst = <T, K>(
  entries: readonly T[],
  keyOf: (entry: T) => K,
  firstKeys: readonly K[],
): T[] => {
  const rank = new Map(firstKeys.map((key, index) => [key, index]))
  const first = entries
    .filter((entry) => rank.has(keyOf(entry)))
    .sort((a, b) => rank.get(keyOf(a))! - rank.get(keyOf(b))!)
  return [...first, ...entries.filter((entry) => !rank.has(keyOf(entry)))]
}

/**
 * The admin control's contract (`GET /api/breaking-news/article/:id`,
 * `POST /api/breaking-news/article/:id`): the article's mark, or null.
 */
export type BreakingMark = {
  id: number
  article: number
  language: string
  expiresAt: string
  markedAt: string
  /** whether it had not run out when the server answered */
  running: boolean
}

/** `POST …/article/:id`: set or change the expiry (none: the default), or remove the mark. */
export type BreakingMarkRequest = { expiresAt?: string | null; remove?: boolean }

export type BreakingMarkResponse = {
  mark: BreakingMark | null
  /** whether the article is published (only then can it be marked) */
  published: boolean
}
