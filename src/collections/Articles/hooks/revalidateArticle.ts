import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidateTags } from '@/cache/revalidate'
import { cacheTags } from '@/cache/tags'
import { breakingJsonPath } from '@/lib/breaking'
import { idOf } from '@/lib/relations'
import { urls } from '@/lib/urls'
import type { Article } from '@/payload-types'

type Tagged = Pick<Article, 'id' | 'language' | 'slug' | 'translationOf'>

/**
 * Everything a reader may see of this article: the lists (all, and in its language), its page
 * by id and by URL (language + slug, so a page cached as "not found" expires too), and the
 * language switcher / hreflang links of its story's versions.
 */
const tagsFor = (doc: Tagged) => [
  cacheTags.articles,
  cacheTags.articlesIn(doc.language),
  cacheTags.article(doc.id),
  ...(doc.slug ? [cacheTags.articleSlug(doc.language, doc.slug)] : []),
  cacheTags.articleGroup(idOf(doc.translationOf) ?? doc.id),
]

/**
 * The pages the caching proxy fetches again at once: the article's own, its home page, and its
 * language's breaking news (a marked article unpublished leaves the banner at once).
 */
const pagesOf = (doc: Tagged) => [
  urls.home(doc.language),
  breakingJsonPath(doc.language),
  ...(doc.slug ? [urls.article(doc.language, doc.slug)] : []),
]

/**
 * Expires what readers see of an article when its published state changes: on publish, on
 * unpublish (the previous version was published), and on edits of a published article. The
 * previous version's tags are expired too, so a changed slug or language leaves no stale page.
 * Saving a draft of an unpublished article touches no public cache.
 */
export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  context,
}) => {
  const wasPublic = previousDoc?._status === 'published'
  const isPublic = doc._status === 'published'
  if (wasPublic || isPublic) {
    await revalidateTags(
      [...tagsFor(doc), ...(previousDoc?.language ? tagsFor(previousDoc) : [])],
      context,
      [...pagesOf(doc), ...(previousDoc?.language ? pagesOf(previousDoc) : [])],
    )
  }
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook<Article> = async ({
  doc,
  context,
}) => {
  await revalidateTags(tagsFor(doc), context, pagesOf(doc))
  return doc
}
