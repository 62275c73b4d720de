import { sql } from '@payloadcms/db-postgres'

import type { Drizzle } from './client'

/**
 * Whether an article has live coverage at all (started, live or ended): one indexed lookup, so
 * the page of an ordinary article (nearly all of them) pays one statement for its live section,
 * not the Local API reads of a coverage (src/data/live.ts).
 */
export const hasLiveCoverage = async (db: Drizzle, articleId: number): Promise<boolean> => {
  const { rows } = await db.execute<{ found: number }>(sql`
    SELECT 1 AS found FROM live_coverages WHERE article_id = ${articleId} LIMIT 1`)
  return rows.length > 0
}
