import { sql } from '@payloadcms/db-postgres'

import type { Drizzle } from './client'

/** A piece of SQL built with the `sql` template. */
type SQL = ReturnType<typeof sql>

/**
 * The article page's reads in one statement each, below the Local API: an article with every
 * relation it shows (section, tags, bylines, hero and meta images, corrections, related ids, its
 * original), the cards of a list of articles (section, bylines, card image, approved comment
 * count), the latest articles, and a story's language versions. Rows are shaped as JSON by
 * PostgreSQL (`json_build_object`, `json_agg` in correlated subqueries); the read layer
 * (src/data/articles.ts) turns them into `ArticleDetail` / `ArticleSummary` as the Local API
 * path did.
 *
 * What the anonymous reader may read (src/access/publishedOrStaff.ts, Payload's trash): the live
 * row of `articles` (a draft saved over a published article goes to `_articles_v` only, the live
 * row keeps the published text) with `_status = 'published'` and not in the trash. An embargo or a
 * schedule holds an article back by keeping it unpublished (src/workflow/embargo.ts), so the
 * status says it all. Sections, tags, bylines and media are public.
 *
 * Localized text reads as Payload reads it with `locale: language, fallbackLocale: 'en'`: the
 * language's value unless it is missing or empty, else English's when that is not empty.
 */

/** The rows' renditions: the media sizes the article page and the cards show. */
export type MediaSizeName = 'thumbnail' | 'card' | 'hero' | 'og'

type Rendition = {
  filename: string | null
  url: string | null
  width: number | null
  height: number | null
}

/** A media row as Payload stores it (urls are computed from the filenames by the reader). */
export type MediaRow = {
  id: number
  filename: string | null
  url: string | null
  prefix: string | null
  width: number | null
  height: number | null
  alt: string | null
  caption: string | null
  credit: string | null
  sizes: Partial<Record<MediaSizeName, Rendition>>
}

export type SectionRow = {
  id: number
  name: string | null
  slug: string | null
  /** the nested-docs breadcrumbs' last URL (`/news/economy`), in the language or English */
  url: string | null
}

export type ArticleDetailRow = {
  id: number
  title: string
  slug: string | null
  dek: string | null
  language: string
  body: unknown
  bodyHtml: string | null
  hero_caption: string | null
  hero_alt: string | null
  source_outlet: string | null
  source_url: string | null
  source_original_language: string | null
  source_original_title: string | null
  source_original_date: string | null
  meta_title: string | null
  meta_description: string | null
  published_at: string | null
  reading_time: number | null
  created_at: string
  updated_at: string
  translation_of_id: number | null
  /** the original when the anonymous reader may read it (published, not in the trash) */
  original: { id: number; title: string; slug: string | null; language: string } | null
  /** the original is published but in the trash (Payload then drops the relation entirely) */
  original_trashed: boolean
  section: SectionRow | null
  tags: { id: number; name: string | null; slug: string | null }[]
  authors: { id: number; name: string; slug: string | null; job_title: string | null }[]
  hero: MediaRow | null
  meta_image: MediaRow | null
  related_ids: number[]
  corrections: { date: string; text: string }[]
}

export type ArticleSummaryRow = {
  id: number
  title: string
  slug: string | null
  dek: string | null
  language: string
  published_at: string | null
  reading_time: number | null
  hero_alt: string | null
  section: SectionRow | null
  authors: { name: string; slug: string | null }[]
  hero: MediaRow | null
  comment_count: number
}

const PUBLISHED = sql`a._status = 'published' AND a.deleted_at IS NULL`

/** A localized value with Payload's fallback to English (text fields: empty counts as missing). */
const localized = (own: SQL, english: SQL) =>
  sql`coalesce(nullif(${own}, ''), nullif(${english}, ''), ${own})`

const SIZE_NAMES: readonly MediaSizeName[] = ['thumbnail', 'card', 'hero', 'og']

/** One rendition's columns as JSON (`sizes_card_url`, …): names from the fixed list above. */
const renditionJson = (size: MediaSizeName) => {
  if (!SIZE_NAMES.includes(size)) throw new Error(`Unknown media size ${size}`)
  const column = (name: string) => sql.raw(`m.sizes_${size}_${name}`)
  return sql`${size}::text, json_build_object('filename', ${column('filename')}, 'url', ${column('url')}, 'width', ${column('width')}, 'height', ${column('height')})`
}

/** A media document (by the id `idOf`) as `MediaRow`, with the renditions `sizes`. */
const mediaJson = (idOf: SQL, language: string, sizes: readonly MediaSizeName[]) => sql`(
  SELECT json_build_object(
    'id', m.id, 'filename', m.filename, 'url', m.url, 'prefix', m.prefix,
    'width', m.width, 'height', m.height, 'credit', m.credit,
    'alt', ${localized(sql`ml.alt`, sql`me.alt`)},
    'caption', ${localized(sql`ml.caption`, sql`me.caption`)},
    'sizes', json_build_object(${sql.join(sizes.map(renditionJson), sql`, `)}))
  FROM media m
    LEFT JOIN media_locales ml ON ml._parent_id = m.id AND ml._locale = ${language}
    LEFT JOIN media_locales me ON me._parent_id = m.id AND me._locale = 'en'
  WHERE m.id = ${idOf})`

/**
 * A section (by the id `idOf`) as `SectionRow`. Its breadcrumbs are localized as a whole: the
 * language's when it has any, else English's.
 */
const sectionJson = (idOf: SQL, language: string) => sql`(
  SELECT json_build_object(
    'id', c.id, 'slug', c.slug,
    'name', ${localized(sql`cl.name`, sql`ce.name`)},
    'url', coalesce(
      (SELECT b.url FROM categories_breadcrumbs b
       WHERE b._parent_id = c.id AND b._locale = ${language} ORDER BY b._order DESC LIMIT 1),
      CASE WHEN NOT EXISTS (
        SELECT 1 FROM categories_breadcrumbs b WHERE b._parent_id = c.id AND b._locale = ${language}
      ) THEN (SELECT b.url FROM categories_breadcrumbs b
              WHERE b._parent_id = c.id AND b._locale = 'en' ORDER BY b._order DESC LIMIT 1)
      END))
  FROM categories c
    LEFT JOIN categories_locales cl ON cl._parent_id = c.id AND cl._locale = ${language}
    LEFT JOIN categories_locales ce ON ce._parent_id = c.id AND ce._locale = 'en'
  WHERE c.id = ${idOf})`

/**
 * Approved comments of article `a` as its card counts them: the same rule as
 * `approvedCommentCounts` (src/db/comments.ts): replies only under an approved comment, nothing
 * when the article's mode (else its section's) is `hidden`.
 */
const commentCount = sql`(
  SELECT count(*)::int FROM comments m
  WHERE m.article_id = a.id AND m.status = 'approved'
    AND coalesce(nullif(a.comment_mode::text, 'inherit'),
                 (SELECT s.comment_mode::text FROM categories s WHERE s.id = a.category_id),
                 'moderated') <> 'hidden'
    AND (m.parent_id IS NULL OR EXISTS (
      SELECT 1 FROM comments p WHERE p.id = m.parent_id AND p.status = 'approved')))`

/**
 * The published article `slug` of `language` with everything its page shows, in one statement;
 * null for drafts, trashed and unknown slugs. Tags, bylines, related ids and corrections in the
 * order the editor gave them; a related article that is published but in the trash is left out
 * (as Payload's population does), ids of unreadable ones are kept (as ids are).
 */
export const publishedArticleDetail = async (
  db: Drizzle,
  { language, slug }: { language: string; slug: string },
): Promise<ArticleDetailRow | null> => {
  const { rows } = await db.execute<ArticleDetailRow>(sql`
    SELECT a.id, a.title, a.slug, a.dek, a.language,
      -- The body as HTML made on save (src/lib/bodyHtml.ts); the Lexical JSON only where
      -- there is none (a body with images or internal links renders from it).
      a.body_html AS "bodyHtml", CASE WHEN a.body_html IS NULL THEN a.body END AS body,
      a.hero_caption, a.hero_alt,
      a.source_outlet, a.source_url, a.source_original_language, a.source_original_title,
      a.source_original_date, a.meta_title, a.meta_description,
      a.published_at, a.reading_time, a.created_at, a.updated_at, a.translation_of_id,
      (SELECT json_build_object('id', o.id, 'title', o.title, 'slug', o.slug, 'language', o.language)
       FROM articles o
       WHERE o.id = a.translation_of_id AND o._status = 'published' AND o.deleted_at IS NULL
      ) AS original,
      EXISTS (
        SELECT 1 FROM articles o
        WHERE o.id = a.translation_of_id AND o._status = 'published' AND o.deleted_at IS NOT NULL
      ) AS original_trashed,
      ${sectionJson(sql`a.category_id`, language)} AS section,
      (SELECT coalesce(json_agg(json_build_object(
                'id', t.id, 'slug', t.slug, 'name', ${localized(sql`tl.name`, sql`te.name`)})
              ORDER BY r."order"), '[]'::json)
       FROM articles_rels r
         JOIN tags t ON t.id = r.tags_id
         LEFT JOIN tags_locales tl ON tl._parent_id = t.id AND tl._locale = ${language}
         LEFT JOIN tags_locales te ON te._parent_id = t.id AND te._locale = 'en'
       WHERE r.parent_id = a.id AND r.path = 'tags') AS tags,
      (SELECT coalesce(json_agg(json_build_object(
                'id', p.id, 'name', p.name, 'slug', p.slug,
                'job_title', ${localized(sql`pl.job_title`, sql`pe.job_title`)})
              ORDER BY r."order"), '[]'::json)
       FROM articles_rels r
         JOIN authors p ON p.id = r.authors_id
         LEFT JOIN authors_locales pl ON pl._parent_id = p.id AND pl._locale = ${language}
         LEFT JOIN authors_locales pe ON pe._parent_id = p.id AND pe._locale = 'en'
       WHERE r.parent_id = a.id AND r.path = 'authors') AS authors,
      ${mediaJson(sql`a.hero_image_id`, language, ['hero', 'og'])} AS hero,
      ${mediaJson(sql`a.meta_image_id`, language, ['og'])} AS meta_image,
      (SELECT coalesce(json_agg(r.articles_id ORDER BY r."order"), '[]'::json)
       FROM articles_rels r
         JOIN articles x ON x.id = r.articles_id
       WHERE r.parent_id = a.id AND r.path = 'relatedArticles'
         AND NOT (x._status = 'published' AND x.deleted_at IS NOT NULL)) AS related_ids,
      (SELECT coalesce(json_agg(json_build_object('date', k.date, 'text', k.text)
              ORDER BY k._order), '[]'::json)
       FROM articles_corrections k WHERE k._parent_id = a.id) AS corrections
    FROM "articles" a
    WHERE a.language = ${language} AND a.slug = ${slug} AND ${PUBLISHED}
    LIMIT 1`)
  return rows[0] ?? null
}

const summaryColumns = (language: string) => sql`
  a.id, a.title, a.slug, a.dek, a.language, a.published_at, a.reading_time, a.hero_alt,
  ${sectionJson(sql`a.category_id`, language)} AS section,
  (SELECT coalesce(json_agg(json_build_object('name', p.name, 'slug', p.slug)
          ORDER BY r."order"), '[]'::json)
   FROM articles_rels r JOIN authors p ON p.id = r.authors_id
   WHERE r.parent_id = a.id AND r.path = 'authors') AS authors,
  ${mediaJson(sql`a.hero_image_id`, language, ['card'])} AS hero,
  ${commentCount} AS comment_count`

/**
 * The cards of the published articles `ids` of `language`, in the order of `ids`, in one
 * statement: others (drafts, trashed, another language, unknown) are left out.
 */
export const articleSummaries = async (
  db: Drizzle,
  { language, ids }: { language: string; ids: number[] },
): Promise<ArticleSummaryRow[]> => {
  if (ids.length === 0) return []
  const { rows } = await db.execute<ArticleSummaryRow>(sql`
    SELECT ${summaryColumns(language)}
    FROM unnest(${`{${ids.map(Number).join(',')}}`}::int[]) WITH ORDINALITY AS w(id, ord)
      JOIN "articles" a ON a.id = w.id
    WHERE a.language = ${language} AND ${PUBLISHED}
    ORDER BY w.ord`)
  return rows
}

/**
 * The cards of the newest `limit` published articles of `language` (newest first, as Payload
 * sorts `-publishedAt`: then by creation, newest first), in one statement, on the
 * `language, _status, published_at` index.
 */
export const latestArticleSummaries = async (
  db: Drizzle,
  { language, limit }: { language: string; limit: number },
): Promise<ArticleSummaryRow[]> => {
  const { rows } = await db.execute<ArticleSummaryRow>(sql`
    SELECT ${summaryColumns(language)}
    FROM (
      SELECT a.id FROM "articles" a
      WHERE a.language = ${language} AND ${PUBLISHED}
      ORDER BY a.published_at DESC, a.created_at DESC, a.id DESC
      LIMIT ${limit}
    ) AS w
      JOIN "articles" a ON a.id = w.id
    ORDER BY a.published_at DESC, a.created_at DESC, a.id DESC`)
  return rows
}

export type ArticleVersionRow = { id: number; language: string; slug: string | null; title: string }

/**
 * The published language versions of the story whose original is `groupId` (the original and
 * every article whose `translationOf` is it), oldest publication first (Payload's `publishedAt`
 * sort, then newest created).
 */
export const publishedArticleVersions = async (
  db: Drizzle,
  { groupId }: { groupId: number },
): Promise<ArticleVersionRow[]> => {
  const { rows } = await db.execute<ArticleVersionRow>(sql`
    SELECT a.id, a.language, a.slug, a.title FROM "articles" a
    WHERE (a.id = ${groupId} OR a.translation_of_id = ${groupId}) AND ${PUBLISHED}
    ORDER BY a.published_at ASC, a.created_at DESC
    LIMIT 50`)
  return rows.map((row) => ({ ...row, id: Number(row.id) }))
}

export type BodyReferenceRows = {
  media: MediaRow[]
  /** published ones, those in the trash too (`trashed`): links and embeds treat them apart */
  articles: { id: number; title: string; slug: string | null; language: string; trashed: boolean }[]
  pages: { id: number; slug: string | null; title: string | null }[]
}

/**
 * What a rich-text body links to or shows (upload nodes, internal links, relationship nodes), as
 * the anonymous reader may read it, in one statement: media (the `hero` rendition the body's
 * figures use), published articles (in the trash or not) and published pages. Unreadable ones
 * are absent.
 */
export const bodyReferences = async (
  db: Drizzle,
  {
    language,
    media,
    articles,
    pages,
  }: { language: string; media: number[]; articles: number[]; pages: number[] },
): Promise<BodyReferenceRows> => {
  const ids = (list: number[]) => `{${list.map(Number).join(',')}}`
  const { rows } = await db.execute<BodyReferenceRows>(sql`
    SELECT
      (SELECT coalesce(json_agg(${mediaJson(sql`w.id`, language, ['hero'])}), '[]'::json)
       FROM unnest(${ids(media)}::int[]) AS w(id)
       WHERE EXISTS (SELECT 1 FROM media x WHERE x.id = w.id)) AS media,
      (SELECT coalesce(json_agg(json_build_object(
                'id', a.id, 'title', a.title, 'slug', a.slug, 'language', a.language,
                'trashed', a.deleted_at IS NOT NULL)), '[]'::json)
       FROM articles a
       WHERE a.id = ANY(${ids(articles)}::int[]) AND a._status = 'published') AS articles,
      (SELECT coalesce(json_agg(json_build_object(
                'id', g.id, 'slug', g.slug, 'title', ${localized(sql`gl.title`, sql`ge.title`)})),
              '[]'::json)
       FROM pages g
         LEFT JOIN pages_locales gl ON gl._parent_id = g.id AND gl._locale = ${language}
         LEFT JOIN pages_locales ge ON ge._parent_id = g.id AND ge._locale = 'en'
       WHERE g.id = ANY(${ids(pages)}::int[]) AND g._status = 'published') AS pages`)
  return rows[0] ?? { media: [], articles: [], pages: [] }
}
