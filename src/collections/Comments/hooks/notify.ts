import type { CollectionAfterChangeHook } from 'payload'

import { COMMENTS_NOTIFY_TASK, notifyJobWaiting } from '@/db/commentNotifications'
import { numberFrom } from '@/db/limits'
import type { Comment } from '@/payload-types'
import { WORKFLOW_QUEUE } from '@/workflow/queue'

/**
 * Seconds between a comment entering the queue and the editors' email about it
 * (COMMENTS_NOTIFY_DELAY_SECONDS, 300): the comments of those minutes share one email.
 */
export const notifyDelaySeconds = () => numberFrom('COMMENTS_NOTIFY_DELAY_SECONDS', 300, 0, false)

/**
 * When a comment enters the moderation queue (created `pending`, or confirmed by its writer
 * from `unconfirmed`), makes sure one `commentsNotify` job is waiting to tell the editors: it
 * runs after the delay and names every comment that arrived meanwhile. A job already waiting
 * covers it; two queued at the same moment are harmless (the job sends each batch once). The job
 * is queued in the write's transaction: no job for a comment that was rolled back. It runs in
 * the workflow queue, which the project's one guarded runner runs (src/jobs/).
 */
export const queueCommentNotice: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const entered =
    doc.status === 'pending' &&
    (operation === 'create' || previousDoc?.status !== 'pending') &&
    !doc.notifiedAt
  if (!entered || req.context.seeding) return doc
  if (await notifyJobWaiting(req)) return doc
  await req.payload.jobs.queue({
    task: COMMENTS_NOTIFY_TASK as 'commentsNotify',
    queue: WORKFLOW_QUEUE,
    input: {},
    waitUntil: new Date(Date.now() + notifyDelaySeconds() * 1000),
    req,
  })
  return doc
}
