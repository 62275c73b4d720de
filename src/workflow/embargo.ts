/**
 * The embargo on the server: the `embargoUntil` field of articles (who may set, move and lift
 * it, and its timeline), the embargo that holds an article (its own or its original's), and the
 * check every write to an article passes (`holdToEmbargo`, called by `applyWorkflow`). The pure
 * rule is src/lib/embargo.ts.
 *
 * - The field is readable by staff only (readers never see it through REST, GraphQL or pages).
 *   It is a story field (src/translations/shared.ts): read-only on language versions, copied
 *   from the original, and a version is held by the later of the two.
 * - Writers set it or move it later on the articles they may edit; only editors bring it
 *   forward or lift it (403).
 * - A story already live (the article or one of its versions) cannot be put under embargo, and
 *   an embargo cannot be moved past a publication already scheduled before it: the move is
 *   refused (409) rather than the schedule silently dropped; cancel or move the schedule first.
 * - Each change goes on the article's timeline (`editorial-events`, kind `embargo`): who, when,
 *   the new time.
 */
import type { Field, FieldHook, PayloadRequest } from 'payload'

import { isEditorUser, isStaffField } from '@/access/roles'
import { inLanguages, label } from '@/i18n/admin'
import {
  EMBARGO_STATUS,
  embargoActive,
  embargoBlocks,
  embargoChange,
  embargoTime,
  formatEmbargo,
  laterEmbargo,
  writersMay,
  type EmbargoTarget,
} from '@/lib/embargo'
import { refuse } from '@/lib/errors'
import { languageOf, message } from '@/lib/messages'
import { keyOf, latestArticle } from '@/lib/relations'
import type { Article } from '@/payload-types'

import { isLive } from './live'

/** The id of the original a (possibly unsaved) article links to, or null. */
const originalIdOf = (article: Partial<Article>): number | null => {
  const id = Number(keyOf(article.translationOf))
  return Number.isInteger(id) && id > 0 ? id : null
}

/** The embargo that holds an article: its own, or its original's when that is later. */
export const embargoOf = async (
  req: PayloadRequest,
  article: Partial<Article>,
): Promise<string | null> => {
  const originalId = originalIdOf(article)
  const original = originalId ? await latestArticle(req, originalId) : null
  return laterEmbargo(article.embargoUntil, original?.embargoUntil)
}

/**
 * Refuses (409) a write whose result would publish the article, or schedule it for a time
 * before its embargo, while the embargo holds. Keyed on the result (stage, `_status`, schedule),
 * not on how it was asked for, so every way in (a transition, Payload's Publish, REST, GraphQL,
 * the Local API, the scheduler) meets the same check.
 */
export const holdToEmbargo = async (
  req: PayloadRequest,
  article: Partial<Article> & EmbargoTarget,
  now: Date = new Date(),
): Promise<void> => {
  if (article.stage !== 'published' && article._status !== 'published') {
    if (article.stage !== 'scheduled') return
  }
  const until = await embargoOf(req, article)
  const blocked = embargoBlocks(article, until, now)
  if (!blocked) return
  throw refuse(
    req,
    blocked === 'publish' ? 'embargo:notBefore' : 'embargo:scheduleBefore',
    EMBARGO_STATUS,
    { until: formatEmbargo(languageOf(req), until) },
  )
}

type StoryMember = Pick<Article, 'id' | 'title' | 'stage' | 'scheduledAt' | '_status'>

/**
 * An embargo until `until` may be put on this story: none of its articles (this one, and the
 * language versions of an original) is live, and none is scheduled before it.
 */
const assertStoryAllows = async (
  req: PayloadRequest,
  article: Partial<Article>,
  until: string,
): Promise<void> => {
  const language = languageOf(req)
  const members: Partial<StoryMember>[] = [article]
  if (article.id !== undefined && !originalIdOf(article)) {
    const { docs } = await req.payload.find({
      collection: 'articles',
      req,
      draft: true,
      depth: 0,
      limit: 10,
      overrideAccess: true,
      where: { translationOf: { equals: article.id } },
      select: { title: true, stage: true, scheduledAt: true, _status: true },
    })
    members.push(...docs)
  }
  for (const member of members) {
    const live =
      member._status === 'published' ||
      (member.id !== undefined && (await isLive(req, Number(member.id))))
    if (live) {
      throw refuse(req, 'embargo:alreadyPublished', EMBARGO_STATUS, {
        title: member.title ?? '',
      })
    }
    if (embargoBlocks({ stage: member.stage, scheduledAt: member.scheduledAt }, until)) {
      throw refuse(req, 'embargo:scheduledBefore', EMBARGO_STATUS, {
        title: member.title ?? '',
        scheduledAt: formatEmbargo(language, member.scheduledAt),
        until: formatEmbargo(language, until),
      })
    }
  }
}

/**
 * beforeChange (field): writers may set or extend an embargo, only editors shorten or lift it;
 * a future embargo needs a story with nothing live and nothing scheduled before it. A version
 * taking its original's value (`followingOriginal`) was checked on the original.
 */
const guardEmbargoChange: FieldHook<Article, string | null | undefined> = async ({
  value,
  previousValue,
  originalDoc,
  siblingData,
  req,
}) => {
  if (value === undefined || req.context.followingOriginal) return value
  const next = embargoTime(value)
  const change = embargoChange(previousValue, next)
  if (change === 'none') return value
  if (req.user && !isEditorUser(req.user) && !writersMay(change)) {
    throw refuse(
      req,
      change === 'lift' ? 'embargo:writersCannotLift' : 'embargo:writersCannotShorten',
      403,
      { until: formatEmbargo(languageOf(req), previousValue) },
    )
  }
  if (next && embargoActive(next)) {
    await assertStoryAllows(req, { ...originalDoc, ...siblingData } as Partial<Article>, next)
  }
  return next
}

/** afterChange (field): each change of the embargo goes on the article's timeline. */
const recordEmbargoChange: FieldHook<Article, string | null | undefined> = async ({
  value,
  previousValue,
  originalDoc,
  operation,
  req,
}) => {
  const change = embargoChange(operation === 'create' ? null : previousValue, value)
  if (change === 'none' || !originalDoc?.id || req.context.followingOriginal) return value
  const key =
    change === 'lift'
      ? 'embargo:eventLifted'
      : change === 'set'
        ? 'embargo:eventSet'
        : 'embargo:eventMoved'
  const until = change === 'lift' ? previousValue : value
  await req.payload.create({
    collection: 'editorial-events',
    req,
    overrideAccess: true,
    data: {
      article: originalDoc.id,
      kind: 'embargo',
      from: originalDoc.stage ?? 'draft',
      to: originalDoc.stage ?? 'draft',
      language: originalDoc.language,
      user: (req.user?.id as number | undefined) ?? null,
      note: message(req, key, { until: formatEmbargo(languageOf(req), until) }),
      summary: `Embargo on "${originalDoc.title}": ${embargoTime(value) ?? 'lifted'}`,
    },
  })
  return value
}

/** `embargoUntil`: "not before", in the sidebar beside the schedule. */
export const embargoField: Field = {
  name: 'embargoUntil',
  type: 'date',
  index: true,
  label: label('embargo:field'),
  // Staff only: a reader's REST or GraphQL answer never carries it. On a language version it is
  // read-only and follows the original (src/translations/plugin.ts).
  access: { read: isStaffField, create: isStaffField, update: isStaffField },
  hooks: { beforeChange: [guardEmbargoChange], afterChange: [recordEmbargoChange] },
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description: inLanguages('embargo:description'),
  },
}
