import type { PayloadRequest, Where } from 'payload'

import {
  claimRecipient,
  eventNotified,
  markEventNotified,
  markSent,
  recordRecipients,
  releaseRecipient,
} from '@/db/notifications'
import { idOf, latestArticle } from '@/lib/relations'
import type { Article, EditorialEvent } from '@/payload-types'

import { stageOf } from './rules'
import { STAGE_LABELS, transitionOf, type TransitionName } from './table'

/**
 * Who hears about a transition, as the table's `notify` says: the editors (a story waits for
 * review), or the story's writers (who created it, whose byline it carries) and its assignee.
 */
const recipientsFor = async (
  req: PayloadRequest,
  audience: 'editors' | 'writers',
  article: Article,
): Promise<{ id: number; email: string }[]> => {
  let where: Where
  if (audience === 'editors') {
    where = { roles: { in: ['editor'] } }
  } else {
    const people = [idOf(article.createdBy), idOf(article.assignee)].filter((id) => id !== null)
    const bylines = (article.authors ?? []).map(idOf).filter((id) => id !== null)
    const or: Where[] = []
    if (people.length) or.push({ id: { in: people } })
    if (bylines.length) or.push({ author: { in: bylines } })
    if (!or.length) return []
    where = { or }
  }
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    req,
    depth: 0,
    limit: 200,
    overrideAccess: true,
    select: { email: true },
  })
  return docs.map((user) => ({ id: user.id, email: user.email }))
}

export type NotifyRun = {
  /** who sends: the job's id; a run of the same job again may take over its own claims */
  claimant: string
  /** after this long another job's claim on a recipient is taken for lost */
  leaseSeconds: number
}

/**
 * Writes the emails about one event and sends each recipient's once: the recipients are
 * recorded, and each email is claimed just before it goes to SMTP and marked sent just after
 * (src/db/notifications.ts). A run that dies mid-way leaves the rest unsent, and the job's next
 * run sends only those. Returns how many this run sent.
 */
const send = async (
  req: PayloadRequest,
  event: EditorialEvent,
  audience: 'editors' | 'writers',
  articleId: number,
  { claimant, leaseSeconds }: NotifyRun,
): Promise<number> => {
  const transition = transitionOf(event.transition as TransitionName)
  const article = await latestArticle(req, articleId)
  if (!article) return 0

  const actorId = idOf(event.user)
  const actor =
    actorId === null
      ? null
      : await req.payload.findByID({
          collection: 'users',
          id: actorId,
          req,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          select: { name: true },
        })
  const recipients = (await recipientsFor(req, audience, article)).filter(
    (user) => user.id !== actorId,
  )

  // The stage this event moved it to (by the time the mail goes out it may have moved on).
  const stage = STAGE_LABELS[event.to ?? stageOf(article)]
  const who = actor?.name ?? 'The scheduler'
  const link = `${req.payload.config.serverURL}/admin/collections/articles/${article.id}`
  const lines = [
    `${who}: ${transition.label.toLowerCase()} — "${article.title}" (${article.language}).`,
    `It is now: ${stage}.`,
    ...(event.note ? ['', `Note: ${event.note}`] : []),
    '',
    `Open it in the newsroom: ${link}`,
  ]
  const unsent = await recordRecipients(req.payload, event.id, recipients)
  // One Message-ID per event and recipient: were an email sent twice (SMTP took it, the runner
  // died before recording it), mail clients see one message.
  const domain = new URL(req.payload.config.serverURL || 'http://localhost').hostname
  let sent = 0
  for (const recipient of unsent) {
    if (!(await claimRecipient(req.payload, event.id, recipient.id, claimant, leaseSeconds))) {
      continue
    }
    try {
      await req.payload.sendEmail({
        to: recipient.email,
        subject: `[${stage}] ${article.title}`,
        text: lines.join('\n'),
        messageId: `<event-${event.id}.user-${recipient.id}@${domain}>`,
      })
    } catch (error) {
      await releaseRecipient(req.payload, event.id, recipient.id)
      throw error
    }
    await markSent(req.payload, event.id, recipient.id)
    sent += 1
  }
  await markEventNotified(req.payload, event.id)
  return sent
}

/**
 * Emails everyone who should hear about one timeline event, except the person who caused it,
 * each once (see `send`); a failed send is given back and the job's retry sends it. Returns how
 * many emails this run sent.
 */
export const sendEventNotifications = async (
  req: PayloadRequest,
  eventId: number,
  run: NotifyRun,
): Promise<number> => {
  const event = await req.payload.findByID({
    collection: 'editorial-events',
    id: eventId,
    req,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!event || !event.transition) return 0
  const transition = transitionOf(event.transition as TransitionName)
  const articleId = idOf(event.article)
  if (!transition.notify || articleId === null) return 0
  if (await eventNotified(req.payload, event.id)) return 0
  return send(req, event, transition.notify, articleId, run)
}
