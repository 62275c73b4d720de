import 'server-only'

import type { Where } from 'payload'

import { cacheTags } from '@/cache/tags'
import { drizzleOf } from '@/db/client'
import { approvedCommentCounts } from '@/db/comments'
import { relatedArticleIds, sectionBlockIds } from '@/db/reads'
import type { ArticleSource } from '@/lib/articleSource'
import type { Language } from '@/lib/languages'
import { idOf } from '@/lib/relations'
import type { Article, User } from '@/payload-types'

import { cached } from './cached'
import { getPayloadClient } from './payload'
import {
  mediaPopulate,
  summaryPopulate,
  summarySelect,
  toHero,
  toImage,
  toPeople,
  toSectionRef,
  toSummary,
  toTags,
  type ArticleSummary,
  type ImageData,
  type Paginated,
  type PersonRef,
  type SectionRef,
  type TagRef,
} from './shapes'

export type { ArticleSummary, Paginated } from './shapes'

/** Every public read: as an anonymous reader, published versions only. */
const asReader = { overrideAccess: false, draft: false } as const

/**
 * Published articles of one language, newest first. `count: false` for a list that shows no
 * page numbers: Payload then skips its `count(*)` query (totals are those of the page read).
 */
const listArticles = async (
  language: Language,
  where: Where,
  page: number,
  limit: number,
  { count = true }: { count?: boolean } = {},
): Promise<Paginated<ArticleSummary>> => {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'articles',
    ...asReader,
    where: { and: [{ language: { equals: language } }, where] },
    sort: '-publishedAt',
    page,
    limit,
    pagination: count,
    depth: 1,
    locale: language,
    fallbackLocale: 'en',
    select: summarySelect,
    populate: summaryPopulate,
  })
  // Approved comment counts of the whole list, in one grouped query (src/db/comments.ts).
  const counts = await approvedCommentCounts(
    drizzleOf(payload),
    result.docs.map((doc) => doc.id),
  )
  return {
    docs: result.docs.map((doc) => ({ ...toSummary(doc), commentCount: counts.get(doc.id) ?? 0 })),
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────────

/** The latest published articles in one language, newest first. */
export const getLatestArticles = cached(
  'latest-articles',
  async ({ language, limit = 20 }: { language: Language; limit?: number }) =>
    (await listArticles(language, {}, 1, limit, { count: false })).docs,
  ({ language }) => [cacheTags.articles, cacheTags.articlesIn(language), cacheTags.commentCounts],
)

type ListPage = { page?: number; limit?: number }

/** A page of the published articles of a section: `sectionIds`, the section and those below it. */
export const getSectionArticles = cached(
  'section-articles',
  ({
    language,
    sectionIds,
    page = 1,
    limit = 12,
  }: { language: Language; sectionIds: number[] } & ListPage) =>
    listArticles(
      language,
      { or: [{ category: { in: sectionIds } }, { categories: { in: sectionIds } }] },
      page,
      limit,
    ),
  ({ language }) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.commentCounts,
    cacheTags.categories,
  ],
)

/**
 * The newest `perSection` published articles of several sections at once (the home page's
 * blocks): `blocks` lists each block's section ids (a section and its sub-sections). Same
 * articles and order as page 1 of `getSectionArticles` for each block, in two reads instead of
 * one list per block: one SQL statement picks the ids (`sectionBlockIds`, src/db/reads.ts), then
 * one Local API read as the anonymous reader loads them all.
 */
export const getSectionBlocks = cached(
  'section-blocks',
  async ({
    language,
    blocks,
    perSection = 4,
  }: {
    language: Language
    blocks: number[][]
    perSection?: number
  }): Promise<ArticleSummary[][]> => {
    if (!blocks.some((block) => block.length)) return blocks.map(() => [])
    const db = drizzleOf(await getPayloadClient())
    const rows = await sectionBlockIds(db, { language, blocks, perSection })
    const wanted = [...new Set(rows.map((row) => row.id))]
    const found = wanted.length
      ? await listArticles(language, { id: { in: wanted } }, 1, wanted.length, { count: false })
      : { docs: [] }
    const byId = new Map(found.docs.map((doc) => [doc.id, doc]))
    return blocks.map((_, i) =>
      rows
        .filter((row) => row.block === i + 1)
        .map((row) => byId.get(row.id))
        .filter((doc): doc is ArticleSummary => Boolean(doc)),
    )
  },
  ({ language }) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.commentCounts,
    cacheTags.categories,
  ],
)

/** A page of the published articles with an author's byline. */
export const getAuthorArticles = cached(
  'author-articles',
  ({
    language,
    authorId,
    page = 1,
    limit = 12,
  }: { language: Language; authorId: number } & ListPage) =>
    listArticles(language, { authors: { in: [authorId] } }, page, limit),
  ({ language }) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.commentCounts,
    cacheTags.authors,
  ],
)

/** A page of the published articles with a tag. */
export const getTagArticles = cached(
  'tag-articles',
  ({ language, tagId, page = 1, limit = 12 }: { language: Language; tagId: number } & ListPage) =>
    listArticles(language, { tags: { in: [tagId] } }, page, limit),
  ({ language }) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.commentCounts,
    cacheTags.tags,
  ],
)

// ── One article ────────────────────────────────────────────────────────────────────────────────

export type ArticleDetail = {
  id: number
  title: string
  slug: string
  dek: string | null
  language: Language
  body: Article['body']
  /**
   * the body's HTML as stored with the published version (src/lib/bodyHtml.ts); null when the
   * body holds something rendered at read time (images, internal links), and in draft preview
   */
  bodyHtml: string | null
  publishedAt: string | null
  /** the last time readers were told of a change: a correction, or an edit after publication */
  updatedAt: string | null
  createdAt: string
  readingTime: number | null
  section: SectionRef | null
  tags: TagRef[]
  authors: (PersonRef & { jobTitle: string | null })[]
  /** the hero image, its alt text and caption the article's own where it has them (toHero) */
  hero: ImageData | null
  ogImage: ImageData | null
  source: ArticleSource | null
  /** the original story this is a language version of (when it is readable) */
  translationOf: { id: number; title: string; slug: string; language: Language } | null
  /**
   * a language version whose original is not published (any more): the page says so rather
   * than dropping the "translated from" line, and shows nothing of the original
   */
  originalWithdrawn: boolean
  /** the id the story's language versions share: the original's */
  groupId: number
  relatedIds: number[]
  meta: { title: string | null; description: string | null }
  /** public corrections, oldest first */
  corrections: { date: string; text: string }[]
}

/** An edit counts as an update when it comes well after publication (not the publish itself). */
const UPDATE_GRACE_MS = 10 * 60 * 1000

export const updatedDate = (
  doc: Pick<Article, 'publishedAt' | 'createdAt' | 'updatedAt' | 'corrections'>,
): string | null => {
  if (!doc.publishedAt) return null
  const since = Math.max(Date.parse(doc.publishedAt), Date.parse(doc.createdAt))
  const edited = Date.parse(doc.updatedAt) - since > UPDATE_GRACE_MS ? doc.updatedAt : null
  // A correction moves the date too, whenever it was saved.
  const candidates = [edited, ...(doc.corrections ?? []).map((c) => c.date)].filter(
    (d): d is string => Boolean(d) && Date.parse(d!) > Date.parse(doc.publishedAt!),
  )
  return candidates.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null
}

const detailSelect = {
  title: true,
  slug: true,
  dek: true,
  language: true,
  body: true,
  heroImage: true,
  heroCaption: true,
  heroAlt: true,
  source: true,
  meta: true,
  relatedArticles: true,
  translationOf: true,
  category: true,
  tags: true,
  authors: true,
  publishedAt: true,
  readingTime: true,
  createdAt: true,
  updatedAt: true,
  corrections: true,
} as const

const detailPopulate = {
  categories: { name: true, slug: true, breadcrumbs: true },
  authors: { name: true, slug: true, jobTitle: true },
  tags: { name: true, slug: true },
  media: mediaPopulate,
  articles: { title: true, slug: true, language: true },
} as const

const toDetail = (doc: Article): ArticleDetail => {
  const original =
    doc.translationOf && typeof doc.translationOf === 'object' ? doc.translationOf : null
  const source = doc.source?.outlet || doc.source?.originalLanguage ? doc.source : null
  return {
    id: doc.id,
    title: doc.title,
    slug: doc.slug ?? '',
    dek: doc.dek ?? null,
    language: doc.language,
    body: doc.body ?? null,
    // Never readable through the Local API (field access); the site's own read selects it.
    bodyHtml: null,
    publishedAt: doc.publishedAt ?? null,
    updatedAt: updatedDate(doc),
    createdAt: doc.createdAt,
    readingTime: doc.readingTime ?? null,
    section: toSectionRef(doc.category),
    tags: toTags(doc.tags),
    authors: (doc.authors ?? [])
      .filter((a) => typeof a === 'object')
      .map((a) => ({ ...toPeople([a])[0], jobTitle: a.jobTitle ?? null })),
    hero: toHero(doc, 'hero'),
    ogImage: doc.meta?.image ? toImage(doc.meta.image, 'og') : toHero(doc, 'og'),
    source: source
      ? {
          outlet: source.outlet ?? null,
          url: source.url ?? null,
          originalLanguage: source.originalLanguage ?? null,
          originalTitle: source.originalTitle ?? null,
          originalDate: source.originalDate ?? null,
        }
      : null,
    // the page knows (from the story's published versions, which it reads fresh)
    originalWithdrawn: false,
    translationOf: original
      ? {
          id: original.id,
          title: original.title,
          slug: original.slug ?? '',
          language: original.language,
        }
      : null,
    groupId: idOf(doc.translationOf) ?? doc.id,
    relatedIds: (doc.relatedArticles ?? []).map((r) => idOf(r)).filter((n): n is number => !!n),
    meta: { title: doc.meta?.title ?? null, description: doc.meta?.description ?? null },
    corrections: (doc.corrections ?? [])
      .map(({ date, text }) => ({ date, text }))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date)),
  }
}

/**
 * One article's page data by language and slug, read with `access`: the anonymous reader's
 * (published only) by default, or a staff user's newest version for draft preview (preview.ts).
 */
export const findArticleDetail = async (
  { language, slug }: { language: Language; slug: string },
  access: { overrideAccess: false; draft: boolean; user?: User } = asReader,
): Promise<ArticleDetail | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...access,
    where: { and: [{ language: { equals: language } }, { slug: { equals: slug } }] },
    limit: 1,
    pagination: false,
    depth: 1,
    locale: language,
    fallbackLocale: 'en',
    select: detailSelect,
    populate: detailPopulate,
  })
  return docs[0] ? toDetail(docs[0] as Article) : null
}

/** A published article by language and slug; null for drafts and unknown slugs. */
export const getArticleBySlug = cached(
  'article-by-slug',
  (args: { language: Language; slug: string }) => findArticleDetail(args),
  ({ language, slug }) => [
    cacheTags.articleSlug(language, slug),
    cacheTags.categories,
    cacheTags.authors,
    cacheTags.tags,
  ],
)

export type ArticleVersion = { id: number; language: Language; slug: string; title: string }

/**
 * The published language versions of a story: the original and every document whose
 * `translationOf` is the original. `groupId` is the original's id. Drafts are never returned.
 */
export const getArticleVersions = cached(
  'article-versions',
  async ({ groupId }: { groupId: number }): Promise<ArticleVersion[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      where: { or: [{ id: { equals: groupId } }, { translationOf: { equals: groupId } }] },
      limit: 50,
      pagination: false,
      depth: 0,
      sort: 'publishedAt',
      select: { language: true, slug: true, title: true },
    })
    return docs.map((doc) => ({
      id: doc.id,
      language: doc.language,
      slug: doc.slug ?? '',
      title: doc.title,
    }))
  },
  ({ groupId }) => [cacheTags.articleGroup(groupId)],
)

/**
 * "You might also like": the editor's related articles first (in their order), then filled up
 * with the newest articles sharing a tag, then the newest of the same section. Only published
 * articles in the same language, never the article itself, no duplicates. One SQL statement picks
 * the candidates of the three tiers (`relatedArticleIds`, src/db/reads.ts); one Local API read as
 * the anonymous reader loads the chosen ones.
 */
export const getRelatedArticles = cached(
  'related-articles',
  async ({
    language,
    articleId,
    relatedIds,
    sectionId,
    tagIds,
    limit = 4,
  }: {
    language: Language
    articleId: number
    relatedIds: number[]
    sectionId: number
    tagIds: number[]
    limit?: number
  }): Promise<ArticleSummary[]> => {
    const picked = relatedIds.filter((id) => id !== articleId)
    const db = drizzleOf(await getPayloadClient())
    const rows = await relatedArticleIds(db, {
      language,
      articleId,
      picked,
      tagIds,
      sectionId,
      // Enough candidates per tier to fill `limit` after the tiers above have taken theirs.
      room: limit * 2 + picked.length,
    })
    const chosen: number[] = []
    for (const { id } of rows) {
      if (chosen.length < limit && !chosen.includes(id)) chosen.push(id)
    }
    if (!chosen.length) return []
    const { docs } = await listArticles(language, { id: { in: chosen } }, 1, chosen.length, {
      count: false,
    })
    return chosen
      .map((id) => docs.find((doc) => doc.id === id))
      .filter((doc): doc is ArticleSummary => Boolean(doc))
  },
  ({ language, articleId }) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.article(articleId),
    cacheTags.commentCounts,
  ],
)

export type CorrectionEntry = {
  date: string
  text: string
  article: { id: number; title: string; slug: string; language: Language }
}

/** Every public correction to the published articles of one language, newest first. */
export const getCorrections = cached(
  'corrections',
  async ({ language }: { language: Language }): Promise<CorrectionEntry[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      where: { and: [{ language: { equals: language } }, { 'corrections.id': { exists: true } }] },
      limit: 500,
      pagination: false,
      depth: 0,
      select: { title: true, slug: true, language: true, corrections: true },
    })
    return docs
      .flatMap((doc) =>
        (doc.corrections ?? []).map((c) => ({
          date: c.date,
          text: c.text,
          article: { id: doc.id, title: doc.title, slug: doc.slug ?? '', language: doc.language },
        })),
      )
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
  },
  ({ language }) => [cacheTags.articles, cacheTags.articlesIn(language)],
)
