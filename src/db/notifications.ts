/**
 * The emails of a timeline event, one row per recipient (`editorial_notifications`, migration
 * `editorial_notifications`; src/workflow/notify.ts sends them). Each statement commits on its
 * own (the pool, never a transaction): a row claimed or marked sent stays so whatever happens to
 * the run after it.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { drizzleOf } from './client'

export type Recipient = { id: number; email: string }

/** Whether every email of the event has gone out (set by `markEventNotified`). */
export const eventNotified = async (payload: Payload, eventId: number): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute<{ notified: boolean }>(
    sql`SELECT notified_at IS NOT NULL AS notified FROM editorial_events WHERE id = ${eventId}`,
  )
  return rows[0]?.notified === true
}

/**
 * Records who the event is sent to, once: the first run's list stands, a later run adds only
 * people it did not have. Returns the recipients not yet sent to.
 */
export const recordRecipients = async (
  payload: Payload,
  eventId: number,
  recipients: Recipient[],
): Promise<Recipient[]> => {
  const db = drizzleOf(payload)
  if (recipients.length) {
    await db.execute(sql`
      INSERT INTO editorial_notifications (event_id, user_id, email)
      SELECT ${eventId}::integer, r.id, r.email
        FROM jsonb_to_recordset(${JSON.stringify(recipients)}::jsonb) AS r(id integer, email text)
      ON CONFLICT (event_id, user_id) DO NOTHING`)
  }
  const { rows } = await db.execute<{ user_id: number; email: string }>(sql`
    SELECT user_id, email FROM editorial_notifications
     WHERE event_id = ${eventId} AND sent_at IS NULL ORDER BY user_id`)
  return rows.map((row) => ({ id: Number(row.user_id), email: row.email }))
}

/**
 * Claims one recipient's email for `claimant` (the job sending it) just before it is handed to
 * SMTP. Free to claim: never claimed, claimed by the same job before (a run of it that died), or
 * claimed longer ago than `leaseSeconds` by another. Returns whether this run may send it.
 */
export const claimRecipient = async (
  payload: Payload,
  eventId: number,
  userId: number,
  claimant: string,
  leaseSeconds: number,
): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute(sql`
    UPDATE editorial_notifications SET claimed_at = now(), claimed_by = ${claimant}
     WHERE event_id = ${eventId} AND user_id = ${userId} AND sent_at IS NULL
       AND (claimed_at IS NULL OR claimed_by = ${claimant}
            OR claimed_at < now() - make_interval(secs => ${leaseSeconds}))
    RETURNING user_id`)
  return rows.length === 1
}

/** The recipient's email went out. */
export const markSent = async (payload: Payload, eventId: number, userId: number) => {
  await drizzleOf(payload).execute(sql`
    UPDATE editorial_notifications SET sent_at = now()
     WHERE event_id = ${eventId} AND user_id = ${userId}`)
}

/** Gives a claim back after a failed send, so that the job's retry sends it. */
export const releaseRecipient = async (payload: Payload, eventId: number, userId: number) => {
  await drizzleOf(payload).execute(sql`
    UPDATE editorial_notifications SET claimed_at = NULL, claimed_by = NULL
     WHERE event_id = ${eventId} AND user_id = ${userId} AND sent_at IS NULL`)
}

/** Marks the event done once none of its recipients is left unsent; returns whether it did. */
export const markEventNotified = async (payload: Payload, eventId: number): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute(sql`
    UPDATE editorial_events SET notified_at = now()
     WHERE id = ${eventId} AND notified_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM editorial_notifications
                        WHERE event_id = ${eventId} AND sent_at IS NULL)
    RETURNING id`)
  return rows.length === 1
}
