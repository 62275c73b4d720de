import type { PayloadRequest } from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { liveJsonPath } from '@/lib/live'
import { urls } from '@/lib/urls'

/**
 * A change of an article's live coverage or of one of its updates: expire the article's live
 * read (its page and its JSON read it, `src/data/live.ts`) and, when the article is published,
 * have the caching proxy fetch its page and its JSON again (as a publish or an approved comment
 * does), so readers without JavaScript see it on their next load and the pollers within a
 * second. A draft's coverage touches nothing public: only the tag (harmless) expires.
 */
export const expireLive = async (req: PayloadRequest, articleId: number | null) => {
  if (!articleId) return
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { id: { equals: articleId }, _status: { equals: 'published' } },
    select: { slug: true, language: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const article = docs[0]
  await revalidateTags(
    [cacheTags.live(articleId)],
    req.context,
    article?.slug
      ? [urls.article(article.language, article.slug), liveJsonPath(article.language, article.slug)]
      : [],
  )
}
