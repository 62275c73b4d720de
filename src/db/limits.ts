import type { PoolConfig } from 'pg'

/**
 * The database's limits, from the environment: how many connections one process holds, how long
 * a request waits for one, and how long PostgreSQL lets a session wait for a lock, run a
 * statement or sit idle inside a transaction. Hitting any of them is an error that reaches the
 * caller as a 409 or a 503 with a message (src/db/errors.ts), never a request that hangs.
 *
 * Web requests (inside the Next server) get strict defaults. The command-line tools (migrations,
 * the importer, backup, restore, the seed, a jobs worker) do long work on purpose: no statement
 * limit, and more patience for locks and for their own pauses inside a transaction.
 */
export type DatabaseLimits = {
  /** connections in this process's pool */
  poolMax: number
  /** how long a request waits for a connection, or for a transaction slot */
  acquireTimeoutMs: number
  /** transactions open at once; the rest of the pool is kept for reads */
  transactionsMax: number
  /** PostgreSQL's lock_timeout: waiting for a row lock (another save of the same document) */
  lockTimeoutMs: number
  /** PostgreSQL's statement_timeout; 0 is none */
  statementTimeoutMs: number
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left open ends */
  idleInTransactionTimeoutMs: number
}

const inWebServer = () => process.env.NEXT_RUNTIME === 'nodejs'

/**
 * A number setting from the environment: `fallback` when unset, a start-up error naming the
 * variable when it is not a number of at least `min` (a whole number unless `whole` is false).
 */
export const numberFrom = (name: string, fallback: number, min: number, whole = true) => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!(whole ? Number.isInteger(value) : Number.isFinite(value)) || value < min) {
    throw new Error(
      `${name} must be a ${whole ? 'whole ' : ''}number of at least ${min}; it is "${raw}".`,
    )
  }
  return value
}

export const databaseLimits = (): DatabaseLimits => {
  const web = inWebServer()
  const poolMax = numberFrom('DATABASE_POOL_MAX', 10, 2)
  // Reads (pages, lists, the lock checks of a save) always find a free connection: a third of
  // the pool, at least one, is never held by a transaction.
  const reserved = Math.max(1, Math.ceil(poolMax / 3))
  return {
    poolMax,
    acquireTimeoutMs: numberFrom('DATABASE_POOL_TIMEOUT_MS', web ? 5_000 : 30_000, 1),
    transactionsMax: Math.min(
      poolMax - 1,
      numberFrom('DATABASE_TRANSACTIONS_MAX', poolMax - reserved, 1),
    ),
    lockTimeoutMs: numberFrom('DATABASE_LOCK_TIMEOUT_MS', web ? 5_000 : 60_000, 0),
    statementTimeoutMs: numberFrom('DATABASE_STATEMENT_TIMEOUT_MS', web ? 15_000 : 0, 0),
    idleInTransactionTimeoutMs: numberFrom(
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      web ? 15_000 : 300_000,
      0,
    ),
  }
}

/** The `pg` pool settings for these limits: size, acquire timeout and the session settings. */
export const poolConfig = (connectionString: string | undefined, limits: DatabaseLimits) =>
  ({
    connectionString,
    max: limits.poolMax,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    // A connection whose server went away is noticed instead of waited on.
    keepAlive: true,
  }) satisfies PoolConfig
