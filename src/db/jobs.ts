/**
 * The jobs queue's SQL below Payload's runner (src/jobs/ orchestrates): the advisory lock that
 * lets one runner in the whole deployment run a queue, the lease that gives back the jobs of a
 * runner that died, and the list of jobs due (what the next run will pick, for its log).
 *
 * The lock is session-level, taken on a connection of its own (`openLockSession`), not on the
 * pool: a queue run spans many transactions (Payload claims the jobs in one, each task opens its
 * own), so a transaction-level lock would mean a transaction left open for the whole run, under
 * the session's idle-in-transaction timeout and holding a pool connection the tasks need. A
 * session lock lives exactly as long as that one connection: released by `pg_advisory_unlock`,
 * by closing the connection, or by PostgreSQL when the holder's process dies (its socket
 * closes) or its host vanishes (the TCP keepalives below notice within about half a minute).
 */
import type { Payload } from 'payload'
import pg from 'pg'

import { poolOf } from './client'
import { numberFrom } from './limits'

/** The first key of the jobs' advisory locks ('jobs' in ASCII); the second is the queue's hash. */
const LOCK_NAMESPACE = 0x6a6f6273

/** Tries beyond which a job given back by the lease is failed instead (a job that kills its runner). */
export const MAX_JOB_TRIES = 5

export type JobsSettings = {
  /** seconds between two runs of the queue */
  intervalSeconds: number
  /** seconds after its last update a `processing` job is taken for lost */
  leaseSeconds: number
  /** the most jobs one run picks */
  limit: number
  /** seconds a stopping runner waits for the job in hand */
  stopTimeoutSeconds: number
}

/**
 * The queue runner's settings (src/jobs/), from the environment: JOBS_INTERVAL_SECONDS (10),
 * JOBS_LEASE_SECONDS (300; longer than the longest job), JOBS_LIMIT (50 jobs a run) and
 * JOBS_STOP_TIMEOUT_SECONDS (4: under the 5 s scripts/app.ts gives its child and the 10 s a
 * container gets to stop; a job cut off is run again after the lease). The lease is also how
 * long another job's claim on an email is respected (src/workflow/notify.ts).
 */
export const jobsSettings = (): JobsSettings => ({
  intervalSeconds: numberFrom('JOBS_INTERVAL_SECONDS', 10, 0.1, false),
  leaseSeconds: numberFrom('JOBS_LEASE_SECONDS', 300, 1, false),
  limit: numberFrom('JOBS_LIMIT', 50, 1),
  stopTimeoutSeconds: numberFrom('JOBS_STOP_TIMEOUT_SECONDS', 4, 0, false),
})

export type LockSession = {
  /** takes the queue's lock if nobody holds it; never waits */
  tryLock: () => Promise<boolean>
  /** jobs of `queue` left `processing` for more than `leaseSeconds`, given back (or failed) */
  releaseExpired: (leaseSeconds: number) => Promise<ReleasedJob[]>
  /** the jobs a run would pick now, oldest first */
  due: (limit: number) => Promise<DueJob[]>
  /** false once the connection failed or ended: the lock is gone with it */
  alive: () => boolean
  /** unlocks and closes the connection; bounded, never throws */
  close: () => Promise<void>
}

export type ReleasedJob = { id: number; task: string | null; tries: number; failed: boolean }
export type DueJob = { id: number; task: string | null; input: unknown }

export type LockSessionOptions = {
  /** how long connecting, and each statement on the lock connection, may take */
  timeoutMs?: number
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())])

/**
 * A connection of its own to the database Payload uses, for one queue's lock. Throws when the
 * database cannot be reached within the timeout.
 */
export const openLockSession = async (
  payload: Payload,
  queue: string,
  { timeoutMs = 10_000 }: LockSessionOptions = {},
): Promise<LockSession> => {
  const options = poolOf(payload).options as pg.PoolConfig
  const client = new pg.Client({
    connectionString: options.connectionString,
    host: options.host,
    port: options.port,
    user: options.user,
    password: options.password,
    database: options.database,
    ssl: options.ssl,
    application_name: `newsroom jobs lock (${queue})`,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    lock_timeout: timeoutMs,
    keepAlive: true,
  })
  let alive = true
  client.on('error', () => {
    alive = false
  })
  client.on('end', () => {
    alive = false
  })
  try {
    await client.connect()
    // The server drops the session (and the lock) when the holder's host stops answering,
    // instead of after the system's default two hours. No effect over a Unix socket.
    await client.query(
      'SET tcp_keepalives_idle = 15; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3',
    )
  } catch (error) {
    await within(
      client.end().catch(() => undefined),
      1000,
    )
    throw error
  }
  let locked = false

  return {
    tryLock: async () => {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        [LOCK_NAMESPACE, queue],
      )
      locked = rows[0]?.locked === true
      return locked
    },
    releaseExpired: async (leaseSeconds) => {
      const { rows } = await client.query<{
        id: number
        task_slug: string | null
        total_tried: string
        has_error: boolean
      }>(
        `UPDATE payload_jobs
            SET processing = false,
                updated_at = now(),
                total_tried = COALESCE(total_tried, 0) + 1,
                has_error = COALESCE(total_tried, 0) + 1 >= $3,
                error = CASE WHEN COALESCE(total_tried, 0) + 1 >= $3
                  THEN jsonb_build_object('message', 'Its runner stopped before it finished, ' || (COALESCE(total_tried, 0) + 1) || ' times.')
                  ELSE error END
          WHERE queue = $1 AND processing AND completed_at IS NULL AND has_error IS NOT TRUE
            AND updated_at < now() - make_interval(secs => $2)
      RETURNING id, task_slug, total_tried, has_error`,
        [queue, leaseSeconds, MAX_JOB_TRIES],
      )
      return rows.map((row) => ({
        id: Number(row.id),
        task: row.task_slug,
        tries: Number(row.total_tried),
        failed: row.has_error,
      }))
    },
    due: async (limit) => {
      const { rows } = await client.query<{ id: number; task_slug: string | null; input: unknown }>(
        `SELECT id, task_slug, input FROM payload_jobs
          WHERE queue = $1 AND NOT processing AND completed_at IS NULL AND has_error IS NOT TRUE
            AND (wait_until IS NULL OR wait_until < now())
          ORDER BY created_at LIMIT $2`,
        [queue, limit],
      )
      return rows.map((row) => ({ id: Number(row.id), task: row.task_slug, input: row.input }))
    },
    alive: () => alive,
    close: async () => {
      if (alive && locked) {
        await within(
          client
            .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, queue])
            .catch(() => undefined),
          2000,
        )
      }
      // Ending the session releases the lock in any case; a connection that does not end in
      // time is cut.
      await within(
        client.end().catch(() => undefined),
        2000,
      )
      if (alive) {
        ;(
          client as unknown as { connection?: { stream?: { destroy: () => void } } }
        ).connection?.stream?.destroy()
      }
    },
  }
}
