import { sql } from '@payloadcms/db-postgres'
import type { SQL } from '@payloadcms/db-postgres/drizzle'

import type { Language } from '@/lib/languages'

import type { Drizzle } from './client'

/**
 * The text search configuration per article language, as the `search_vectors` migration builds
 * `articles.search_vector`: PostgreSQL has no Azerbaijani stemmer, so `az` uses `simple`
 * (lower-cased words, no stemming, no stop words).
 */
export const SEARCH_CONFIG: Record<Language, 'english' | 'russian' | 'simple'> = {
  en: 'english',
  ru: 'russian',
  az: 'simple',
}

/**
 * `ts_headline` marks matches with these two control characters; they are removed from the text
 * first, so in its result they can only stand for a highlight.
 */
export const HIGHLIGHT_START = '\u0002'
export const HIGHLIGHT_STOP = '\u0003'
const TITLE_OPTIONS = `HighlightAll=true, StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`
const SNIPPET_OPTIONS = `MaxFragments=2, MaxWords=32, MinWords=12, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`

/**
 * `ts_rank_cd` weights for D, C, B, A: body (C) counts a tenth of the title (A), so a story with
 * the word in its headline stays above one that merely mentions it a few times (PostgreSQL's
 * default gives the body a fifth).
 */
const RANK_WEIGHTS = '{0.1, 0.1, 0.4, 1.0}'

/**
 * How many of the newest matches are ranked. Ranking reads each match's whole `search_vector`
 * (several kilobytes, stored out of line), so for a common pair of words on a large archive it
 * would read thousands of vectors per query; finding and counting matches needs only the GIN
 * index. So the newest `RANK_WINDOW` matches are ranked, and older matches follow them, newest
 * first.
 */
export const RANK_WINDOW = 200

export type SearchRow = {
  id: number
  slug: string
  publishedAt: string | null
  /** the title with its matches between HIGHLIGHT_START and HIGHLIGHT_STOP (not escaped) */
  titleMarked: string
  /** a passage or two of the dek and body, marked the same way */
  snippetMarked: string
}

type Row = {
  total: number
  id: number | null
  slug: string | null
  published_at: Date | string | null
  title_marked: string | null
  snippet_marked: string | null
}

/**
 * Full-text search over published articles in one language: `websearch_to_tsquery` against the
 * generated `articles.search_vector` (title A, dek B, body C; a GIN index per language on
 * published, untrashed rows), with `ts_headline` snippets. The newest `rankWindow` matches come
 * first, ranked by `ts_rank_cd` then recency; older matches follow, newest first; `total` counts
 * them all. Only rows whose published state is `published` and that are not in the trash are
 * read: the `articles` table holds the published version of a published article (its newer
 * drafts live in `_articles_v`), and a never-published or unpublished article has
 * `_status = 'draft'`. Every value from the reader is a bound parameter.
 */
export type SearchArgs = {
  language: Language
  q: string
  limit: number
  offset: number
  rankWindow?: number
}

/** The search statement itself (`searchArticles` runs it; scripts/bench/explain.ts plans it). */
export const searchStatement = ({
  language,
  q,
  limit,
  offset,
  rankWindow = RANK_WINDOW,
}: SearchArgs): SQL => {
  const config = SEARCH_CONFIG[language]
  const strip = `${HIGHLIGHT_START}${HIGHLIGHT_STOP}`

  // `matches` reads the index and the rows' dates only; `ranked` reads the vectors of the
  // newest `rankWindow` matches. The statement is planned with its values, so the language's
  // partial GIN index serves the match.
  return sql`
    WITH search AS (
      SELECT websearch_to_tsquery(${config}::regconfig, ${q}) AS query
    ),
    matches AS MATERIALIZED (
      SELECT a.id, a.published_at
      FROM articles a CROSS JOIN search
      WHERE a.language = ${language}
        AND a._status = 'published'
        AND a.deleted_at IS NULL
        AND a.search_vector @@ search.query
    ),
    newest AS (
      SELECT id, published_at FROM matches
      ORDER BY published_at DESC NULLS LAST, id DESC
      LIMIT ${rankWindow}
    ),
    ranked AS (
      SELECT n.id, n.published_at, 0 AS tier,
        ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector, search.query) AS rank
      FROM newest n JOIN articles a ON a.id = n.id CROSS JOIN search
    ),
    older AS (
      SELECT m.id, m.published_at, 1 AS tier, 0::float4 AS rank
      FROM matches m WHERE NOT EXISTS (SELECT 1 FROM newest n WHERE n.id = m.id)
    ),
    hits AS (
      SELECT * FROM (SELECT * FROM ranked UNION ALL SELECT * FROM older) AS everything
      ORDER BY tier, rank DESC, published_at DESC NULLS LAST, id DESC
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT total.count::int AS total, hit.*
    FROM (SELECT count(*) AS count FROM matches) AS total
    LEFT JOIN LATERAL (
      SELECT a.id, a.slug, a.published_at, h.tier, h.rank,
        ts_headline(${config}::regconfig, translate(coalesce(a.title, ''), ${strip}, ''),
          search.query, ${TITLE_OPTIONS}) AS title_marked,
        ts_headline(${config}::regconfig,
          translate(concat_ws(E'\n\n', a.dek, public.lexical_plain_text(a.body)), ${strip}, ''),
          search.query, ${SNIPPET_OPTIONS}) AS snippet_marked
      FROM hits h JOIN articles a ON a.id = h.id CROSS JOIN search
    ) AS hit ON true
    ORDER BY hit.tier, hit.rank DESC, hit.published_at DESC NULLS LAST, hit.id DESC
  `
}

export const searchArticles = async (
  db: Drizzle,
  args: SearchArgs,
): Promise<{ total: number; hits: SearchRow[] }> => {
  const { rows } = await db.execute<Row>(searchStatement(args))
  return {
    total: rows[0]?.total ?? 0,
    hits: rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: Number(row.id),
        slug: row.slug ?? '',
        publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
        titleMarked: row.title_marked ?? '',
        snippetMarked: row.snippet_marked ?? '',
      })),
  }
}

/**
 * The search statement's parts, each a statement of its own, for measuring what each costs
 * (scripts/bench/explain.ts): finding and counting the matches, ranking the newest window, and
 * the page's title and snippet highlights.
 */
export const searchParts = ({
  language,
  q,
  limit,
  rankWindow = RANK_WINDOW,
}: SearchArgs): { name: string; statement: SQL }[] => {
  const config = SEARCH_CONFIG[language]
  const matches = sql`
    SELECT a.id, a.published_at
    FROM articles a
    WHERE a.language = ${language}
      AND a._status = 'published'
      AND a.deleted_at IS NULL
      AND a.search_vector @@ websearch_to_tsquery(${config}::regconfig, ${q})`
  return [
    { name: 'matching + count', statement: sql`SELECT count(*) FROM (${matches}) m` },
    {
      name: `ranking window (${rankWindow} newest, ts_rank_cd on search_vector)`,
      statement: sql`
        SELECT n.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector,
          websearch_to_tsquery(${config}::regconfig, ${q})) AS rank
        FROM (SELECT id FROM (${matches}) m
          ORDER BY published_at DESC NULLS LAST, id DESC LIMIT ${rankWindow}) n
        JOIN articles a ON a.id = n.id
        ORDER BY rank DESC LIMIT ${limit}`,
    },
    {
      name: `ts_headline title + snippet of ${limit} rows (whole body)`,
      statement: sql`
        SELECT n.id,
          ts_headline(${config}::regconfig, coalesce(a.title, ''),
            websearch_to_tsquery(${config}::regconfig, ${q}), ${TITLE_OPTIONS}),
          ts_headline(${config}::regconfig,
            concat_ws(E'\n\n', a.dek, public.lexical_plain_text(a.body)),
            websearch_to_tsquery(${config}::regconfig, ${q}), ${SNIPPET_OPTIONS})
        FROM (SELECT id FROM (${matches}) m
          ORDER BY published_at DESC NULLS LAST, id DESC LIMIT ${limit}) n
        JOIN articles a ON a.id = n.id`,
    },
  ]
}
