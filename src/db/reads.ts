import { sql } from '@payloadcms/db-postgres'

import type { Drizzle } from './client'

/**
 * The public site's article reads that the Local API cannot express in one statement. Each picks
 * ids only; the read layer (src/data/articles.ts) then loads those articles through the Local API
 * as the anonymous reader. Rows are those the anonymous reader's access admits: published
 * (`_status`, the live row of `articles`) and not in the trash.
 */

/**
 * The newest `perSection` published articles of each block, in one statement: `blocks` lists
 * each block's section ids (a section and its sub-sections; an article counts by its main or an
 * extra section). Per block, on the `language, _status, published_at` index. Rows come block by
 * block (`block` counts from 1), newest first.
 */
export const sectionBlockIds = async (
  db: Drizzle,
  { language, blocks, perSection }: { language: string; blocks: number[][]; perSection: number },
): Promise<{ block: number; id: number }[]> => {
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
  return rows.map((row) => ({ block: Number(row.block), id: Number(row.id) }))
}

/**
 * How far back "sharing a tag" looks: the newest this many articles of the language. Walking the
 * archive in date order until enough articles with the tag turn up costs a probe per article,
 * and for an article whose tags are rare (or that has none) that is the whole archive. Older
 * articles sharing a tag give way to the section's newest.
 */
export const TAG_WINDOW = 2000

/**
 * Candidates for "you might also like", in three tiers, best first: the editor's `picked`
 * articles (in their order), then the newest sharing one of `tagIds` (among the newest
 * `TAG_WINDOW`), then the newest of section `sectionId`; `room` candidates at most per lower
 * tier. Never `articleId` itself; an id may appear in more than one tier (the caller keeps the
 * first).
 */
export const relatedArticleIds = async (
  db: Drizzle,
  {
    language,
    articleId,
    picked,
    tagIds,
    sectionId,
    room,
  }: {
    language: string
    articleId: number
    picked: number[]
    tagIds: number[]
    sectionId: number
    room: number
  },
): Promise<{ id: number; tier: number }[]> => {
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
        tagIds.length === 0
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
           AND t.tags_id = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(tagIds)}::jsonb)::int))
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
  return rows.map((row) => ({ id: Number(row.id), tier: Number(row.tier) }))
}
