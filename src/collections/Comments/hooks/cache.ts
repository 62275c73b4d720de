import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { drizzleFor } from '@/db/client'
import { commentTarget } from '@/db/comments'
import { idOf } from '@/lib/relations'
import { urls } from '@/lib/urls'
import type { Comment } from '@/payload-types'

/**
 * What readers see of comments is approved ones only: a change that makes a comment approved,
 * or takes an approved one away (rejected, deleted, edited), expires its article's comments and
 * every list's counts, and has the caching proxy fetch the article page again (as a publish
 * does), so an approval shows through nginx within a second. Other changes (a new pending
 * comment, a confirmation) touch nothing public.
 */
const expireCommentsOf = async (req: PayloadRequest, articleId: number | null | undefined) => {
  if (!articleId) return
  const article = await commentTarget(await drizzleFor(req), articleId)
  await revalidateTags(
    [cacheTags.comments(articleId), cacheTags.commentCounts],
    req.context,
    article ? [urls.article(article.language, article.slug)] : [],
  )
}

export const expireApprovedComment: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status === 'approved' || previousDoc?.status === 'approved') {
    await expireCommentsOf(req, idOf(doc.article))
    const before = idOf(previousDoc?.article)
    if (before && before !== idOf(doc.article)) await expireCommentsOf(req, before)
  }
  return doc
}

export const expireDeletedComment: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  if (doc.status === 'approved') await expireCommentsOf(req, idOf(doc.article))
  return doc
}
