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
 * `ts_rank_cd` weights for D, C, B, A over `search_rank_vector` (title A, dek B): a story with
 * the words in its headline ranks above one with them in its dek, and both above a story that
 * only mentions them in the body (which ranks 0, and so by recency).
 */
const RANK_WEIGHTS = '{0.1, 0.1, 0.4, 1.0}'

/**
 * How many of the newest matches are ranked; older matches follow them, newest first. Ranking
 * reads each ranked match's `search_rank_vector` (title and dek: a few hundred bytes in the row
 * itself), one row by its key each; finding and counting matches reads the GIN index and the
 * rows' dates only.
 */
export const RANK_WINDOW = 200

/**
 * The snippet is cut from the first `SNIPPET_SOURCE_CHARS` characters of the dek and the body's
 * text: `ts_headline` reads all of the text it is given, and a long body made it the costliest
 * part of the statement. A story whose words appear only further down gets its opening as the
 * snippet (a title or dek match is still highlighted in the title).
 */
export const SNIPPET_SOURCE_CHARS = 3000

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

/** The text a snippet is cut from: the dek and the start of the body, `SNIPPET_SOURCE_CHARS` long. */
const snippetSource = (row: SQL) => sql`
  left(concat_ws(E'\n\n', ${row}.dek,
    public.lexical_plain_text_head(${row}.body, ${SNIPPET_SOURCE_CHARS})), ${SNIPPET_SOURCE_CHARS})`

export type SearchArgs = {
  language: Language
  q: string
  limit: number
  offset: number
  rankWindow?: number
}

/**
 * Full-text search over published articles in one language: `websearch_to_tsquery` against the
 * generated `articles.search_vector` (title A, dek B, body C; a GIN index per language on
 * published, untrashed rows). The newest `rankWindow` matches come first, ranked by `ts_rank_cd`
 * on `search_rank_vector` (title and dek) then recency; older matches follow, newest first;
 * `total` counts them all. The page's rows alone get `ts_headline` highlights: the title, and a
 * snippet from the first `SNIPPET_SOURCE_CHARS` characters of the dek and body text. Only rows
 * whose published state is `published` and that are not in the trash are read: the `articles`
 * table holds the published version of a published article (its newer drafts live in
 * `_articles_v`), and a never-published or unpublished article has `_status = 'draft'`. Every
 * value from the reader is a bound parameter. `searchArticles` runs it; scripts/bench/explain.ts
 * plans it.
 */
export const searchStatement = ({
  language,
  q,
  limit,
  offset,
  rankWindow = RANK_WINDOW,
}: SearchArgs): SQL => {
  const config = SEARCH_CONFIG[language]
  const strip = `${HIGHLIGHT_START}${HIGHLIGHT_STOP}`

  // `matches` reads the index and the rows' dates only; `ranked` reads the small rank vectors
  // of the newest `rankWindow` matches; the page's rows alone are read whole. The statement is
  // planned with its values, so the language's partial GIN index serves the match.
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
        ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_rank_vector, search.query) AS rank
      FROM newest n JOIN articles a ON a.id = n.id CROSS JOIN search
    ),
    older AS (
      SELECT id, published_at, 1 AS tier, 0::float4 AS rank FROM matches
      ORDER BY published_at DESC NULLS LAST, id DESC
      OFFSET ${rankWindow} LIMIT ${offset + limit}
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
          translate(${snippetSource(sql`a`)}, ${strip}, ''),
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
 * (scripts/bench/explain.ts): finding and counting the matches (the GIN index and the rows'
 * dates), ranking the newest window, and the page's title and snippet highlights.
 */
export const searchParts = ({
  language,
  q,
  limit,
  rankWindow = RANK_WINDOW,
}: SearchArgs): { name: string; statement: SQL }[] => {
  const config = SEARCH_CONFIG[language]
  const query = sql`websearch_to_tsquery(${config}::regconfig, ${q})`
  const newest = (n: number) => sql`
    SELECT a.id FROM articles a
    WHERE a.language = ${language}
      AND a._status = 'published'
      AND a.deleted_at IS NULL
      AND a.search_vector @@ ${query}
    ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT ${n}`
  return [
    {
      name: 'matching + count',
      statement: sql`
        SELECT count(*) FROM articles a
        WHERE a.language = ${language}
          AND a._status = 'published'
          AND a.deleted_at IS NULL
          AND a.search_vector @@ ${query}`,
    },
    {
      name: `matching + the ${rankWindow} newest ranked on search_rank_vector`,
      statement: sql`
        SELECT n.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_rank_vector, ${query}) AS rank
        FROM (${newest(rankWindow)}) n JOIN articles a ON a.id = n.id
        ORDER BY rank DESC LIMIT ${limit}`,
    },
    {
      name: `matching + the 200 newest ranked on search_vector (before)`,
      statement: sql`
        SELECT n.id, ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector, ${query}) AS rank
        FROM (${newest(200)}) n JOIN articles a ON a.id = n.id
        ORDER BY rank DESC LIMIT ${limit}`,
    },
    {
      name: `matching + the ${limit} newest (no highlights)`,
      statement: newest(limit),
    },
    {
      name: `matching + the ${limit} newest with their title and snippet highlights`,
      statement: sql`
        SELECT n.id,
          ts_headline(${config}::regconfig, coalesce(a.title, ''), ${query}, ${TITLE_OPTIONS}),
          ts_headline(${config}::regconfig, ${snippetSource(sql`a`)}, ${query}, ${SNIPPET_OPTIONS})
        FROM (${newest(limit)}) n JOIN articles a ON a.id = n.id`,
    },
    {
      name: `matching + the ${limit} newest with snippets from the whole body (before)`,
      statement: sql`
        SELECT n.id,
          ts_headline(${config}::regconfig, coalesce(a.title, ''), ${query}, ${TITLE_OPTIONS}),
          ts_headline(${config}::regconfig,
            concat_ws(E'\n\n', a.dek, public.lexical_plain_text(a.body)), ${query},
            ${SNIPPET_OPTIONS})
        FROM (${newest(limit)}) n JOIN articles a ON a.id = n.id`,
    },
  ]
}
