/**
 * The emails of a timeline event as a whole (src/workflow/notify.ts sends them): whether they
 * have all gone out. Each recipient's email is a row of the `notifications` ledger
 * (`editorial_notifications`, migration `editorial_notifications`; src/db/deliveries.ts).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { drizzleOf } from './client'

/** Whether every email of the event has gone out (set by `markEventNotified`). */
export const eventNotified = async (payload: Payload, eventId: number): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute<{ notified: boolean }>(
    sql`SELECT notified_at IS NOT NULL AS notified FROM editorial_events WHERE id = ${eventId}`,
  )
  return rows[0]?.notified === true
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
