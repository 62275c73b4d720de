/**
 * The daily digest per language, through the project's jobs queue (the `workflow` queue the
 * runner of src/jobs/ runs: the worker, or the web server with JOBS_AUTORUN).
 *
 * **When.** The runner only runs queued jobs, so the digest is started by a check job,
 * `newsletterTick`, queued for every slot of NEWSLETTER_TICK_SECONDS (900 s): each tick first
 * plans the next slot's tick, then, per language, when the site settings' hour has come in their
 * time zone and the language has no digest for that local date yet, creates the digest row and
 * queues its `newsletterDigest` job in one transaction. Two keys in the database make this
 * exact whatever the number of processes: one tick per slot (`newsletter_ticks.slot`) and one
 * digest per (language, local date) (`newsletter_digests`' unique key), each inserted with its
 * job in the same transaction, so a key exists exactly when its job does. The chain starts at
 * start-up (`ensureDigestSchedule`, the config's `onInit`: every process plans the next slot;
 * the key lets one of them queue it) and on a confirmation, and keeps itself going while anyone
 * is subscribed; a process restart mends a chain a failed tick broke. A run after downtime
 * catches up the same day.
 *
 * **Exactly once.** The digest job records its recipients, then claims each one's email just
 * before SMTP and marks it sent just after (the `newsletter` ledger of src/db/deliveries.ts), so
 * the job run twice, by two workers at once, or again after its runner died, sends each
 * subscriber's digest once.
 */
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { drizzleFor, inTransaction, type Drizzle } from '@/db/client'
import { LEDGERS, sendOnce, type SendRun } from '@/db/deliveries'
import { jobsSettings } from '@/db/jobs'
import { numberFrom } from '@/db/limits'
import {
  anySubscribed,
  countSubscribed,
  createDigest,
  digestById,
  latestDigest,
  markDigestCompleted,
  recordDeliveries,
  recordTick,
  unsentDeliveries,
  type DigestRecipient,
} from '@/db/newsletter'
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@/lib/languages'
import { serverOrigin, urls } from '@/lib/urls'
import { WORKFLOW_QUEUE } from '@/workflow/queue'

import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_TIME_ZONE,
  DIGEST_BATCH,
  DIGEST_MAX_ARTICLES,
} from './constants'
import { digestEmail, subscriberLinks, type DigestArticle } from './emails'

export const TICK_TASK = 'newsletterTick'
export const DIGEST_TASK = 'newsletterDigest'

/** Seconds between two "is a digest due?" checks (NEWSLETTER_TICK_SECONDS, 900; 30 to 3600). */
export const tickSeconds = () => numberFrom('NEWSLETTER_TICK_SECONDS', 900, 30)

// ─── time ──────────────────────────────────────────────────────────────────────────────────────

export type DigestSchedule = { hour: number; timeZone: string; siteName: string }

export const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || !zone) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** The site settings' digest hour and time zone (defaults when unset or invalid). */
export const digestSchedule = async (payload: Payload): Promise<DigestSchedule> => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const hour = Number(settings.digestHour)
  return {
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_DIGEST_HOUR,
    timeZone: isTimeZone(settings.digestTimeZone)
      ? settings.digestTimeZone
      : DEFAULT_DIGEST_TIME_ZONE,
    siteName: settings.siteName || 'Caspian Digest',
  }
}

/** The wall clock in `timeZone` at `at`: its date (YYYY-MM-DD) and hour. */
export const localClock = (at: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  }
}

/** The instant the wall clock of `timeZone` shows `date` at `hour`:00. */
export const instantOf = (date: string, hour: number, timeZone: string): Date => {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
  )
  let guess = wall
  // Twice: the offset at the guess may differ from the one at the answer (a DST change).
  for (let i = 0; i < 2; i += 1) {
    const clock = localClock(new Date(guess), timeZone)
    const shown = Date.UTC(
      Number(clock.date.slice(0, 4)),
      Number(clock.date.slice(5, 7)) - 1,
      Number(clock.date.slice(8, 10)),
      clock.hour,
      clock.minute,
    )
    guess += wall - shown
  }
  return new Date(guess)
}

const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The next send after `now` (today's if its hour has not come yet, else tomorrow's). */
export const nextSendAt = (
  now: Date,
  { hour, timeZone }: Pick<DigestSchedule, 'hour' | 'timeZone'>,
) => {
  const today = localClock(now, timeZone).date
  const todays = instantOf(today, hour, timeZone)
  return todays > now
    ? { date: today, at: todays }
    : { date: nextDate(today), at: instantOf(nextDate(today), hour, timeZone) }
}

// ─── queueing: the tick and the digests, each once by its key ─────────────────────────────────

/** Runs `fn` in a transaction of its own; the jobs it queues with `req` commit with it. */
const inOwnTransaction = async <T>(
  payload: Payload,
  fn: (db: Drizzle, req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => fn(await drizzleFor(req), req))
}

const slotAfter = (at: Date) => {
  const seconds = tickSeconds()
  return new Date((Math.floor(at.getTime() / 1000 / seconds) + 1) * seconds * 1000)
}

/** Queues the check of the slot after `at`, unless some process already did. */
export const planNextTick = (payload: Payload, at = new Date()): Promise<boolean> => {
  const slot = slotAfter(at)
  return inOwnTransaction(payload, async (db, req) => {
    if (!(await recordTick(db, slot))) return false
    await payload.jobs.queue({
      task: TICK_TASK,
      queue: WORKFLOW_QUEUE,
      input: { slot: slot.toISOString() },
      waitUntil: slot,
      req,
    })
    return true
  })
}

/**
 * Creates the digest of `language` for `date` (window up to `until`) and queues its job, in one
 * transaction; null when that digest already exists.
 */
export const queueDigest = (
  payload: Payload,
  { language, date, until }: { language: Language; date: string; until: Date },
): Promise<number | null> =>
  inOwnTransaction(payload, async (db, req) => {
    const id = await createDigest(db, { language, date, until })
    if (id === null) return null
    await payload.jobs.queue({
      task: DIGEST_TASK,
      queue: WORKFLOW_QUEUE,
      input: { digest: id },
      req,
    })
    return id
  })

/**
 * The check a tick makes: for every language whose send hour has come today (in the settings'
 * time zone) and which has no digest for today yet, its digest and job. Returns the new digests.
 */
export const queueDueDigests = async (payload: Payload, now = new Date()): Promise<number[]> => {
  const schedule = await digestSchedule(payload)
  const clock = localClock(now, schedule.timeZone)
  if (clock.hour < schedule.hour) return []
  const ids: number[] = []
  for (const language of LANGUAGES) {
    const id = await queueDigest(payload, { language, date: clock.date, until: now })
    if (id !== null) ids.push(id)
  }
  return ids
}

/**
 * For tests and operators: the digests of `date` (default: today in the settings' time zone)
 * for every language (or those given), their window ending now, queued at once whatever the
 * hour. A digest that already exists for that date is left alone. Returns the new digest ids.
 */
export const queueDigestNow = async (
  payload: Payload,
  {
    date,
    languages = [...LANGUAGES],
    until = new Date(),
  }: {
    date?: string
    languages?: Language[]
    until?: Date
  } = {},
): Promise<number[]> => {
  const day = date ?? localClock(until, (await digestSchedule(payload)).timeZone).date
  const ids: number[] = []
  for (const language of languages) {
    const id = await queueDigest(payload, { language, date: day, until })
    if (id !== null) ids.push(id)
  }
  return ids
}

/**
 * Keeps the check chain going: plans the next tick unless one is planned, when anyone is
 * subscribed (no subscriber, no checks; the first confirmation starts them again). Called at
 * start-up (the config's `onInit`), by each tick, and on each confirmation. Quiet before the
 * migrations have run (the tables are missing) and off with NEWSLETTER_DIGEST=off.
 */
export const ensureDigestSchedule = async (payload: Payload, after = new Date()): Promise<void> => {
  if (process.env.NEWSLETTER_DIGEST === 'off') return
  try {
    if (await anySubscribed(payload)) await planNextTick(payload, after)
  } catch (error) {
    const text = String((error as Error)?.message ?? error)
    if (/does not exist/.test(text)) return
    payload.logger.warn(`newsletter: the digest check was not planned: ${text}`)
  }
}

// ─── what a digest says ────────────────────────────────────────────────────────────────────────

/**
 * The articles of `language` published in (since, until], newest first, with their sections and
 * the sections above those.
 */
export const articlesBetween = async (
  payload: Payload,
  language: Language,
  since: Date,
  until: Date,
  { scheduledUntil }: { scheduledUntil?: Date } = {},
): Promise<DigestArticle[]> => {
  const published: Where = {
    and: [
      { _status: { equals: 'published' } },
      { publishedAt: { greater_than: since.toISOString() } },
      { publishedAt: { less_than_equal: until.toISOString() } },
    ],
  }
  // The preview adds what the schedule will have published by the send.
  const where: Where = {
    and: [
      { language: { equals: language } },
      scheduledUntil
        ? {
            or: [
              published,
              {
                and: [
                  { stage: { equals: 'scheduled' } },
                  { scheduledAt: { less_than_equal: scheduledUntil.toISOString() } },
                ],
              },
            ],
          }
        : published,
    ],
  }
  const { docs } = await payload.find({
    collection: 'articles',
    where,
    draft: Boolean(scheduledUntil),
    depth: 0,
    limit: DIGEST_MAX_ARTICLES,
    sort: '-publishedAt',
    overrideAccess: true,
    select: { title: true, dek: true, slug: true, category: true, categories: true },
  })
  const origin = serverOrigin()
  const withAncestors = await sectionAncestry(payload)
  return docs.map((doc) => ({
    id: doc.id,
    title: doc.title,
    dek: doc.dek ?? null,
    url: `${origin}${urls.article(language, doc.slug ?? String(doc.id))}`,
    sections: withAncestors(
      [idOf(doc.category), ...(doc.categories ?? []).map(idOf)].filter(
        (id): id is number => id !== null,
      ),
    ),
  }))
}

const idOf = (value: unknown) =>
  typeof value === 'number' ? value : ((value as { id?: number } | null)?.id ?? null)

/** The most sections the ancestry reads (the newsroom has a few dozen). */
const MAX_SECTIONS = 1000

/**
 * A function giving sections with every section above them: a reader of "Politics" gets the
 * stories of "Politics › Elections" too.
 */
const sectionAncestry = async (payload: Payload) => {
  const { docs } = await payload.find({
    collection: 'categories',
    depth: 0,
    limit: MAX_SECTIONS,
    pagination: false,
    overrideAccess: true,
    select: { parent: true },
  })
  const parentOf = new Map(docs.map((doc) => [doc.id, idOf(doc.parent)]))
  return (ids: number[]): number[] => {
    const all = new Set<number>()
    for (const id of ids) {
      let current: number | null | undefined = id
      // Bounded: a cycle in the data cannot loop.
      for (let depth = 0; current != null && depth < 20 && !all.has(current); depth += 1) {
        all.add(current)
        current = parentOf.get(current)
      }
    }
    return [...all]
  }
}

/** What one subscriber gets of the digest's articles: all, or those in their sections. */
export const articlesFor = (
  recipient: Pick<DigestRecipient, 'allSections' | 'sections'>,
  articles: DigestArticle[],
) =>
  recipient.allSections
    ? articles
    : articles.filter((article) => article.sections.some((id) => recipient.sections.includes(id)))

// ─── sending ───────────────────────────────────────────────────────────────────────────────────

/** Who sends: the job's id (a run of the same job again may take over its own claims), the lease. */
export type DigestRun = SendRun

export type DigestOutcome = { sent: number; skipped: number; completed: boolean }

/**
 * Sends one digest: records its recipients, then each one's email once (claimed before SMTP,
 * marked after); a subscriber with nothing in their sections is marked skipped and gets nothing.
 * A failed send is given back and thrown (the job's retry sends the rest).
 */
export const sendDigest = async (
  payload: Payload,
  digestId: number,
  run: DigestRun,
): Promise<DigestOutcome> => {
  const digest = await digestById(payload, digestId)
  if (!digest || digest.completedAt) return { sent: 0, skipped: 0, completed: true }
  const language = isLanguage(digest.language) ? digest.language : DEFAULT_LANGUAGE
  const [articles, schedule] = await Promise.all([
    articlesBetween(payload, language, digest.since, digest.until),
    digestSchedule(payload),
  ])
  await recordDeliveries(payload, digest)
  let sent = 0
  let skipped = 0
  let afterId = 0
  for (;;) {
    const batch = await unsentDeliveries(payload, digest.id, { afterId, limit: DIGEST_BATCH })
    if (!batch.length) break
    afterId = batch[batch.length - 1].id
    const outcome = await sendOnce(payload, LEDGERS.newsletter, digest.id, batch, run, {
      compose: (recipient) => {
        const mine = articlesFor(recipient, articles)
        // Nothing in their sections: marked skipped, nothing sent.
        if (!mine.length) return 'skip'
        const language = isLanguage(recipient.language) ? recipient.language : DEFAULT_LANGUAGE
        return digestEmail(language, {
          site: schedule.siteName,
          date: digest.date,
          articles: mine,
          links: subscriberLinks(language, recipient.id),
        })
      },
      // One Message-ID per digest and subscriber: were one sent twice (SMTP took it, the run
      // died before marking it), mail clients show one message.
      messageId: { group: 'digest', recipient: 'subscriber' },
    })
    sent += outcome.sent
    skipped += outcome.skipped
  }
  return { sent, skipped, completed: await markDigestCompleted(payload, digest.id) }
}

/** The default run settings of a job: claims by job id, the runner's lease. */
export const jobRun = (jobId: number | string): DigestRun => ({
  claimant: `job ${jobId}`,
  leaseSeconds: jobsSettings().leaseSeconds,
})

// ─── the admin's preview ───────────────────────────────────────────────────────────────────────

export type DigestPreview = {
  language: Language
  /** the next send (ISO) */
  sendAt: string
  date: string
  articles: number
  /** subscribers of the language the digest would go to (those with something in their sections) */
  recipients: number
  /** confirmed subscribers of the language */
  subscribed: number
  /** the digest as a subscriber of every section would get it */
  html: string
}

/**
 * The next digest of `language` as subscribers would get it: the articles published since the
 * language's last digest (or the last 24 h) and those scheduled before the next send.
 */
export const previewDigest = async (
  req: PayloadRequest,
  language: Language,
  now = new Date(),
): Promise<DigestPreview> => {
  const { payload } = req
  const schedule = await digestSchedule(payload)
  const next = nextSendAt(now, schedule)
  const last = await latestDigest(payload, language)
  const since =
    last && last.until > new Date(now.getTime() - 7 * 86_400_000)
      ? last.until
      : new Date(now.getTime() - 86_400_000)
  const articles = await articlesBetween(payload, language, since, next.at, {
    scheduledUntil: next.at,
  })
  const subscribers = await payload.find({
    collection: 'subscribers',
    where: { and: [{ status: { equals: 'subscribed' } }, { language: { equals: language } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { allSections: true, sections: true },
  })
  const recipients = subscribers.docs.filter(
    (doc) =>
      articlesFor(
        {
          allSections: doc.allSections === true,
          sections: (doc.sections ?? []).map((s) => (typeof s === 'number' ? s : s.id)),
        },
        articles,
      ).length > 0,
  ).length
  const email = digestEmail(language, {
    site: schedule.siteName,
    date: next.date,
    articles,
    links: subscriberLinks(language, 0),
  })
  return {
    language,
    sendAt: next.at.toISOString(),
    date: next.date,
    articles: articles.length,
    recipients,
    subscribed: await countSubscribed(payload, language),
    html: email.html,
  }
}
