/**
 * The daily digest's SQL (migration `newsletter`; src/collections/Subscribers/digest.ts sends):
 *
 * - `newsletter_ticks`: one row per check slot ("is a digest due?"), so that however many
 *   processes plan the next check, one job per slot exists (the first insert queues it);
 * - `newsletter_digests`: one row per (language, local date), the key that makes one digest job
 *   per language and day whatever the number of runners; it fixes the digest's window
 *   (`since` → `until`);
 * - `newsletter_deliveries`: one row per (digest, subscriber), claimed just before SMTP and
 *   marked sent just after (the `newsletter` ledger of src/db/deliveries.ts), so a digest job run
 *   twice, by two workers at once, or again after its runner died, sends each subscriber's email
 *   once.
 *
 * Inserts that queue a job run in the caller's transaction (`Drizzle` from `drizzleFor(req)`), so
 * the key row and its job commit together or not at all; the deliveries' statements commit on
 * their own (the pool): a claim or a sent mark stays whatever happens to the run after it.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { drizzleOf, type Drizzle } from './client'
import { LEDGERS, recordRecipients } from './deliveries'

export type Digest = {
  id: number
  language: string
  /** the local date it is the digest of (YYYY-MM-DD) */
  date: string
  since: Date
  until: Date
  completedAt: Date | null
}

/** When there is no earlier digest (or it is older than this), the window starts this far back. */
const DEFAULT_WINDOW_HOURS = 24
/** An earlier digest further back than this does not start the window (the service was off). */
const LONGEST_WINDOW_DAYS = 7

/** Records the check of `slot`; true when this call was the first (and must queue its job). */
export const recordTick = async (db: Drizzle, slot: Date): Promise<boolean> => {
  const { rows } = await db.execute(sql`
    INSERT INTO newsletter_ticks (slot) VALUES (${slot.toISOString()}::timestamptz)
    ON CONFLICT (slot) DO NOTHING RETURNING slot`)
  // Old slots are of no use once passed; a few rows a day.
  await db.execute(sql`DELETE FROM newsletter_ticks WHERE slot < now() - interval '2 days'`)
  return rows.length === 1
}

/**
 * Creates the digest of `language` for the local `date`, its window from the end of the
 * language's previous digest (or `until` − 24 h) to `until`. Returns its id, or null when that
 * digest already exists (another process, an earlier run).
 */
export const createDigest = async (
  db: Drizzle,
  { language, date, until }: { language: string; date: string; until: Date },
): Promise<number | null> => {
  const end = until.toISOString()
  const { rows } = await db.execute<{ id: number }>(sql`
    INSERT INTO newsletter_digests (language, digest_date, since, until)
    SELECT ${language}, ${date}::date,
           COALESCE(
             (SELECT max(until) FROM newsletter_digests
               WHERE language = ${language} AND until < ${end}::timestamptz
                 AND until > ${end}::timestamptz - make_interval(days => ${LONGEST_WINDOW_DAYS})),
             ${end}::timestamptz - make_interval(hours => ${DEFAULT_WINDOW_HOURS})),
           ${end}::timestamptz
    ON CONFLICT (language, digest_date) DO NOTHING
    RETURNING id`)
  return rows[0] ? Number(rows[0].id) : null
}

type DigestRow = {
  id: number
  language: string
  digest_date: string
  since: string
  until: string
  completed_at: string | null
}

const toDigest = (row: DigestRow): Digest => ({
  id: Number(row.id),
  language: row.language,
  date: String(row.digest_date).slice(0, 10),
  since: new Date(row.since),
  until: new Date(row.until),
  completedAt: row.completed_at ? new Date(row.completed_at) : null,
})

export const digestById = async (payload: Payload, id: number): Promise<Digest | null> => {
  const { rows } = await drizzleOf(payload).execute<DigestRow>(sql`
    SELECT id, language, to_char(digest_date, 'YYYY-MM-DD') AS digest_date, since, until, completed_at
      FROM newsletter_digests WHERE id = ${id}`)
  return rows[0] ? toDigest(rows[0]) : null
}

/** The language's latest digest, if any (the preview's window starts where it ended). */
export const latestDigest = async (payload: Payload, language: string): Promise<Digest | null> => {
  const { rows } = await drizzleOf(payload).execute<DigestRow>(sql`
    SELECT id, language, to_char(digest_date, 'YYYY-MM-DD') AS digest_date, since, until, completed_at
      FROM newsletter_digests WHERE language = ${language} ORDER BY until DESC LIMIT 1`)
  return rows[0] ? toDigest(rows[0]) : null
}

/** How many subscribers of `language` are confirmed (the preview's count). */
export const countSubscribed = async (payload: Payload, language: string): Promise<number> => {
  const { rows } = await drizzleOf(payload).execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM subscribers WHERE status = 'subscribed' AND language = ${language}`)
  return Number(rows[0]?.n ?? 0)
}

/** Whether anyone at all is subscribed (no subscriber, no "is a digest due?" checks). */
export const anySubscribed = async (payload: Payload): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute<{ any: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM subscribers WHERE status = 'subscribed') AS any`,
  )
  return rows[0]?.any === true
}

/** A subscriber a digest goes to, with what picks their articles. */
export type DigestRecipient = {
  id: number
  email: string
  language: string
  allSections: boolean
  sections: number[]
}

/**
 * Records who the digest goes to, once: the confirmed subscribers of its language (a later run
 * adds only the ones confirmed since).
 */
export const recordDeliveries = async (
  payload: Payload,
  digest: Pick<Digest, 'id' | 'language'>,
): Promise<void> => {
  await recordRecipients(payload, LEDGERS.newsletter, digest.id, {
    select: sql`SELECT s.id, s.email FROM subscribers s
                 WHERE s.status = 'subscribed' AND s.language = ${digest.language}`,
  })
}

/** The digest's deliveries not yet sent whose subscriber is still subscribed, after `afterId`. */
export const unsentDeliveries = async (
  payload: Payload,
  digestId: number,
  { afterId, limit }: { afterId: number; limit: number },
): Promise<DigestRecipient[]> => {
  const { rows } = await drizzleOf(payload).execute<{
    id: number
    email: string
    language: string
    all_sections: boolean | null
    sections: number[] | null
  }>(sql`
    SELECT s.id, d.email, s.language, s.all_sections,
           ARRAY(SELECT r.categories_id FROM subscribers_rels r
                  WHERE r.parent_id = s.id AND r.path = 'sections' AND r.categories_id IS NOT NULL)
             AS sections
      FROM newsletter_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
     WHERE d.digest_id = ${digestId} AND d.sent_at IS NULL AND s.status = 'subscribed'
       AND s.id > ${afterId}
     ORDER BY s.id LIMIT ${limit}`)
  return rows.map((row) => ({
    id: Number(row.id),
    email: row.email,
    language: row.language,
    allSections: row.all_sections === true,
    sections: (row.sections ?? []).map(Number),
  }))
}

/** Marks the digest done once no delivery to a still-subscribed reader is left unsent. */
export const markDigestCompleted = async (payload: Payload, digestId: number): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute(sql`
    UPDATE newsletter_digests SET completed_at = now()
     WHERE id = ${digestId} AND completed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
                        WHERE d.digest_id = ${digestId} AND d.sent_at IS NULL
                          AND s.status = 'subscribed')
    RETURNING id`)
  return rows.length === 1
}

/** Per subscriber of a digest: sent, skipped (nothing in their sections) or not (yet) sent. */
export const deliveriesOf = async (
  payload: Payload,
  digestId: number,
): Promise<{ subscriberId: number; sent: boolean; skipped: boolean }[]> => {
  const { rows } = await drizzleOf(payload).execute<{
    subscriber_id: number
    sent: boolean
    skipped: boolean
  }>(sql`
    SELECT subscriber_id, sent_at IS NOT NULL AS sent, skipped FROM newsletter_deliveries
     WHERE digest_id = ${digestId} ORDER BY subscriber_id`)
  return rows.map((row) => ({
    subscriberId: Number(row.subscriber_id),
    sent: row.sent === true,
    skipped: row.skipped === true,
  }))
}
