import { sql } from '@payloadcms/db-postgres'
import type { Where } from 'payload'

import { drizzleOf } from '@/db/client'
import type { Language } from '@/lib/languages'
import type { Article, User } from '@/payload-types'

import { cacheTags } from './cacheTags'
import { cachedQuery } from './cached'
import { getPayloadClient } from './payload'
import {
  idOf,
  mediaPopulate,
  summaryPopulate,
  summarySelect,
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

const ids = (csv: string) =>
  csv
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)

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
  return {
    docs: result.docs.map(toSummary),
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────────

export const loadLatestArticles = async (language: Language, limit = 20) =>
  (await listArticles(language, {}, 1, limit, { count: false })).docs

/** The latest published articles in one language, newest first. */
export const getLatestArticles = cachedQuery(
  'latest-articles',
  (language: Language, limit: number) => loadLatestArticles(language, limit),
  (language) => [cacheTags.articles, cacheTags.articlesIn(language)],
)

/** `sectionIds`: comma-separated ids of a section and its sub-sections. */
export const loadSectionArticles = (language: Language, sectionIds: string, page = 1, limit = 12) =>
  listArticles(
    language,
    {
      or: [{ category: { in: ids(sectionIds) } }, { categories: { in: ids(sectionIds) } }],
    },
    page,
    limit,
  )

export const getSectionArticles = cachedQuery(
  'section-articles',
  loadSectionArticles,
  (language) => [cacheTags.articles, cacheTags.articlesIn(language), cacheTags.categories],
)

/**
 * The newest `perSection` published articles of several sections at once (the home page's
 * blocks): `sectionIds` lists each block's section ids (a section and its sub-sections),
 * comma-separated, blocks separated by `;`. Same articles and order as page 1 of
 * `loadSectionArticles` for each block, in two reads instead of one list per block: one SQL
 * statement picks the ids (per block, on the `language, _status, published_at` index; published
 * and not trashed only, as the anonymous reader's access says), then one Local API read as that
 * reader loads them all.
 */
export const loadSectionBlocks = async (
  language: Language,
  sectionIds: string,
  perSection = 4,
): Promise<ArticleSummary[][]> => {
  const blocks = sectionIds.split(';').map(ids)
  if (!blocks.some((block) => block.length)) return blocks.map(() => [])
  const payload = await getPayloadClient()
  const db = drizzleOf(payload)
  const { rows } = await db.execute<{ block: number; id: number }>(sql`
    SELECT b.ord::int AS block, a.id
    FROM jsonb_array_elements(${JSON.stringify(blocks)}::jsonb) WITH ORDINALITY AS b(ids, ord)
    CROSS JOIN LATERAL (
      SELECT ARRAY(SELECT jsonb_array_elements_text(b.ids)::int) AS ids
    ) AS s
    CROSS JOIN LATERAL (
      SELECT a.id, a.published_at FROM articles a
      WHERE a.language = ${language}
        AND a._status = 'published'
        AND a.deleted_at IS NULL
        AND (
          a.category_id = ANY(s.ids)
          OR EXISTS (
            SELECT 1 FROM articles_rels r
            WHERE r.parent_id = a.id AND r.path = 'categories' AND r.categories_id = ANY(s.ids)
          )
        )
      ORDER BY a.published_at DESC, a.id DESC
      LIMIT ${perSection}
    ) AS a
    ORDER BY b.ord, a.published_at DESC, a.id DESC
  `)
  const wanted = [...new Set(rows.map((row) => Number(row.id)))]
  const found = wanted.length
    ? await listArticles(language, { id: { in: wanted } }, 1, wanted.length, { count: false })
    : { docs: [] }
  const byId = new Map(found.docs.map((doc) => [doc.id, doc]))
  return blocks.map((_, i) =>
    rows
      .filter((row) => Number(row.block) === i + 1)
      .map((row) => byId.get(Number(row.id)))
      .filter((doc): doc is ArticleSummary => Boolean(doc)),
  )
}

export const getSectionBlocks = cachedQuery('section-blocks', loadSectionBlocks, (language) => [
  cacheTags.articles,
  cacheTags.articlesIn(language),
  cacheTags.categories,
])

export const loadAuthorArticles = (language: Language, authorId: number, page = 1, limit = 12) =>
  listArticles(language, { authors: { in: [authorId] } }, page, limit)

export const getAuthorArticles = cachedQuery('author-articles', loadAuthorArticles, (language) => [
  cacheTags.articles,
  cacheTags.articlesIn(language),
  cacheTags.authors,
])

export const loadTagArticles = (language: Language, tagId: number, page = 1, limit = 12) =>
  listArticles(language, { tags: { in: [tagId] } }, page, limit)

export const getTagArticles = cachedQuery('tag-articles', loadTagArticles, (language) => [
  cacheTags.articles,
  cacheTags.articlesIn(language),
  cacheTags.tags,
])

// ── One article ────────────────────────────────────────────────────────────────────────────────

export type ArticleDetail = {
  id: number
  title: string
  slug: string
  dek: string | null
  language: Language
  body: Article['body']
  publishedAt: string | null
  /** the last time readers were told of a change: a correction, or an edit after publication */
  updatedAt: string | null
  createdAt: string
  readingTime: number | null
  section: SectionRef | null
  tags: TagRef[]
  authors: (PersonRef & { jobTitle: string | null })[]
  hero: ImageData | null
  ogImage: ImageData | null
  heroCaption: string | null
  source: {
    outlet: string | null
    url: string | null
    originalLanguage: string | null
    originalTitle: string | null
    originalDate: string | null
  } | null
  /** the original story this is a language version of (when it is readable) */
  translationOf: { id: number; title: string; slug: string; language: Language } | null
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
    publishedAt: doc.publishedAt ?? null,
    updatedAt: updatedDate(doc),
    createdAt: doc.createdAt,
    readingTime: doc.readingTime ?? null,
    section: toSectionRef(doc.category),
    tags: toTags(doc.tags),
    authors: (doc.authors ?? [])
      .filter((a) => typeof a === 'object')
      .map((a) => ({ ...toPeople([a])[0], jobTitle: a.jobTitle ?? null })),
    hero: toImage(doc.heroImage, 'hero'),
    ogImage: toImage(doc.meta?.image ?? doc.heroImage, 'og'),
    heroCaption: doc.heroCaption ?? null,
    source: source
      ? {
          outlet: source.outlet ?? null,
          url: source.url ?? null,
          originalLanguage: source.originalLanguage ?? null,
          originalTitle: source.originalTitle ?? null,
          originalDate: source.originalDate ?? null,
        }
      : null,
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
 * (published only) by default, or a staff user's newest version for draft preview.
 */
export const findArticleDetail = async (
  language: Language,
  slug: string,
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

export const loadArticleBySlug = (language: Language, slug: string) =>
  findArticleDetail(language, slug)

/** A published article by language and slug; null for drafts and unknown slugs. */
export const getArticleBySlug = cachedQuery(
  'article-by-slug',
  loadArticleBySlug,
  (language, slug) => [
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
export const loadArticleVersions = async (groupId: number): Promise<ArticleVersion[]> => {
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
}

export const getArticleVersions = cachedQuery(
  'article-versions',
  loadArticleVersions,
  (groupId) => [cacheTags.articleGroup(groupId)],
)

/**
 * How far back "sharing a tag" looks: the newest this many articles of the language. Walking the
 * archive in date order until enough articles with the tag turn up costs a probe per article, and
 * for an article whose tags are rare (or that has none) that was the whole archive: 150 ms at
 * 100,000 articles. Older articles sharing a tag give way to the section's newest.
 */
const TAG_WINDOW = 2000

/**
 * "You might also like": the editor's related articles first (in their order), then filled up
 * with the newest articles sharing a tag (among the newest `TAG_WINDOW`), then the same section. Only published articles in the
 * same language, never the article itself, no duplicates. One SQL statement picks the
 * candidates of the three tiers (published and not trashed, as the anonymous reader's access
 * says); one Local API read as that reader loads the chosen ones.
 */
export const loadRelatedArticles = async (
  language: Language,
  articleId: number,
  relatedIds: string,
  sectionId: number,
  tagIds: string,
  limit = 4,
): Promise<ArticleSummary[]> => {
  const picked = ids(relatedIds).filter((id) => id !== articleId)
  const tags = ids(tagIds)
  // Enough candidates per tier to fill `limit` after the tiers above have taken theirs.
  const room = limit * 2 + picked.length
  const payload = await getPayloadClient()
  const db = drizzleOf(payload)
  const { rows } = await db.execute<{ id: number; tier: number }>(sql`
    WITH readable AS NOT MATERIALIZED (
      SELECT a.id, a.published_at, a.created_at, a.category_id FROM articles a
      WHERE a.language = ${language}
        AND a._status = 'published'
        AND a.deleted_at IS NULL
        AND a.id <> ${articleId}
    )
    SELECT id, tier FROM (
      SELECT r.id, 0 AS tier, p.ord::int AS ord, r.published_at, r.created_at
      FROM jsonb_array_elements_text(${JSON.stringify(picked)}::jsonb) WITH ORDINALITY AS p(id, ord)
      JOIN readable r ON r.id = p.id::int
      ${
        tags.length === 0
          ? sql``
          : sql`
      UNION ALL
      (SELECT r.id, 1, 0, r.published_at, r.created_at FROM (
         SELECT * FROM readable
         ORDER BY published_at DESC, created_at DESC, id DESC
         LIMIT ${TAG_WINDOW}
       ) r
       WHERE EXISTS (
         SELECT 1 FROM articles_rels t
         WHERE t.parent_id = r.id AND t.path = 'tags'
           AND t.tags_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(tags)}::jsonb)::int))
       )
       ORDER BY r.published_at DESC, r.created_at DESC, r.id DESC
       LIMIT ${room})`
      }
      UNION ALL
      (SELECT r.id, 2, 0, r.published_at, r.created_at FROM readable r
       WHERE r.category_id = ${sectionId}
       ORDER BY r.published_at DESC, r.created_at DESC, r.id DESC
       LIMIT ${room})
    ) AS candidates
    ORDER BY tier, ord, published_at DESC, created_at DESC, id DESC
  `)
  const chosen: number[] = []
  for (const row of rows) {
    const id = Number(row.id)
    if (chosen.length < limit && !chosen.includes(id)) chosen.push(id)
  }
  if (!chosen.length) return []
  const { docs } = await listArticles(language, { id: { in: chosen } }, 1, chosen.length, {
    count: false,
  })
  return chosen
    .map((id) => docs.find((doc) => doc.id === id))
    .filter((doc): doc is ArticleSummary => Boolean(doc))
}

export const getRelatedArticles = cachedQuery(
  'related-articles',
  loadRelatedArticles,
  (language, articleId) => [
    cacheTags.articles,
    cacheTags.articlesIn(language),
    cacheTags.article(articleId),
  ],
)

export type CorrectionEntry = {
  date: string
  text: string
  article: { id: number; title: string; slug: string; language: Language }
}

/** Every public correction to the published articles of one language, newest first. */
export const loadCorrections = async (language: Language): Promise<CorrectionEntry[]> => {
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
}

export const getCorrections = cachedQuery('corrections', loadCorrections, (language) => [
  cacheTags.articles,
  cacheTags.articlesIn(language),
])
