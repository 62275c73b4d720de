import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

/**
 * The one way to PostgreSQL below Payload. Payload types `payload.db` as its generic adapter; this
 * project always runs the PostgreSQL one (src/db/adapter.ts), so the narrowing is written once,
 * here. Raw SQL lives in src/db/ and names only the tables and columns of src/db/schema.ts.
 */
export const adapterOf = (payload: Payload): PostgresAdapter =>
  payload.db as unknown as PostgresAdapter

/** Drizzle on the pool: reads and writes outside any Payload transaction. */
export const drizzleOf = (payload: Payload) => adapterOf(payload).drizzle

/** The `pg` pool itself: for COPY and statements Drizzle does not speak (the importer). */
export const poolOf = (payload: Payload) => adapterOf(payload).pool

export type Drizzle = ReturnType<typeof drizzleOf>

/**
 * Drizzle for raw SQL that must run in the request's transaction when it has one (row locks,
 * full-text queries next to Payload writes), and on the pool otherwise.
 */
export const drizzleFor = async (req: PayloadRequest): Promise<Drizzle> => {
  const adapter = adapterOf(req.payload)
  const id = req.transactionID ? await req.transactionID : undefined
  return ((id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle) as Drizzle
}

/** The Drizzle handle of one open transaction (by the id `beginTransaction` gave). */
export const drizzleOfTransaction = (payload: Payload, id: number | string): Drizzle => {
  const db = adapterOf(payload).sessions?.[id]?.db
  if (!db) throw new Error(`No open database transaction ${id}.`)
  return db as Drizzle
}

/**
 * Runs `work` in the request's transaction (Payload's, shared by every write given `req`,
 * and by `drizzleFor(req)`): all of it is saved, or none. Joins a transaction the request
 * already has, which its opener then commits.
 */
export const inTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await work()
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
