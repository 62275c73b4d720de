import { sql } from '@payloadcms/db-postgres'
import type { CollectionBeforeOperationHook } from 'payload'

import { drizzleFor } from '@/db/client'

/**
 * Saves of one article take turns. Each save marks the article's other versions as no longer
 * the latest; two saves doing that at once deadlock in PostgreSQL and one of them is lost. The
 * article's row is locked for the rest of the save's transaction first, so concurrent saves
 * queue instead (saves of different articles do not wait for each other).
 */
export const serializeSaves: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const id = (args as { id?: unknown }).id
  if (operation !== 'update' || typeof id === 'undefined' || !req.transactionID) return args
  const db = await drizzleFor(req)
  await db.execute(sql`SELECT id FROM articles WHERE id = ${Number(id)} FOR UPDATE`)
  return args
}
