import 'server-only'

import { cacheTags } from '@/cache/tags'
import {
  BREAKING_BANNER_SIZE,
  BREAKING_FEED_CATEGORY,
  BREAKING_SLUG,
  breakingFirst,
  currentAt,
  type BreakingItem,
} from '@/lib/breaking'
import { LANGUAGES, type Language } from '@/lib/languages'
import { idOf } from '@/lib/relations'
import { urls } from '@/lib/urls'

import { cached } from './cached'
import { FEED_ITEM_FIELDS, FEED_SIZE, type FeedData, type FeedItem } from './feeds'
import { getPayloadClient } from './payload'

/** The most marks one language loads (more than readers are ever shown). */
const MAX_MARKS = 20

/** A running mark with what the banner, the feed and the News sitemap show of its article. */
export type BreakingEntry = FeedItem & { url: string; markedAt: string; expiresAt: string }

/**
 * One language's marks not yet run out when loaded, newest first, each with its article as an
 * anonymous reader reads it: a mark whose article is not published (a draft, unpublished,
 * archived, trashed, deleted) is left out, so nothing of an unpublished article is ever shown.
 * The marks' collection is closed to readers, so it is read with `overrideAccess`, selecting
 * only the article and the two times. Cached under the marks' tags (a mark set, changed or
 * removed) and the articles' tags of the language (an unpublish); whoever serves it keeps only
 * the marks still running at that moment (`getBreaking`), so an expiry needs no event.
 */
export const getBreakingMarks = cached(
  'breaking-marks',
  async ({ language }: { language: Language }): Promise<BreakingEntry[]> => {
    const payload = await getPayloadClient()
    const { docs: marks } = await payload.find({
      collection: BREAKING_SLUG,
      overrideAccess: true,
      where: {
        and: [
          { language: { equals: language } },
          { expiresAt: { greater_than: new Date().toISOString() } },
        ],
      },
      sort: '-createdAt',
      limit: MAX_MARKS,
      depth: 0,
      select: { article: true, expiresAt: true, createdAt: true },
    })
    const ids = marks.map((mark) => idOf(mark.article)).filter((id): id is number => id !== null)
    if (ids.length === 0) return []
    const { docs: articles } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      draft: false,
      where: {
        and: [
          { id: { in: ids } },
          { language: { equals: language } },
          { _status: { equals: 'published' } },
        ],
      },
      limit: ids.length,
      depth: 1,
      locale: language,
      fallbackLocale: 'en',
      ...FEED_ITEM_FIELDS,
    })
    const byId = new Map(articles.map((article) => [article.id, article]))
    return marks.flatMap((mark) => {
      const article = byId.get(idOf(mark.article) ?? 0)
      if (!article || !mark.expiresAt) return []
      return [
        {
          id: article.id,
          title: article.title,
          slug: article.slug ?? '',
          url: urls.article(language, article.slug ?? ''),
          dek: article.dek ?? null,
          publishedAt: article.publishedAt ?? article.updatedAt,
          section:
            article.category && typeof article.category === 'object' ? article.category.name : null,
          markedAt: mark.createdAt,
          expiresAt: mark.expiresAt,
        },
      ]
    })
  },
  ({ language }) => [
    cacheTags.breaking,
    cacheTags.breakingIn(language),
    cacheTags.articles,
    cacheTags.articlesIn(language),
  ],
  // A safety net only: the tags expire it on every change.
  { revalidate: 300 },
)

/** The marks of `language` running now, newest first (at most `limit`). */
export const getBreaking = async ({
  language,
  limit = MAX_MARKS,
}: {
  language: Language
  limit?: number
}): Promise<BreakingEntry[]> =>
  currentAt(await getBreakingMarks({ language }), new Date()).slice(0, limit)

/** What readers' browsers get (`/{lang}/breaking.json`): the banner's few newest marks. */
export const getBreakingJson = async ({
  language,
}: {
  language: Language
}): Promise<{ items: BreakingItem[] }> => ({
  items: (await getBreaking({ language, limit: BREAKING_BANNER_SIZE })).map(
    ({ id, title, url, markedAt, expiresAt }) => ({ id, title, url, markedAt, expiresAt }),
  ),
})

/**
 * A language's feed with its breaking articles first (newest mark first, each with the
 * `breaking` category, listed even when older than the feed's newest), then the usual order.
 */
export const withBreakingFirst = async (data: FeedData | null): Promise<FeedData | null> => {
  if (!data) return data
  const marks = await getBreaking({ language: data.language, limit: FEED_SIZE })
  if (marks.length === 0) return data
  const marked = new Set(marks.map((mark) => mark.id))
  const first: FeedItem[] = marks.map(({ id, title, slug, dek, publishedAt, section }) => ({
    id,
    title,
    slug,
    dek,
    publishedAt,
    section,
    categories: [BREAKING_FEED_CATEGORY],
  }))
  return {
    ...data,
    items: [...first, ...data.items.filter((item) => !marked.has(item.id))].slice(0, FEED_SIZE),
  }
}

/** The paths of every language's running marks, newest mark first (the News sitemap's order). */
export const getBreakingPaths = async (): Promise<string[]> => {
  const perLanguage = await Promise.all(LANGUAGES.map((language) => getBreaking({ language })))
  return currentAt(perLanguage.flat(), new Date()).map((mark) => mark.url)
}

/** News sitemap entries with the breaking articles first, then the usual order. */
export const newsWithBreakingFirst = async <T extends { path: string }>(
  entries: T[],
): Promise<T[]> => breakingFirst(entries, (entry) => entry.path, await getBreakingPaths())
