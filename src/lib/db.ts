import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

/**
 * The Drizzle handle for raw SQL that must run in the request's transaction when it has one
 * (row locks, full-text queries next to Payload writes), and on the pool otherwise.
 */
export const drizzleFor = async (req: PayloadRequest) => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
}
