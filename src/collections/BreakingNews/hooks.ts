import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { BREAKING_MAX_HOURS, BREAKING_SLUG, breakingJsonPath, resolveExpiry } from '@/lib/breaking'
import { refuse } from '@/lib/errors'
import { idOf } from '@/lib/relations'
import { urls } from '@/lib/urls'
import type { BreakingNewsMark } from '@/payload-types'

/**
 * Every way in (REST, GraphQL, the admin, the control's endpoint, the Local API): a mark is of a
 * published article, one mark per article, its article never changes, and its expiry lies in the
 * future, at most `BREAKING_MAX_HOURS` ahead (`BREAKING_DEFAULT_HOURS` when none is given). The
 * language is the article's; who marked is the person saving.
 */
export const checkBreakingMark: CollectionBeforeChangeHook<BreakingNewsMark> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const given = idOf(data.article)
  const articleId = operation === 'create' ? given : idOf(originalDoc?.article)
  if (operation === 'update' && data.article !== undefined && given !== articleId) {
    throw refuse(req, 'breaking:articleFixed', 400)
  }
  if (!articleId) throw refuse(req, 'breaking:noArticle', 404, { id: String(data.article ?? '') })
  const article = await req.payload.findByID({
    collection: 'articles',
    id: articleId,
    req,
    overrideAccess: true,
    draft: false,
    depth: 0,
    disableErrors: true,
    select: { _status: true, language: true },
  })
  if (!article) throw refuse(req, 'breaking:noArticle', 404, { id: articleId })
  if (article._status !== 'published') throw refuse(req, 'breaking:notPublished', 409)
  if (operation === 'create') {
    const { totalDocs } = await req.payload.count({
      collection: BREAKING_SLUG,
      where: { article: { equals: articleId } },
      req,
      overrideAccess: true,
    })
    if (totalDocs > 0) throw refuse(req, 'breaking:alreadyMarked', 409)
  }
  let expiresAt = originalDoc?.expiresAt
  if (operation === 'create' || 'expiresAt' in data) {
    const resolved = resolveExpiry(data.expiresAt, new Date())
    if ('problem' in resolved) {
      if (resolved.problem === 'invalid') throw refuse(req, 'breaking:badExpiry', 400)
      if (resolved.problem === 'past') throw refuse(req, 'breaking:expiryPast', 400)
      throw refuse(req, 'breaking:expiryTooFar', 400, { hours: BREAKING_MAX_HOURS })
    }
    expiresAt = resolved.expiresAt.toISOString()
  }
  return {
    ...data,
    article: articleId,
    language: article.language,
    expiresAt,
    markedBy: req.user?.id ?? originalDoc?.markedBy ?? null,
  }
}

type Marked = Pick<BreakingNewsMark, 'language'>

/** What a change of a mark makes stale: the banner's JSON and the feed of its language. */
const expireMarks = (
  docs: (Marked | undefined)[],
  context: Parameters<typeof revalidateTags>[1],
) => {
  const languages = [...new Set(docs.map((doc) => doc?.language).filter(Boolean))] as string[]
  return revalidateTags(
    [cacheTags.breaking, ...languages.map(cacheTags.breakingIn)],
    context,
    languages.flatMap((language) => [breakingJsonPath(language), urls.feed(language)]),
  )
}

/**
 * A mark set, changed or removed shows within a second: its language's marks expire in Next's
 * data cache, and the caching proxy fetches that language's `breaking.json` and feed again.
 */
export const expireBreakingMark: CollectionAfterChangeHook<BreakingNewsMark> = async ({
  doc,
  previousDoc,
  context,
}) => {
  await expireMarks([doc, previousDoc], context)
  return doc
}

export const expireRemovedBreakingMark: CollectionAfterDeleteHook<BreakingNewsMark> = async ({
  doc,
  context,
}) => {
  await expireMarks([doc], context)
  return doc
}
