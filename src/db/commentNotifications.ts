/**
 * The batched emails to editors about new comments (src/collections/Comments/notify.ts sends
 * them; migration `comment_notifications`): a batch is the pending comments no email has named
 * yet, fixed when the batch opens; one row per editor and batch records that editor's email,
 * claimed just before it goes to SMTP and marked sent just after (the `commentNotices` ledger,
 * `comment_notify_recipients`; src/db/deliveries.ts). At most one batch is open at a time (a
 * unique partial index), so two runners work on the same batch, and a run after a crash finishes
 * the batch it left. Each statement commits on its own (the pool): a batch opened or closed stays
 * so whatever happens to the run after it.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { drizzleFor, drizzleOf } from './client'

export type CommentBatch = { id: number; commentIds: number[] }

/** The task that sends the batches (src/collections/Comments/jobs.ts). */
export const COMMENTS_NOTIFY_TASK = 'commentsNotify'

/** The most comments one batch names; the rest go in the next batch. */
export const MAX_BATCH_COMMENTS = 500

type BatchRow = { id: number; comment_ids: number[] }
const batchOf = (row: BatchRow | undefined): CommentBatch | null =>
  row ? { id: Number(row.id), commentIds: row.comment_ids.map(Number) } : null

/**
 * The open batch: the one a run before left unfinished, else a new one of the pending comments
 * not yet notified (oldest first), else null (nothing to tell). A closed batch has marked its
 * comments notified, and no batch opens while one is open, so no comment is in two batches.
 */
export const openBatch = async (payload: Payload): Promise<CommentBatch | null> => {
  const db = drizzleOf(payload)
  const open = async () =>
    batchOf(
      (
        await db.execute<BatchRow>(sql`
          SELECT id, comment_ids FROM comment_notify_batches WHERE done_at IS NULL LIMIT 1`)
      ).rows[0],
    )
  const existing = await open()
  if (existing) return existing
  const { rows } = await db.execute<BatchRow>(sql`
    INSERT INTO comment_notify_batches (comment_ids)
    SELECT array_agg(id ORDER BY id) FROM (
      SELECT id FROM comments
       WHERE status = 'pending' AND notified_at IS NULL
       ORDER BY created_at, id LIMIT ${MAX_BATCH_COMMENTS}
    ) AS fresh
    HAVING count(*) > 0
    ON CONFLICT DO NOTHING
    RETURNING id, comment_ids`)
  // Another runner opened one at the same moment: work on that one.
  return batchOf(rows[0]) ?? (await open())
}

/**
 * Closes the batch once every recipient's email has gone out, and marks its comments notified
 * (`notified_at`), in one statement; returns whether it closed it.
 */
export const closeBatch = async (payload: Payload, batchId: number): Promise<boolean> => {
  const { rows } = await drizzleOf(payload).execute(sql`
    WITH closed AS (
      UPDATE comment_notify_batches SET done_at = now()
       WHERE id = ${batchId} AND done_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM comment_notify_recipients
                          WHERE batch_id = ${batchId} AND sent_at IS NULL)
      RETURNING comment_ids
    ), marked AS (
      UPDATE comments SET notified_at = now()
       WHERE id IN (SELECT unnest(comment_ids) FROM closed) AND notified_at IS NULL
      RETURNING id
    )
    SELECT (SELECT count(*) FROM closed)::integer AS closed`)
  return Number((rows[0] as { closed?: number } | undefined)?.closed ?? 0) === 1
}

/**
 * Whether a `commentsNotify` job is queued and has not started yet (read in the request's
 * transaction): then the comments that just arrived go in its batch, and no job is added.
 */
export const notifyJobWaiting = async (req: PayloadRequest): Promise<boolean> => {
  const db = await drizzleFor(req)
  const { rows } = await db.execute(sql`
    SELECT 1 FROM payload_jobs
     WHERE task_slug = ${COMMENTS_NOTIFY_TASK} AND completed_at IS NULL
       AND processing = false AND has_error = false
     LIMIT 1`)
  return rows.length > 0
}
