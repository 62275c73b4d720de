/**
 * The bulk importer's SQL (src/import/ orchestrates): the rows `payload.create` writes for an
 * article, written in multi-row statements, and the reads the importer checks records against.
 * Every table and column named here is in `IMPORT_TABLES` (src/db/schema.ts), which
 * tests/int/db-schema.int.spec.ts holds against Payload's schema and the migrated database.
 *
 * Statements that write take the connection of the caller's transaction (`inTransaction`);
 * reads before any write go through the pool.
 */
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { poolOf } from './client'
import {
  ARTICLE_RELS_COLUMNS,
  EDITORIAL_EVENT_COLUMNS,
  IMPORT_ENUMS,
  IMPORTED_ARTICLE_COLUMNS,
  versionColumnOf,
  type ImportedArticleColumn,
} from './schema'

/** One pooled connection, held for a batch's transaction. */
export type ImportConnection = PoolClient

/** An article's natural key. */
export type ArticleKey = { language: string; slug: string }

/** The `articles` row of one imported article (column → value). */
export type ArticleRow = Record<ImportedArticleColumn, unknown>

/** One row of `articles_rels` (a section, tag or author, in order). */
export type ArticleRelRow = {
  parent_id: number
  path: 'categories' | 'tags' | 'authors'
  order: number
  categories_id: number | null
  tags_id: number | null
  authors_id: number | null
}

/** One row of `editorial_events`. */
export type EditorialEventRow = Record<(typeof EDITORIAL_EVENT_COLUMNS)[number], unknown>

/** An original as a language version is made from: its shared fields and its text. */
export type OriginalRow = {
  id: number
  language: string
  slug: string
  translation_of_id: number | null
  category_id: number | null
  hero_image_id: number | null
  source_outlet: string | null
  source_url: string | null
  source_original_language: string | null
  source_original_title: string | null
  source_original_date: Date | null
  title: string | null
  dek: string | null
  body: unknown
  embargo_until: Date | null
}

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ')

const ARTICLE_LIST = quoted(IMPORTED_ARTICLE_COLUMNS)
const RELS_LIST = quoted(ARTICLE_RELS_COLUMNS.filter((column) => column !== 'id'))
const EVENT_LIST = quoted(EDITORIAL_EVENT_COLUMNS)

/** Enum columns: the version table has its own enum types, so the value is cast across. */
const VERSION_ENUMS: Partial<Record<ImportedArticleColumn, string>> = {
  source_original_language: IMPORT_ENUMS.versionSourceOriginalLanguage,
  language: IMPORT_ENUMS.versionLanguage,
  _status: IMPORT_ENUMS.versionStatus,
  stage: IMPORT_ENUMS.versionStage,
}
const VERSION_LIST = quoted(IMPORTED_ARTICLE_COLUMNS.map(versionColumnOf))
const VERSION_VALUES = IMPORTED_ARTICLE_COLUMNS.map((column) =>
  VERSION_ENUMS[column] ? `"${column}"::text::"${VERSION_ENUMS[column]}"` : `"${column}"`,
).join(', ')

/** Articles by (language, slug) pairs ($1, $2), through the unique index on both. */
const BY_KEYS = `unnest($1::${IMPORT_ENUMS.articlesLanguage}[], $2::varchar[]) AS k(language, slug)
  JOIN articles a ON a.language = k.language AND a.slug = k.slug`
const keyParams = (keys: ArticleKey[]) => [keys.map((k) => k.language), keys.map((k) => k.slug)]

// ─── connections and transactions ────────────────────────────────────────────────────────────

/** A connection of Payload's pool for one batch; the caller releases it. */
export const connectForImport = (payload: Payload): Promise<ImportConnection> =>
  poolOf(payload).connect()

/** The PostgreSQL backend process serving this connection. */
export const backendPidOf = async (client: ImportConnection): Promise<number> => {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  return rows[0].pid
}

/** Runs `work` in one transaction on this connection: committed, or rolled back and rethrown. */
export const inTransaction = async <T>(
  client: ImportConnection,
  work: () => Promise<T>,
): Promise<T> => {
  await client.query('BEGIN')
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

// ─── reads ────────────────────────────────────────────────────────────────────────────────────

const SLUG_IDS = {
  categories: 'SELECT id, slug FROM "categories" WHERE slug IS NOT NULL',
  authors: 'SELECT id, slug FROM "authors" WHERE slug IS NOT NULL',
  tags: 'SELECT id, slug FROM "tags" WHERE slug IS NOT NULL',
} as const

/** Sections (`categories`), authors or tags: id by slug. */
export const idsBySlug = async (
  payload: Payload,
  collection: keyof typeof SLUG_IDS,
): Promise<Map<string, number>> => {
  const { rows } = await poolOf(payload).query<{ id: number; slug: string }>(SLUG_IDS[collection])
  return new Map(rows.map((row) => [row.slug, row.id]))
}

/** Which of these keys an article already has (trashed ones included). */
export const existingArticleKeys = async (
  payload: Payload,
  keys: ArticleKey[],
): Promise<ArticleKey[]> => {
  const { rows } = await poolOf(payload).query<ArticleKey>(
    `SELECT a.language::text, a.slug FROM ${BY_KEYS}`,
    keyParams(keys),
  )
  return rows
}

/**
 * The originals these keys name (as `followOriginal` reads them), their sections, tags and
 * authors in order, and the languages each already has a version in.
 */
export const readOriginals = async (client: ImportConnection, keys: ArticleKey[]) => {
  if (!keys.length) return { originals: [], rels: [], versions: [] }
  const { rows: originals } = await client.query<OriginalRow>(
    `SELECT a.id, a.language, a.slug, a.translation_of_id, a.category_id, a.hero_image_id,
       a.source_outlet, a.source_url, a.source_original_language, a.source_original_title,
       a.source_original_date, a.title, a.dek, a.body, a.embargo_until
     FROM ${BY_KEYS}`,
    keyParams(keys),
  )
  const ids = originals.map((row) => row.id)
  const { rows: rels } = await client.query<Omit<ArticleRelRow, 'order'>>(
    `SELECT parent_id, path, categories_id, tags_id, authors_id FROM articles_rels
     WHERE parent_id = ANY($1::int[]) AND path IN ('categories', 'tags', 'authors')
     ORDER BY parent_id, path, "order"`,
    [ids],
  )
  const { rows: versions } = await client.query<{ translation_of_id: number; language: string }>(
    `SELECT translation_of_id, language FROM articles WHERE translation_of_id = ANY($1::int[])`,
    [ids],
  )
  return { originals, rels, versions }
}

// ─── writes (in the caller's transaction) ────────────────────────────────────────────────────

/*
 * `INSERT … SELECT FROM json_populate_recordset(…)`: all rows in one JSON parameter, typed by
 * the table's own row type, whatever the number of rows (one statement, no parameter limit).
 */

/** Writes `articles` rows; answers each one's id with its key. */
export const insertArticles = async (client: ImportConnection, rows: ArticleRow[]) => {
  if (!rows.length) return []
  const { rows: inserted } = await client.query<{ id: number; language: string; slug: string }>(
    `INSERT INTO "articles" (${ARTICLE_LIST}) SELECT ${ARTICLE_LIST}
     FROM json_populate_recordset(NULL::"articles", $1::json) RETURNING id, language, slug`,
    [JSON.stringify(rows)],
  )
  return inserted
}

/** Writes `articles_rels` rows. */
export const insertArticleRels = async (client: ImportConnection, rows: ArticleRelRow[]) => {
  if (!rows.length) return
  await client.query(
    `INSERT INTO "articles_rels" (${RELS_LIST}) SELECT ${RELS_LIST}
     FROM json_populate_recordset(NULL::"articles_rels", $1::json)`,
    [JSON.stringify(rows)],
  )
}

/**
 * The version Payload keeps of each article (`latest`) and its relationships: copies of the
 * rows just written (the body is sent once).
 */
export const copyToLatestVersions = async (
  client: ImportConnection,
  articleIds: number[],
  now: string,
) => {
  await client.query(
    `INSERT INTO "_articles_v" ("parent_id", ${VERSION_LIST}, "created_at", "updated_at", "latest")
     SELECT "id", ${VERSION_VALUES}, $2::timestamptz, $2::timestamptz, true
     FROM "articles" WHERE "id" = ANY($1::int[]) ORDER BY "id"`,
    [articleIds, now],
  )
  await client.query(
    `INSERT INTO "_articles_v_rels" (${RELS_LIST})
     SELECT v."id", 'version.' || r."path", r."order", r."categories_id", r."tags_id", r."authors_id"
     FROM "articles_rels" r JOIN "_articles_v" v ON v."parent_id" = r."parent_id"
     WHERE r."parent_id" = ANY($1::int[]) ORDER BY v."id", r."id"`,
    [articleIds],
  )
}

/** Writes `editorial_events` rows. */
export const insertEditorialEvents = async (
  client: ImportConnection,
  rows: EditorialEventRow[],
) => {
  if (!rows.length) return
  await client.query(
    `INSERT INTO "editorial_events" (${EVENT_LIST}) SELECT ${EVENT_LIST}
     FROM json_populate_recordset(NULL::"editorial_events", $1::json)`,
    [JSON.stringify(rows)],
  )
}

/** Fresh statistics, so that the planner knows the tables' new sizes before the first reader. */
export const analyzeImportedTables = async (payload: Payload) => {
  await poolOf(payload).query(
    'ANALYZE articles, articles_rels, _articles_v, _articles_v_rels, editorial_events',
  )
}
