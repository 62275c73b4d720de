import { sql } from '@payloadcms/db-postgres'
import type { PoolClient } from 'pg'

import type { Drizzle } from './client'

/**
 * The redirects below Payload: the rules that keep the table collapsed (every row points straight
 * at its final address, so a reader gets one 301), the automatic rows written when a live URL
 * changes, and the lookups of the validation. Rows made by hand go through Payload (the
 * collection's hooks call these in the same transaction); automatic and imported rows are
 * written here. Every path is in the normal form of src/lib/redirectPaths.ts.
 */

export type RedirectOrigin = 'automatic' | 'manual' | 'imported'

/** How many rows a chain may pass before it is called a loop (the table is kept collapsed). */
const MAX_HOPS = 20

/** The target of the row whose source is `from`, if there is one. */
export const redirectFrom = async (db: Drizzle, from: string): Promise<string | null> => {
  const { rows } = await db.execute<{ to: string }>(
    sql`SELECT "to" FROM redirects WHERE "from" = ${from} LIMIT 1`,
  )
  return rows[0]?.to ?? null
}

/**
 * Where `path` finally leads through the table (itself when no row starts there), and whether
 * following it comes back to `start` (a loop): `start` → `path` → … → `start`.
 */
export const finalTarget = async (
  db: Drizzle,
  start: string,
  path: string,
): Promise<{ target: string; loop: boolean }> => {
  let target = path
  const seen = new Set([start])
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (seen.has(target)) return { target, loop: true }
    seen.add(target)
    const next = await redirectFrom(db, target)
    if (next === null) return { target, loop: false }
    target = next
  }
  return { target, loop: true }
}

/**
 * Collapses chains into `from`: every row that led to `from` now leads to `to` directly, and a
 * row that would now lead to itself is removed. Returns the sources rewritten.
 */
export const retargetRedirects = async (
  db: Drizzle,
  from: string,
  to: string,
): Promise<string[]> => {
  const { rows } = await db.execute<{ from: string }>(
    sql`UPDATE redirects SET "to" = ${to}, updated_at = now() WHERE "to" = ${from} RETURNING "from"`,
  )
  await db.execute(sql`DELETE FROM redirects WHERE "from" = "to"`)
  return rows.map((row) => row.from)
}

/** Removes the rows starting at these paths (they are live pages again). Returns how many. */
export const deleteRedirectsFrom = async (db: Drizzle, paths: string[]): Promise<number> => {
  if (paths.length === 0) return 0
  const { rows } = await db.execute<{ id: number }>(
    sql`DELETE FROM redirects WHERE "from" IN (${sql.join(
      paths.map((path) => sql`${path}`),
      sql`, `,
    )}) RETURNING id`,
  )
  return rows.length
}

export type RedirectWrite = { from: string; to: string }

/**
 * Writes rows `from` → `to` made by the system (a changed live URL, an import), collapsed: each
 * target is followed to its end first, a row that would loop back to its own source is skipped,
 * an existing row with the same source is replaced, and rows that led to `from` lead to the new
 * target. Returns the rows written (sources and final targets).
 */
export const putRedirects = async (
  db: Drizzle,
  writes: RedirectWrite[],
  origin: Exclude<RedirectOrigin, 'manual'>,
  userId: number | null,
): Promise<RedirectWrite[]> => {
  const written: RedirectWrite[] = []
  for (const { from, to } of writes) {
    const { target, loop } = await finalTarget(db, from, to)
    if (loop || target === from) continue
    await db.execute(sql`
      INSERT INTO redirects ("from", "to", origin, created_by_id, updated_at, created_at)
      VALUES (${from}, ${target}, ${origin}, ${userId}, now(), now())
      ON CONFLICT ("from") DO UPDATE
        SET "to" = EXCLUDED."to", origin = EXCLUDED.origin, updated_at = now()`)
    await retargetRedirects(db, from, target)
    written.push({ from, to: target })
  }
  return written
}

/** Whether a published article lives at `/{language}/articles/{slug}` now. */
export const isLiveArticle = async (
  db: Drizzle,
  language: string,
  slug: string,
): Promise<boolean> => {
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT id FROM articles
    WHERE language = ${language} AND slug = ${slug}
      AND _status = 'published' AND deleted_at IS NULL
    LIMIT 1`)
  return rows.length > 0
}

/** The live state of an article's row (the published text, not a pending draft). */
export type LiveArticleRow = { language: string; slug: string | null; status: string | null }

export const liveArticleRow = async (db: Drizzle, id: number): Promise<LiveArticleRow | null> => {
  const { rows } = await db.execute<LiveArticleRow>(
    sql`SELECT language, slug, _status AS status FROM articles WHERE id = ${id}`,
  )
  return rows[0] ?? null
}

/** The importer's connection (src/db/import.ts): a `pg` client inside its batch transaction. */
type ImportClient = Pick<PoolClient, 'query'>

/** Which of these sources already have a row, on the importer's connection. */
export const takenRedirectSources = async (
  client: ImportClient,
  paths: string[],
): Promise<string[]> => {
  if (paths.length === 0) return []
  const { rows } = await client.query<{ from: string }>(
    'SELECT "from" FROM redirects WHERE "from" = ANY($1::varchar[])',
    [paths],
  )
  return rows.map((row) => row.from)
}

/**
 * The importer's rows (an archive's old addresses → the new article's), in its batch's
 * transaction: the articles' new addresses lose any redirect that would hide them, then the rows
 * are inserted as `imported` (a source already taken fails the batch, which the importer then
 * writes record by record, so the line that holds it fails alone).
 */
export const insertImportedRedirects = async (
  client: ImportClient,
  rows: RedirectWrite[],
  liveAddresses: string[],
): Promise<void> => {
  if (liveAddresses.length > 0) {
    await client.query('DELETE FROM redirects WHERE "from" = ANY($1::varchar[])', [liveAddresses])
  }
  if (rows.length === 0) return
  await client.query(
    `INSERT INTO redirects ("from", "to", origin, updated_at, created_at)
     SELECT r."from", r."to", 'imported', now(), now()
     FROM json_to_recordset($1::json) AS r("from" varchar, "to" varchar)`,
    [JSON.stringify(rows)],
  )
}
