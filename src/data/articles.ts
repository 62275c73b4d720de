import 'server-only'

import type { Where } from 'payload'

import { cacheTags } from '@/cache/tags'
import {
  articleSummaries,
  bodyReferences,
  latestArticleSummaries,
  publishedArticleDetail,
  publishedArticleVersions,
  type ArticleDetailRow,
  type ArticleSummaryRow,
  type SectionRow,
} from '@/db/articleReads'
import { adapterOf, drizzleOf } from '@/db/client'
import { approvedCommentCounts } from '@/db/comments'
import { relatedArticleIds, sectionBlockIds } from '@/db/reads'
import { drizzleForReads } from '@/db/replica'
import type { ArticleSource } from '@/lib/articleSource'
import type { Language } from '@/lib/languages'
import { idOf } from '@/lib/relations'
import type { Article, User } from '@/payload-types'

import { cached } from './cached'
import { getPayloadClient } from './payload'
import {
  mediaOfRow,
  mediaPopulate,
  sectionPath,
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
  type MediaUrls,
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

// ── Rows read in SQL (src/db/articleReads.ts), shaped as the Local API path shaped them ─────

/** How this Payload makes media URLs (`toImage` then makes them paths, as for Local API reads). */
const mediaUrlsOf = (payload: Awaited<ReturnType<typeof getPayloadClient>>): MediaUrls => ({
  serverURL: payload.config.serverURL ?? '',
  apiRoute: payload.config.routes?.api ?? '/api',
  // the S3 storage plugin is on exactly when S3_BUCKET is set (src/plugins.ts)
  s3: Boolean(process.env.S3_BUCKET),
})

/** Where the raw reads below go: a replica when one may serve them (src/db/replica.ts). */
const readerOf = (payload: Awaited<ReturnType<typeof getPayloadClient>>) =>
  drizzleForReads(adapterOf(payload))

const iso = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

const sectionOfRow = (row: SectionRow | null): SectionRef | null =>
  row
    ? {
        id: Number(row.id),
        name: row.name as string,
        slug: row.slug ?? '',
        path: sectionPath({ slug: row.slug, breadcrumbs: row.url ? [{ url: row.url }] : null }),
      }
    : null

const summaryOfRow = (row: ArticleSummaryRow, urls: MediaUrls): ArticleSummary => {
  const section = sectionOfRow(row.section)
  return {
    id: Number(row.id),
    title: row.title ?? '',
    slug: row.slug ?? '',
    dek: row.dek ?? null,
    language: (row.language ?? 'en') as Language,
    publishedAt: iso(row.published_at),
    readingTime: numberOrNull(row.reading_time),
    section: section ? { name: section.name, slug: section.slug, path: section.path } : null,
    authors: row.authors.map(({ name, slug }) => ({ name, slug: slug ?? '' })),
    image: toHero(
      { heroImage: mediaOfRow(row.hero, urls) as never, heroAlt: row.hero_alt },
      'card',
    ),
    commentCount: Number(row.comment_count ?? 0),
  }
}

/** The cards of the published articles `ids` of `language`, in that order, in one statement. */
const summariesOf = async (language: Language, ids: number[]): Promise<ArticleSummary[]> => {
  if (!ids.length) return []
  const payload = await getPayloadClient()
  const rows = await articleSummaries(readerOf(payload), { language, ids })
  const urls = mediaUrlsOf(payload)
  return rows.map((row) => summaryOfRow(row, urls))
}

// ── Lists ──────────────────────────────────────────────────────────────────────────────────────

/** The latest published articles in one language, newest first. */
export const getLatestArticles = cached(
  'latest-articles',
  async ({ language, limit = 20 }: { language: Language; limit?: number }) => {
    const payload = await getPayloadClient()
    const rows = await latestArticleSummaries(readerOf(payload), { language, limit })
    const urls = mediaUrlsOf(payload)
    return rows.map((row) => summaryOfRow(row, urls))
  },
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
 * one more loads their cards (`articleSummaries`, src/db/articleReads.ts).
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
    const found = await summariesOf(language, wanted)
    const byId = new Map(found.map((doc) => [doc.id, doc]))
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
    // Never readable through the Local API (field access): a draft preview renders the body.
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

type LexicalNode = {
  type?: string
  relationTo?: string
  value?: unknown
  fields?: { linkType?: string; doc?: { relationTo?: string; value?: unknown } | null }
  children?: LexicalNode[]
}

/** Every node of a Lexical body (its root's descendants). */
const nodesOf = (body: unknown): LexicalNode[] => {
  const found: LexicalNode[] = []
  const walk = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    found.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  walk((body as { root?: LexicalNode } | null)?.root)
  return found
}

/**
 * The documents a body shows or links to: upload and relationship nodes (`embed`), and internal
 * links (a relationship field of the link node).
 */
const referencesOf = (nodes: LexicalNode[]) =>
  nodes.flatMap((node) => {
    if ((node.type === 'upload' || node.type === 'relationship') && node.relationTo) {
      const set = (v: unknown) => (node.value = v)
      return [{ embed: true, relationTo: node.relationTo, value: node.value, set }]
    }
    const doc = node.fields?.linkType === 'internal' ? node.fields.doc : null
    if (doc?.relationTo) {
      const set = (v: unknown) => (doc.value = v)
      return [{ embed: false, relationTo: doc.relationTo, value: doc.value, set }]
    }
    return []
  })

/**
 * A body with the documents it shows or links to filled in, as Payload's population does at
 * depth 1 for the anonymous reader, with what the renderer reads of them (src/components/
 * RichText.tsx): media with their `hero` rendition, published articles, published pages. As
 * Payload has it, an embed (upload, relationship node) it may not read becomes null; a link keeps
 * the id, and a link to a published article in the trash becomes null. One statement, and none
 * for a body that references nothing.
 */
const populateBody = async (
  payload: Awaited<ReturnType<typeof getPayloadClient>>,
  body: unknown,
  language: Language,
): Promise<unknown> => {
  if (!body) return body
  const references = referencesOf(nodesOf(body)).filter(
    (ref) => typeof ref.value === 'number' || typeof ref.value === 'string',
  )
  if (!references.length) return body
  const idsOf = (collection: string) => [
    ...new Set(references.filter((r) => r.relationTo === collection).map((r) => Number(r.value))),
  ]
  const rows = await bodyReferences(readerOf(payload), {
    language,
    media: idsOf('media'),
    articles: idsOf('articles'),
    pages: idsOf('pages'),
  })
  const urls = mediaUrlsOf(payload)
  const trashed = new Set(rows.articles.filter((a) => a.trashed).map((a) => Number(a.id)))
  const found = new Map<string, unknown>([
    ...rows.media.map((m) => [`media:${m.id}`, mediaOfRow(m, urls)] as const),
    ...rows.articles.map(
      ({ id, title, slug, language }) =>
        [`articles:${id}`, { id: Number(id), title, slug, language }] as const,
    ),
    ...rows.pages.map((p) => [`pages:${p.id}`, { ...p, id: Number(p.id) }] as const),
  ])
  const known = new Set(['media', 'articles', 'pages'])
  for (const ref of references) {
    if (!known.has(ref.relationTo)) continue
    const id = Number(ref.value)
    const doc = found.get(`${ref.relationTo}:${id}`)
    if (ref.embed) ref.set(doc ?? null)
    else if (ref.relationTo === 'articles' && trashed.has(id)) ref.set(null)
    else if (doc) ref.set(doc)
  }
  return body
}

const detailOfRow = async (
  payload: Awaited<ReturnType<typeof getPayloadClient>>,
  row: ArticleDetailRow,
): Promise<ArticleDetail> => {
  const urls = mediaUrlsOf(payload)
  const language = row.language as Language
  const hero = mediaOfRow(row.hero, urls)
  const metaImage = mediaOfRow(row.meta_image, urls)
  const heroDoc = { heroImage: hero as never, heroAlt: row.hero_alt, heroCaption: row.hero_caption }
  const corrections = row.corrections.map(({ date, text }) => ({ date: iso(date)!, text }))
  const publishedAt = iso(row.published_at)
  const createdAt = iso(row.created_at)!
  const source = {
    outlet: row.source_outlet ?? null,
    url: row.source_url ?? null,
    originalLanguage: (row.source_original_language ?? null) as ArticleSource['originalLanguage'],
    originalTitle: row.source_original_title ?? null,
    originalDate: iso(row.source_original_date),
  }
  const original = row.original
  const id = Number(row.id)
  return {
    id,
    title: row.title,
    slug: row.slug ?? '',
    dek: row.dek ?? null,
    language,
    body: (await populateBody(payload, row.body, language)) as Article['body'],
    bodyHtml: row.bodyHtml ?? null,
    publishedAt,
    updatedAt: updatedDate({
      publishedAt,
      createdAt,
      updatedAt: iso(row.updated_at)!,
      corrections,
    }),
    createdAt,
    readingTime: numberOrNull(row.reading_time),
    section: sectionOfRow(row.section),
    tags: row.tags.map((tag) => ({
      id: Number(tag.id),
      name: tag.name as string,
      slug: tag.slug ?? '',
    })),
    authors: row.authors.map((a) => ({
      id: Number(a.id),
      name: a.name,
      slug: a.slug ?? '',
      jobTitle: a.job_title ?? null,
    })),
    hero: toHero(heroDoc, 'hero'),
    ogImage: metaImage ? toImage(metaImage, 'og') : toHero(heroDoc, 'og'),
    source: source.outlet || source.originalLanguage ? source : null,
    originalWithdrawn: false,
    translationOf: original
      ? {
          id: Number(original.id),
          title: original.title,
          slug: original.slug ?? '',
          language: original.language as Language,
        }
      : null,
    // As the Local API path had it: Payload drops a relation to a published article in the
    // trash (then the article is its own group), and keeps the id of one it may not read.
    groupId: row.original_trashed ? id : (numberOrNull(row.translation_of_id) ?? id),
    relatedIds: row.related_ids.map(Number),
    meta: { title: row.meta_title ?? null, description: row.meta_description ?? null },
    corrections: [...corrections].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)),
  }
}

/**
 * One article's page data by language and slug through the Local API, read with `access`: a
 * staff user's newest version for draft preview (preview.ts), or the anonymous reader's.
 */
export const readArticleDetail = async (
  { language, slug }: { language: Language; slug: string },
  access: { overrideAccess: false; draft: boolean; user?: User },
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

/**
 * One article's page data by language and slug, read with `access`: the anonymous reader's
 * (published only) by default, in one SQL statement (`publishedArticleDetail`, src/db/
 * articleReads.ts; one more when the body shows or links to other documents), or a staff user's
 * newest version for draft preview (preview.ts) through the Local API.
 */
export const findArticleDetail = async (
  args: { language: Language; slug: string },
  access: { overrideAccess: false; draft: boolean; user?: User } = asReader,
): Promise<ArticleDetail | null> => {
  if (access.draft || access.user) return readArticleDetail(args, access)
  const payload = await getPayloadClient()
  const row = await publishedArticleDetail(readerOf(payload), args)
  return row ? detailOfRow(payload, row) : null
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
    const rows = await publishedArticleVersions(readerOf(await getPayloadClient()), { groupId })
    return rows.map((row) => ({
      id: row.id,
      language: row.language as Language,
      slug: row.slug ?? '',
      title: row.title,
    }))
  },
  ({ groupId }) => [cacheTags.articleGroup(groupId)],
)

/**
 * "You might also like": the editor's related articles first (in their order), then filled up
 * with the newest articles sharing a tag, then the newest of the same section. Only published
 * articles in the same language, never the article itself, no duplicates. One SQL statement picks
 * the candidates of the three tiers (`relatedArticleIds`, src/db/reads.ts); one more loads the
 * chosen ones' cards (`articleSummaries`, src/db/articleReads.ts).
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
    return summariesOf(language, chosen)
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
