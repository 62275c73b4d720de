import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest, Where } from 'payload'

import { drizzleFor } from '@/db/client'
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

/**
 * Marks the event as notified if nobody has yet, in one statement, so that of two runs of the
 * same notification only one goes on to send. Returns whether this run claimed it.
 */
const claim = async (req: PayloadRequest, eventId: number): Promise<boolean> => {
  const db = await drizzleFor(req)
  const result = await db.execute(
    sql`UPDATE editorial_events SET notified_at = now() WHERE id = ${eventId} AND notified_at IS NULL RETURNING id`,
  )
  return result.rows.length === 1
}

const release = async (req: PayloadRequest, eventId: number) => {
  const db = await drizzleFor(req)
  await db.execute(sql`UPDATE editorial_events SET notified_at = NULL WHERE id = ${eventId}`)
}

/** Writes and sends the emails about one event; returns how many went out. */
const send = async (
  req: PayloadRequest,
  event: EditorialEvent,
  audience: 'editors' | 'writers',
  articleId: number,
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
  for (const recipient of recipients) {
    await req.payload.sendEmail({
      to: recipient.email,
      subject: `[${stage}] ${article.title}`,
      text: lines.join('\n'),
    })
  }
  return recipients.length
}

/**
 * Emails everyone who should hear about one timeline event, except the person who caused it.
 * Each event is sent once: a run first claims it (see `claim`), and gives the claim back if
 * sending fails so that the job's retry sends it. Returns how many emails went out.
 */
export const sendEventNotifications = async (
  req: PayloadRequest,
  eventId: number,
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
  if (!(await claim(req, event.id))) return 0
  try {
    return await send(req, event, transition.notify, articleId)
  } catch (error) {
    await release(req, event.id)
    throw error
  }
}
