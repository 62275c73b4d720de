import { postgresAdapter, type PostgresAdapterArgs } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

import { databaseBusy } from './errors'
import { databaseLimits, poolConfig, type DatabaseLimits } from './limits'
import { replicaUrls, withReadReplicas } from './replica'
import { Slots } from './slots'

/**
 * Payload's PostgreSQL adapter with the limits of src/db/limits.ts: a bounded pool whose
 * connections carry PostgreSQL's lock, statement and idle-in-transaction timeouts, and a bound
 * on the transactions open at once.
 *
 * Why the second bound: a write holds one connection for its whole transaction, and some of the
 * work Payload does for it (the document-lock check of a REST update, for one) asks the pool for
 * another. With every connection held by a transaction waiting for one more, nothing moves. At
 * most `transactionsMax` transactions are open; the rest of the pool always serves reads and
 * such side queries, and a write that cannot start in time answers 503.
 *
 * Read replicas: `readReplicas`, by default `DATABASE_REPLICA_URLS` (comma-separated;
 * src/db/replica.ts), each with a pool of the same limits and timeouts as the primary's. The read
 * layer checks their lag before it loads a page's data (`withFreshReads`).
 */
export const databaseAdapter = (
  args: Omit<PostgresAdapterArgs, 'pool'> & { connectionString: string | undefined },
  limits: DatabaseLimits = databaseLimits(),
): DatabaseAdapterObj<PostgresAdapter> => {
  const { connectionString, readReplicas = replicaUrls(), ...rest } = args
  const adapter = postgresAdapter({ ...rest, pool: poolConfig(connectionString, limits) })
  return {
    ...adapter,
    init: (options) =>
      surviveClosedConnections(
        limitTransactions(withReadReplicas(adapter.init(options), readReplicas), limits),
      ),
  }
}

/**
 * PostgreSQL may close a pooled connection while it sits idle (a restart, a failover, an
 * administrator ending sessions). `pg` then has the pool emit `error`, and a pool with no
 * listener turns that into an uncaught exception in the server. Payload's adapter listens on the
 * one connection it keeps, not on the pool; this listens on the pool: the closed connection is
 * dropped, the next query opens a new one, and the log says what happened.
 */
const surviveClosedConnections = (db: PostgresAdapter): PostgresAdapter => {
  const connect = db.connect
  if (!connect) return db
  db.connect = async function (this: PostgresAdapter, options) {
    await connect.call(this, options)
    if (this.pool && this.pool.listenerCount('error') === 0) {
      this.pool.on('error', (error) =>
        this.payload?.logger.warn(
          `The database closed an idle connection (${error.message}); the next query opens a new one.`,
        ),
      )
    }
  }
  return db
}

/** A transaction slot is given back at the latest after this long, even if its end is missed. */
const leaseMs = (limits: DatabaseLimits) =>
  Math.max(60_000, 2 * (limits.statementTimeoutMs + limits.idleInTransactionTimeoutMs))

const limitTransactions = (db: PostgresAdapter, limits: DatabaseLimits): PostgresAdapter => {
  const slots = new Slots(limits.transactionsMax, limits.acquireTimeoutMs, databaseBusy)
  const held = new Map<number | string, () => void>()
  const begin = db.beginTransaction
  const commit = db.commitTransaction
  const rollback = db.rollbackTransaction

  const release = (id: number | string) => {
    held.get(id)?.()
    held.delete(id)
  }

  db.beginTransaction = async function (this: PostgresAdapter, options) {
    const give = await slots.acquire()
    const lease = setTimeout(() => {
      db.payload?.logger.error(
        `A database transaction was open for over ${leaseMs(limits) / 1000} s; its slot is released.`,
      )
      give()
    }, leaseMs(limits))
    lease.unref()
    const giveBack = () => {
      clearTimeout(lease)
      give()
    }
    try {
      const id = await begin.call(this, options)
      if (id === null) giveBack()
      else held.set(id, giveBack)
      return id
    } catch (error) {
      giveBack()
      throw error
    }
  }
  db.commitTransaction = async function (this: PostgresAdapter, incoming) {
    const id = await incoming
    try {
      await commit.call(this, id)
    } finally {
      release(id)
    }
  }
  db.rollbackTransaction = async function (this: PostgresAdapter, incoming) {
    const id = await incoming
    try {
      await rollback.call(this, id)
    } finally {
      release(id)
    }
  }
  return db
}
