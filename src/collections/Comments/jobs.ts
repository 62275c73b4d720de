import type { PayloadRequest, TaskConfig } from 'payload'

import {
  closeBatch,
  COMMENTS_NOTIFY_TASK,
  openBatch,
  type CommentBatch,
} from '@/db/commentNotifications'
import { LEDGERS, recordRecipients, sendOnce, unsent, type SendRun } from '@/db/deliveries'
import { jobsSettings } from '@/db/jobs'
import { excerptOf } from '@/lib/commentModeration'
import { DEFAULT_LANGUAGE } from '@/lib/languages'
import { emailRecipients } from '@/workflow/notify'

import { commentsNoticeEmail, MAX_LISTED, type NoticeFacts } from './notifyEmail'

/** Who sends: the job's id (a run of the same job again may take over its own claims), the lease. */
export type NoticeRun = SendRun

/** The most batches one run sends (each up to MAX_BATCH_COMMENTS comments). */
const MAX_BATCHES_PER_RUN = 5

/** The editors, in their admin language (the comment notices go to editors, not admins). */
const editorsOf = (req: PayloadRequest) => emailRecipients(req, { roles: { in: ['editor'] } }, 500)

/** What the batch's email says: its comments still pending, oldest first (the queue's order). */
const factsOf = async (req: PayloadRequest, batch: CommentBatch): Promise<NoticeFacts> => {
  const origin = req.payload.config.serverURL
  const { docs, totalDocs } = await req.payload.find({
    collection: 'comments',
    where: { and: [{ id: { in: batch.commentIds } }, { status: { equals: 'pending' } }] },
    req,
    depth: 1,
    limit: MAX_LISTED,
    sort: 'createdAt',
    overrideAccess: true,
    select: { name: true, body: true, language: true, article: true },
    populate: { articles: { title: true } },
  })
  return {
    count: totalDocs,
    items: docs.map((doc) => ({
      name: doc.name,
      title: typeof doc.article === 'object' && doc.article ? doc.article.title : '',
      language: doc.language,
      excerpt: excerptOf(doc.body),
      link: `${origin}/admin/collections/comments/${doc.id}`,
    })),
    queueLink: `${origin}/admin/collections/comments?where%5Bstatus%5D%5Bequals%5D=pending&sort=createdAt`,
  }
}

/**
 * Sends one batch: each editor's email once (recorded, claimed just before SMTP, marked sent just
 * after: the `commentNotices` ledger, src/db/deliveries.ts). When every comment of the batch was
 * moderated before its email went out, there is nothing to tell: the editors' rows are marked
 * done unsent. Returns how many emails this run sent and whether the batch is closed.
 */
const sendBatch = async (
  req: PayloadRequest,
  batch: CommentBatch,
  run: NoticeRun,
): Promise<{ sent: number; closed: boolean }> => {
  const ledger = LEDGERS.commentNotices
  const editors = await editorsOf(req)
  await recordRecipients(req.payload, ledger, batch.id, editors)
  const pending = await unsent(req.payload, ledger, batch.id)
  const facts = pending.length ? await factsOf(req, batch) : null
  const { sent } = await sendOnce(req.payload, ledger, batch.id, pending, run, {
    compose: (recipient) => {
      if (!facts?.count) return 'skip'
      const language = editors.find((editor) => editor.id === recipient.id)?.language
      return commentsNoticeEmail(language ?? DEFAULT_LANGUAGE, facts)
    },
    // One Message-ID per batch and editor: an email sent twice (SMTP took it, the runner died
    // before recording it) shows as one message.
    messageId: { group: 'comments', recipient: 'user' },
  })
  return { sent, closed: await closeBatch(req.payload, batch.id) }
}

/**
 * Tells the editors about the comments waiting for moderation that no email named yet, in
 * batches (one email per editor per batch, however many comments). Safe to run twice, on two
 * runners, and after a crash: a batch stays open until every editor's email of it has gone out,
 * and each email is claimed before it is sent. Returns how many emails this run sent.
 */
export const sendCommentNotices = async (req: PayloadRequest, run: NoticeRun): Promise<number> => {
  let sent = 0
  for (let round = 0; round < MAX_BATCHES_PER_RUN; round += 1) {
    const batch = await openBatch(req.payload)
    if (!batch) break
    const outcome = await sendBatch(req, batch, run)
    sent += outcome.sent
    // Another run holds part of this batch: it finishes it.
    if (!outcome.closed) break
  }
  return sent
}

/** The batched notification of new comments (queued by `queueCommentNotice`). */
export const commentsNotifyTask: TaskConfig<'commentsNotify'> = {
  slug: COMMENTS_NOTIFY_TASK as 'commentsNotify',
  label: 'Comments: notify editors of comments awaiting moderation',
  retries: 3,
  inputSchema: [],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ job, req }) => ({
    output: {
      sent: await sendCommentNotices(req, {
        claimant: `job ${job.id}`,
        leaseSeconds: jobsSettings().leaseSeconds,
      }),
    },
  }),
}
