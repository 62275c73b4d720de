/**
 * One runner at a time for a jobs queue, in the whole deployment, whatever process it is in (the
 * worker, a web instance with JOBS_AUTORUN on, a second worker started by mistake).
 *
 * Payload 3.90's runner is not safe with two runners: it reads the unclaimed jobs, then marks
 * them `processing` by id without checking again, so two runners at the same moment can both run
 * a job; and a runner that dies leaves its job `processing`, which no runner picks up again.
 * `runQueueExclusively` wraps `payload.jobs.run`:
 *
 * 1. it takes the queue's PostgreSQL advisory lock on a connection of its own, without waiting:
 *    if another runner holds it, it returns at once (`{ ran: false }`);
 * 2. it gives back the jobs left `processing` for longer than the lease (`JOBS_LEASE_SECONDS`,
 *    measured from the job's `updatedAt`, which Payload sets when it claims the job);
 * 3. it runs Payload's runner, then unlocks and closes the connection.
 *
 * Why a lease when the lock already excludes other runners: a job is left `processing` by a
 * runner that no longer holds the lock, and the next lock holder cannot tell a runner that died
 * from one that is alive but lost its lock connection (the database restarted, the network cut
 * the connection, the process stalled past the TCP keepalives): that one is still running its
 * job, and giving the job back at once would run it twice. The lease is the time after which a
 * job is taken for lost; it must exceed the longest job. A job given back counts as a try; after
 * `MAX_JOB_TRIES` it is failed instead, so a job that kills its runner cannot loop forever.
 */
import type { Payload } from 'payload'

import { jobsSettings, openLockSession, type DueJob, type ReleasedJob } from '@/db/jobs'

export type JobOutcome = { id: number; task: string | null; status: string }

export type QueueRun =
  | { ran: false; reason: string }
  | {
      ran: true
      /** jobs found `processing` past the lease, given back (or failed) before the run */
      released: ReleasedJob[]
      /** each job this run ran, and what came of it (Payload's status: success, error, …) */
      jobs: JobOutcome[]
    }

export type QueueRunOptions = {
  queue: string
  limit?: number
  leaseSeconds?: number
  /** how long connecting to the database for the lock may take */
  lockTimeoutMs?: number
}

/** Another runner holds the queue. */
export const BUSY = 'another runner has the queue'

/**
 * Runs `queue` once if no other runner in the deployment is running it; see the module comment.
 * Throws only when the database cannot be reached for the lock, or Payload's runner throws.
 */
export const runQueueExclusively = async (
  payload: Payload,
  { queue, limit = 50, leaseSeconds = jobsSettings().leaseSeconds, lockTimeoutMs }: QueueRunOptions,
): Promise<QueueRun> => {
  const session = await openLockSession(payload, queue, { timeoutMs: lockTimeoutMs })
  try {
    if (!(await session.tryLock())) return { ran: false, reason: BUSY }
    const released = await session.releaseExpired(leaseSeconds)
    // What this run will pick: nobody else can claim jobs of this queue while the lock is held.
    const due = new Map<number, DueJob>((await session.due(limit)).map((job) => [job.id, job]))
    if (!session.alive()) return { ran: false, reason: 'the lock connection was lost' }
    const result = await payload.jobs.run({ queue, limit, silent: { info: true } })
    const statuses = 'jobStatus' in result && result.jobStatus ? result.jobStatus : {}
    const jobs = Object.entries(statuses).map(([id, outcome]) => ({
      id: Number(id),
      task: due.get(Number(id))?.task ?? null,
      status: String((outcome as { status?: string } | undefined)?.status ?? 'unknown'),
    }))
    return { ran: true, released, jobs }
  } finally {
    await session.close()
  }
}
