import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { cacheTags } from '@/data/cacheTags'
import { revalidateTags } from '@/data/revalidate'
import type { Article } from '@/payload-types'

const tagsFor = (doc: Pick<Article, 'id' | 'language'>) => [
  cacheTags.articles,
  cacheTags.articlesIn(doc.language),
  cacheTags.article(doc.id),
]

/**
 * Expires what readers see of an article when its published state changes: on publish, on
 * unpublish (the previous version was published), and on edits of a published article. Saving a
 * draft of an unpublished article touches no public cache.
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
    )
  }
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook<Article> = async ({
  doc,
  context,
}) => {
  await revalidateTags(tagsFor(doc), context)
  return doc
}
