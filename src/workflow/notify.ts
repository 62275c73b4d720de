import type { PayloadRequest, Where } from 'payload'

import { LEDGERS, recordRecipients, sendOnce, unsent, type SendRun } from '@/db/deliveries'
import { eventNotified, markEventNotified } from '@/db/notifications'
import { adminText, type AdminKey } from '@/i18n/admin'
import { fill } from '@/lib/dictionary'
import { emailFooterHtml, emailHtml, escapeHtml } from '@/lib/html'
import { DEFAULT_LANGUAGE, isLanguage, languageNameIn, type Language } from '@/lib/languages'
import { idOf, latestArticle } from '@/lib/relations'
import { urls } from '@/lib/urls'
import type { Article, EditorialEvent } from '@/payload-types'

import { stageOf } from './rules'
import { transitionOf, type Stage, type TransitionName } from './table'

/** Someone the newsroom emails, with the language their emails are written in. */
export type EmailRecipient = { id: number; email: string; language: Language }
type Recipient = EmailRecipient

/**
 * The newsroom's people matching `where`, as email recipients in their stored admin language
 * (every notification email is written in it): at most `limit`, by id.
 */
export const emailRecipients = async (
  req: PayloadRequest,
  where: Where,
  limit = 200,
): Promise<EmailRecipient[]> => {
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    req,
    depth: 0,
    limit,
    sort: 'id',
    overrideAccess: true,
    select: { email: true, language: true },
  })
  return docs.map((user) => ({
    id: user.id,
    email: user.email,
    language: isLanguage(user.language) ? user.language : DEFAULT_LANGUAGE,
  }))
}

/**
 * Who hears about a transition, as the table's `notify` says: the editors (a story waits for
 * review), or the story's writers (who created it, whose byline it carries) and its assignee.
 */
const recipientsFor = async (
  req: PayloadRequest,
  audience: 'editors' | 'writers',
  article: Article,
): Promise<Recipient[]> => {
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
  return emailRecipients(req, where)
}

/** What one notification says: the same facts, worded in each recipient's language. */
export type NotificationFacts = {
  transition: TransitionName
  /** the stage the event moved the story to */
  stage: Stage
  /** who acted; null for the scheduler */
  who: string | null
  title: string
  /** the article's own language */
  articleLanguage: Language
  note?: string | null
  /** the article in the admin */
  adminLink: string
  /** the article on the public site, when the event published it */
  siteLink?: string | null
}

export type NotificationEmail = { subject: string; text: string; html: string }

/** What the recipient is asked to do next, by the stage the story is now in. */
const NEXT_STEP: Partial<Record<Stage, AdminKey>> = {
  in_review: 'emails:next:review',
  changes_requested: 'emails:next:changes',
  approved: 'emails:next:approved',
  published: 'emails:next:published',
}

/** The first line's key: the event's own, or the general one for a transition without one. */
const happenedKey = (transition: TransitionName): AdminKey => {
  const own = `emails:happened:${transition}` as AdminKey
  return adminText('en', own) === own ? 'emails:happened:other' : own
}

/**
 * One notification email in one language (the recipient's admin language): every word from the
 * admin dictionary's `emails` (src/i18n/admin/emails/), the stage and action names from its
 * `stages` and `transitions`; the title, note and links as given. Text and HTML say the same.
 */
export const notificationEmail = (
  language: Language,
  facts: NotificationFacts,
): NotificationEmail => {
  const say = (key: AdminKey, values?: Record<string, string>) =>
    fill(adminText(language, key), values)
  const stage = say(`stages:${facts.stage}` as AdminKey)
  const values = {
    who: facts.who ?? say('emails:scheduler'),
    title: facts.title,
    action: say(`transitions:${facts.transition}` as AdminKey).toLocaleLowerCase(language),
  }
  const next = NEXT_STEP[facts.stage]
  // Each paragraph as [text, html]: the html fills the same words with escaped values.
  const paragraph = (key: AdminKey, vals: Record<string, string> = {}) => {
    const escaped = Object.fromEntries(Object.entries(vals).map(([k, v]) => [k, escapeHtml(v)]))
    return [say(key, vals), fill(escapeHtml(adminText(language, key)), escaped)] as const
  }
  const lines = [
    paragraph(happenedKey(facts.transition), values),
    ...(next ? [paragraph(next)] : []),
    paragraph('emails:stage', { stage }),
    paragraph('emails:language', { language: languageNameIn(language, facts.articleLanguage) }),
    ...(facts.note ? [paragraph('emails:note', { note: facts.note })] : []),
  ]
  type Link = { key: AdminKey; button: AdminKey; href: string }
  const links: Link[] = [
    { key: 'emails:openInAdmin', button: 'emails:openInAdminButton', href: facts.adminLink },
    ...(facts.siteLink
      ? [
          {
            key: 'emails:readOnSite',
            button: 'emails:readOnSiteButton',
            href: facts.siteLink,
          } satisfies Link,
        ]
      : []),
  ]
  const footer = say('emails:footer')
  const text = [
    ...lines.map(([line]) => line),
    '',
    ...links.map((link) => say(link.key, { link: link.href })),
    '',
    '—',
    footer,
  ].join('\n')
  const html = emailHtml(language, [
    ...lines.map(([, line]) => `<p>${line}</p>`),
    ...links.map(
      (link) => `<p><a href="${escapeHtml(link.href)}">${escapeHtml(say(link.button))}</a></p>`,
    ),
    emailFooterHtml(escapeHtml(footer)),
  ])
  return { subject: say('emails:subject', { stage, title: facts.title }), text, html }
}

/**
 * A recipient's admin language: from the list just read, or (a recipient recorded by an
 * earlier run of the job, no longer among them) read again.
 */
const languageOf = async (
  req: PayloadRequest,
  id: number,
  known: Recipient[],
): Promise<Language> => {
  const found = known.find((user) => user.id === id)
  if (found) return found.language
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    req,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { language: true },
  })
  return isLanguage(user?.language) ? user.language : DEFAULT_LANGUAGE
}

/** Who sends: the job's id (a run of the same job again may take over its own claims), the lease. */
export type NotifyRun = SendRun

/**
 * Writes the emails about one event and sends each recipient's once: the recipients are
 * recorded, and each email is claimed just before it goes to SMTP and marked sent just after
 * (the `notifications` ledger, src/db/deliveries.ts). A run that dies mid-way leaves the rest
 * unsent, and the job's next run sends only those. Returns how many this run sent.
 */
const send = async (
  req: PayloadRequest,
  event: EditorialEvent,
  audience: 'editors' | 'writers',
  articleId: number,
  run: NotifyRun,
): Promise<number> => {
  const transitionName = event.transition as TransitionName
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
  const stage = (event.to ?? stageOf(article)) as Stage
  const origin = req.payload.config.serverURL
  const facts: NotificationFacts = {
    transition: transitionName,
    stage,
    who: actor?.name ?? null,
    title: article.title,
    articleLanguage: isLanguage(article.language) ? article.language : DEFAULT_LANGUAGE,
    note: event.note,
    adminLink: `${origin}/admin/collections/articles/${article.id}`,
    siteLink:
      stage === 'published' && article.slug
        ? `${origin}${urls.article(article.language, article.slug)}`
        : null,
  }
  const ledger = LEDGERS.notifications
  await recordRecipients(req.payload, ledger, event.id, recipients)
  const { sent } = await sendOnce(
    req.payload,
    ledger,
    event.id,
    await unsent(req.payload, ledger, event.id),
    run,
    {
      compose: async (recipient) =>
        notificationEmail(await languageOf(req, recipient.id, recipients), facts),
      // One Message-ID per event and recipient: were an email sent twice (SMTP took it, the
      // runner died before recording it), mail clients see one message.
      messageId: { group: 'event', recipient: 'user' },
    },
  )
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
