import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import type { Language } from '@/access/roles'

import { cacheTags } from './cacheTags'
import { getPayloadClient } from './payload'

export type ArticleSummary = {
  id: number
  title: string
  slug: string
  dek: string | null
  language: Language
  publishedAt: string | null
  readingTime: number | null
  section: { name: string; slug: string } | null
  authors: { name: string; slug: string }[]
}

/**
 * The latest published articles in one language, newest first. Reads as an anonymous reader
 * (`overrideAccess: false`, no user, published versions only), selects only what a list shows,
 * and is cached under the article tags that publish/unpublish hooks expire.
 */
export const getLatestArticles = cache(
  (language: Language, limit = 20): Promise<ArticleSummary[]> =>
    unstable_cache(
      async () => {
        const payload = await getPayloadClient()
        const { docs } = await payload.find({
          collection: 'articles',
          overrideAccess: false,
          draft: false,
          where: { language: { equals: language } },
          sort: '-publishedAt',
          limit,
          depth: 1,
          locale: language,
          fallbackLocale: 'en',
          select: {
            title: true,
            slug: true,
            dek: true,
            language: true,
            publishedAt: true,
            readingTime: true,
            category: true,
            authors: true,
          },
          populate: {
            categories: { name: true, slug: true },
            authors: { name: true, slug: true },
          },
        })
        return docs.map((doc): ArticleSummary => ({
          id: doc.id,
          title: doc.title,
          slug: doc.slug ?? '',
          dek: doc.dek ?? null,
          language: doc.language,
          publishedAt: doc.publishedAt ?? null,
          readingTime: doc.readingTime ?? null,
          section:
            doc.category && typeof doc.category === 'object'
              ? { name: doc.category.name, slug: doc.category.slug ?? '' }
              : null,
          authors: (doc.authors ?? [])
            .filter((author) => typeof author === 'object')
            .map((author) => ({ name: author.name, slug: author.slug ?? '' })),
        }))
      },
      ['latest-articles', language, String(limit)],
      { tags: [cacheTags.articles, cacheTags.articlesIn(language)] },
    )(),
)
