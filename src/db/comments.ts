import { sql } from '@payloadcms/db-postgres'

import type { Drizzle } from './client'

/**
 * Readers' comments below Payload: what the public page shows (approved comments of a published
 * article, public columns only: never the email or the address hash), the counts on article
 * cards, and the checks of a new comment (the article's mode, duplicates, confirmed commenters).
 * Writes of comments themselves go through Payload (its hooks expire caches); only the
 * confirmed-commenters table (migration `comment_commenters`) is written here.
 */

/** One public comment as the page shows it. */
export type PublicCommentRow = {
  id: number
  parent_id: number | null
  name: string
  body: string
  by_newsroom: boolean
  created_at: string
}

/** The published article's comment mode inputs (its own, its section's); null when not public. */
export type CommentTarget = {
  id: number
  language: string
  slug: string
  title: string
  article_mode: string | null
  section_mode: string | null
}

const PUBLISHED = sql`a._status = 'published' AND a.deleted_at IS NULL`

/** A published article with what decides its comment mode; null for drafts and unknown ids. */
export const commentTarget = async (
  db: Drizzle,
  articleId: number,
): Promise<CommentTarget | null> => {
  const { rows } = await db.execute<CommentTarget>(sql`
    SELECT a.id, a.language, a.slug, a.title, a.comment_mode AS article_mode, c.comment_mode AS section_mode
    FROM articles a LEFT JOIN categories c ON c.id = a.category_id
    WHERE a.id = ${articleId} AND ${PUBLISHED}`)
  return rows[0] ?? null
}

/** The approved comments of a published article, oldest first (at most `limit`). */
export const approvedComments = async (
  db: Drizzle,
  articleId: number,
  limit: number,
): Promise<PublicCommentRow[]> => {
  const { rows } = await db.execute<PublicCommentRow>(sql`
    SELECT m.id, m.parent_id, m.name, m.body, coalesce(m.by_newsroom, false) AS by_newsroom,
           m.created_at
    FROM comments m JOIN articles a ON a.id = m.article_id
    WHERE m.article_id = ${articleId} AND m.status = 'approved' AND ${PUBLISHED}
    ORDER BY m.created_at ASC, m.id ASC
    LIMIT ${limit}`)
  return rows.map((row) => ({
    ...row,
    created_at: new Date(row.created_at).toISOString(),
  }))
}

/**
 * Approved comments per article for a list of cards, in one grouped statement, counted as the
 * page shows them (a reply only under an approved comment); articles whose mode is `hidden`
 * (own, else section's) count nothing. Articles without comments are absent.
 */
export const approvedCommentCounts = async (
  db: Drizzle,
  articleIds: number[],
): Promise<Map<number, number>> => {
  if (articleIds.length === 0) return new Map()
  const { rows } = await db.execute<{ article_id: number; count: number }>(sql`
    SELECT m.article_id, count(*)::int AS count
    FROM comments m
      JOIN articles a ON a.id = m.article_id
      LEFT JOIN categories c ON c.id = a.category_id
    WHERE m.article_id = ANY(${`{${articleIds.map(Number).join(',')}}`}::int[])
      AND m.status = 'approved' AND ${PUBLISHED}
      AND coalesce(nullif(a.comment_mode::text, 'inherit'), c.comment_mode::text, 'moderated') <> 'hidden'
      -- as the page shows them: a reply only under an approved comment
      AND (m.parent_id IS NULL OR EXISTS (
        SELECT 1 FROM comments p WHERE p.id = m.parent_id AND p.status = 'approved'))
    GROUP BY m.article_id`)
  return new Map(rows.map((row) => [Number(row.article_id), Number(row.count)]))
}

/** A top-level comment of the article that a reply may attach to (its id), or null. */
export const replyTarget = async (
  db: Drizzle,
  articleId: number,
  parentId: number,
): Promise<number | null> => {
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT coalesce(p.parent_id, p.id) AS id FROM comments p
    WHERE p.id = ${parentId} AND p.article_id = ${articleId} AND p.status = 'approved'`)
  const id = rows[0]?.id
  if (id === undefined) return null
  if (Number(id) === parentId) return parentId
  // A reply to a reply attaches to its top-level comment, which must be approved too.
  const { rows: top } = await db.execute<{ id: number }>(sql`
    SELECT id FROM comments WHERE id = ${id} AND status = 'approved' AND parent_id IS NULL`)
  return top[0] ? Number(top[0].id) : null
}

/**
 * Serialises submissions of the same text on one article (two clicks, a bot's burst) for the rest
 * of the transaction, so the duplicate check below sees the first one's row.
 */
export const lockCommentText = async (db: Drizzle, articleId: number, bodyHash: string) => {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`comment:${articleId}:${bodyHash}`}))`,
  )
}

/** Serialises the confirm and erase links of one address for the rest of the transaction. */
export const lockCommenter = async (db: Drizzle, email: string) => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`commenter:${email}`}))`)
}

/** Whether the same text came from this email or this address on this article recently. */
export const isDuplicateComment = async (
  db: Drizzle,
  {
    articleId,
    body,
    email,
    ipHash,
    withinSeconds,
  }: { articleId: number; body: string; email: string; ipHash: string; withinSeconds: number },
): Promise<boolean> => {
  const { rows } = await db.execute<{ found: number }>(sql`
    SELECT 1 AS found FROM comments
    WHERE article_id = ${articleId} AND body = ${body}
      AND (lower(email) = ${email} OR ip_hash = ${ipHash})
      AND created_at > now() - make_interval(secs => ${withinSeconds})
    LIMIT 1`)
  return rows.length > 0
}

/** Whether this email (lower case) has confirmed it writes comments. */
export const isConfirmedCommenter = async (db: Drizzle, email: string): Promise<boolean> => {
  const { rows } = await db.execute<{ found: number }>(
    sql`SELECT 1 AS found FROM comment_commenters WHERE email = ${email}`,
  )
  return rows.length > 0
}

/** Records a confirmed commenter; false when the email was confirmed already. */
export const confirmCommenter = async (db: Drizzle, email: string): Promise<boolean> => {
  const { rows } = await db.execute<{ email: string }>(sql`
    INSERT INTO comment_commenters (email, confirmed_at) VALUES (${email}, now())
    ON CONFLICT (email) DO NOTHING RETURNING email`)
  return rows.length > 0
}

/** Forgets a commenter (the erase link). */
export const forgetCommenter = async (db: Drizzle, email: string): Promise<void> => {
  await db.execute(sql`DELETE FROM comment_commenters WHERE email = ${email}`)
}

/** Ids of this email's comments with `status` (at most `limit`), oldest first. */
export const commentIdsOf = async (
  db: Drizzle,
  email: string,
  status: 'unconfirmed' | null,
  limit: number,
): Promise<number[]> => {
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT id FROM comments
    WHERE lower(email) = ${email} ${status ? sql`AND status = ${status}` : sql``}
    ORDER BY parent_id NULLS LAST, id LIMIT ${limit}`)
  return rows.map((row) => Number(row.id))
}
