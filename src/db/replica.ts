import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { drizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import { withReplicas } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Pool, QueryConfig } from 'pg'

/**
 * Read replicas: which ones the process uses, and the rule that keeps a lagging one from
 * serving a page older than the newest publish.
 *
 * `DATABASE_REPLICA_URLS` (comma-separated connection URLs of streaming replicas) gives the
 * adapter its read replicas the way Payload's `readReplicas` does: plain reads (find, findByID,
 * count, population) go to a replica picked at random (Drizzle's `withReplicas`), and writes,
 * transactions and raw `execute` SQL to the primary; after a write, the same process reads the
 * primary for `readReplicasAfterWriteInterval` (2 s). Each replica gets a pool with the
 * primary's limits and timeouts (the same pool options).
 */
export const replicaUrls = (raw = process.env.DATABASE_REPLICA_URLS): string[] | undefined => {
  // `payload migrate` reads which migrations ran: from the primary, never from a lagging copy.
  if (process.env.PAYLOAD_MIGRATING === 'true') return undefined
  const urls = (raw ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  return urls.length > 0 ? urls : undefined
}

/** How long the freshness check may take before the read goes to the primary (ms). */
export const replicaCheckTimeoutMs = (raw = process.env.DATABASE_REPLICA_CHECK_TIMEOUT_MS) => {
  const value = Number(raw)
  return raw && Number.isInteger(value) && value > 0 ? value : 500
}

/** How long a replica found down is left alone before it is asked again (ms). */
const PROBE_EVERY_MS = 1_000

/** Errors that say a replica cannot be reached (not that one statement failed). */
const unreachable = (error: unknown) => {
  const { code, message = '' } = (error ?? {}) as { code?: string; message?: string }
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE'].includes(code ?? '') ||
    // admin_shutdown, crash_shutdown, cannot_connect_now (starting or stopping)
    ['57P01', '57P02', '57P03'].includes(code ?? '') ||
    /Connection terminated|timeout exceeded when trying to connect|Query read timeout/i.test(
      message,
    )
  )
}

/** The replicas of one adapter: their pools and which of them answer. */
type ReplicaSet = { pools: Pool[]; down: boolean[]; readers?: PostgresAdapter['drizzle'][] }
const replicaSets = new WeakMap<PostgresAdapter, ReplicaSet>()

/**
 * Attaches the replicas after Payload's own `connect`, as Payload's `readReplicas` would, with
 * three differences:
 * - a replica pool connects on its first query. Payload's connects at start without waiting, so
 *   a replica that is down when the app starts rejects a promise nobody handles (the process
 *   dies);
 * - a replica pool's `error` (a replica restarting closes its idle connections) is logged, not
 *   an uncaught exception;
 * - a replica that cannot be reached is left out: plain reads go to the other replicas, or to
 *   the primary when none answers, and it is asked again every second (`SELECT 1`) until it
 *   answers. So a stopped replica costs the query that found it down, not every read after it.
 *   (The read layer's check finds it first, before any page read: src/data/cached.ts.)
 * `destroy` ends the replica pools.
 */
export const withReadReplicas = (
  db: PostgresAdapter,
  urls: string[] | undefined,
): PostgresAdapter => {
  const connect = db.connect
  if (!urls || !connect) return db
  let set: ReplicaSet | undefined
  let probes: NodeJS.Timeout[] = []

  const makeSet = (adapter: PostgresAdapter): ReplicaSet => {
    const down = urls.map(() => false)
    const pools = urls.map((connectionString, index) => {
      const pool = new adapter.pg.Pool({ ...adapter.poolOptions, connectionString })
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown
      const probe = () => {
        const timer = setTimeout(() => {
          probes = probes.filter((t) => t !== timer)
          ;(query({ text: 'SELECT 1', query_timeout: 2_000 }) as Promise<unknown>).then(() => {
            down[index] = false
            adapter.payload?.logger.info(`Read replica ${index + 1} answers again.`)
          }, probe)
        }, PROBE_EVERY_MS)
        timer.unref()
        probes.push(timer)
      }
      const markDown = (error: unknown) => {
        if (down[index] || !unreachable(error) || !set) return
        down[index] = true
        adapter.payload?.logger.warn(
          `Read replica ${index + 1} cannot be reached (${(error as Error).message}); reads go elsewhere until it answers.`,
        )
        probe()
      }
      // Every statement Drizzle sends through this pool: a failure that says the replica is
      // unreachable takes it out of the reads (the caller still gets the error).
      pool.query = ((...args: unknown[]) => {
        const result = query(...args)
        if (typeof (result as Promise<unknown> | undefined)?.then === 'function') {
          ;(result as Promise<unknown>).catch(markDown)
        }
        return result
      }) as typeof pool.query
      pool.on('error', (error) => {
        adapter.payload?.logger.warn(
          `A read replica closed an idle connection (${error.message}); the next query opens a new one.`,
        )
        markDown(error)
      })
      return pool
    })
    return { pools, down }
  }

  db.connect = async function (this: PostgresAdapter, options) {
    await connect.call(this, options)
    set ??= makeSet(this)
    const { pools, down } = set
    const primary = this.drizzle
    const logger = this.logger || false
    const replicas = pools.map((client) => drizzle({ client, logger, schema: this.schema }))
    this.primaryDrizzle = primary
    this.drizzle = withReplicas(primary, replicas as unknown as [typeof primary], (all) => {
      const up = all.filter((_, index) => !down[index])
      return up.length > 0 ? up[Math.floor(Math.random() * up.length)] : primary
    }) as unknown as typeof primary
    set.readers = replicas as unknown as PostgresAdapter['drizzle'][]
    replicaSets.set(this, set)
  }
  const destroy = db.destroy
  db.destroy = async function (this: PostgresAdapter) {
    const ending = set?.pools ?? []
    set = undefined
    probes.forEach(clearTimeout)
    probes = []
    replicaSets.delete(this)
    await destroy?.call(this)
    await Promise.all(ending.map((pool) => pool.end().catch(() => undefined)))
  }
  return db
}

/**
 * Drizzle for the read layer's raw read-only SQL (src/db/articleReads.ts), routed as Payload routes
 * its plain reads: the primary within the after-write window (which `withFreshReads` holds open
 * while a replica lags), else an answering replica picked at random, else the primary. Without
 * replicas, the adapter's Drizzle.
 */
export const drizzleForReads = (adapter: PostgresAdapter): PostgresAdapter['drizzle'] => {
  const set = replicaSets.get(adapter)
  const primary = adapter.primaryDrizzle as PostgresAdapter['drizzle'] | undefined
  if (!set?.readers || !primary) return adapter.drizzle
  const since = Date.now() - (adapter.lastWriteTimestamp ?? 0)
  if (adapter.lastWriteTimestamp && since < adapter.readReplicasAfterWriteInterval) return primary
  const up = set.readers.filter((_, index) => !set.down[index])
  return up.length > 0 ? up[Math.floor(Math.random() * up.length)] : primary
}

/** The pools of the adapter's read replicas; none when it has no replicas. */
export const replicaPoolsOf = (adapter: PostgresAdapter): Pool[] =>
  replicaSets.get(adapter)?.pools ?? []

/** The pools of the replicas that answer (plain reads go to these only). */
const answeringReplicaPools = (adapter: PostgresAdapter): Pool[] => {
  const set = replicaSets.get(adapter)
  return set ? set.pools.filter((_, index) => !set.down[index]) : []
}

/** A WAL position (`16/B374D848`) as a number that compares. */
const lsn = (text: string | null | undefined): bigint | null => {
  const match = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(text ?? '')
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : null
}

const position = async (pool: Pool, text: string, timeoutMs: number) => {
  // `query_timeout` (pg's own, per query; not in its types) ends a query the server never answers.
  const query = { text, query_timeout: timeoutMs } as QueryConfig
  const { rows } = await pool.query<{ lsn: string | null }>(query)
  return lsn(rows[0]?.lsn)
}

/**
 * Whether every replica has replayed all the WAL the primary had flushed when asked. The two
 * statements run at once; a replica that is down, slow (past `timeoutMs`) or not in recovery
 * counts as behind.
 *
 * Why "flushed": a commit returns to its client once its WAL is flushed (`synchronous_commit`
 * on, PostgreSQL's default and this project's everywhere but throw-away test servers), so
 * whatever committed before the check is at or below the primary's flush position, and a replica
 * that replayed up to there shows it. (A replica only ever receives flushed WAL, so an idle
 * replica does reach that position; comparing with the insert position would keep it "behind".)
 */
export const replicasCaughtUp = async (
  adapter: PostgresAdapter,
  timeoutMs = replicaCheckTimeoutMs(),
): Promise<boolean> => {
  // Replicas known to be down get no reads (withReadReplicas), so they need no check.
  const replicas = answeringReplicaPools(adapter)
  if (replicas.length === 0 || !adapter.pool) return false
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs)
  })
  const check = Promise.all([
    position(adapter.pool, 'SELECT pg_current_wal_flush_lsn()::text AS lsn', timeoutMs),
    ...replicas.map((pool) =>
      position(pool, 'SELECT pg_last_wal_replay_lsn()::text AS lsn', timeoutMs),
    ),
  ])
  try {
    const positions = await Promise.race([check, timeout])
    if (!positions) return false
    const [primary, ...replayed] = positions
    return primary !== null && replayed.every((at) => at !== null && at >= primary)
  } catch {
    return false
  } finally {
    clearTimeout(timer)
    // A check that lost the race still settles (its own query timeout); nobody awaits it.
    check.catch(() => undefined)
  }
}

/**
 * The rule that no page is built from a lagging replica: before the read layer loads data for a
 * render that may be cached (src/data/cached.ts), this process compares the replicas' replay
 * position with the primary's. When a replica has not replayed everything the primary had
 * committed at that moment (or cannot say so within the timeout), the process's reads go to the
 * primary, through Payload's own read-after-write rule: `lastWriteTimestamp` set to now sends
 * every read of this adapter to the primary for `readReplicasAfterWriteInterval` (2 s).
 *
 * Why it holds on every instance: a publish commits on the primary before its caches are expired
 * (src/cache/revalidate.ts runs after the commit), so any render that loads after the expiry,
 * here or on another instance, checks a primary position that includes the publish. Either the
 * replicas already show it, or this load reads the primary. Unlike `synchronous_commit =
 * remote_apply`, a paused or stopped replica never blocks a publish; it only moves reads to the
 * primary. Raw SQL of the read layer through `drizzleOf(payload).execute` (section blocks,
 * related candidates, search) always runs on the primary (Drizzle's `withReplicas` sends
 * `execute` there); the article page's reads (src/db/articleReads.ts) go through
 * `drizzleForReads`, which follows the same rule as Payload's plain reads.
 *
 * While such a load runs, the window is kept open (renewed every second), so a load slower than
 * the window does not finish its reads on the lagging replica.
 *
 * Costs two trivial statements per load that misses the data cache, only when replicas are
 * configured; the check itself never throws.
 */
export const withFreshReads = async <T>(
  adapter: PostgresAdapter,
  load: () => Promise<T>,
  timeoutMs = replicaCheckTimeoutMs(),
): Promise<T> => {
  if (!adapter.primaryDrizzle || (await replicasCaughtUp(adapter, timeoutMs))) return load()
  const hold = () => {
    adapter.lastWriteTimestamp = Math.max(adapter.lastWriteTimestamp ?? 0, Date.now())
  }
  hold()
  const renew = setInterval(hold, 1_000)
  renew.unref()
  try {
    return await load()
  } finally {
    clearInterval(renew)
  }
}
