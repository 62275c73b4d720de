/**
 * The jobs queue run every few seconds through `runQueueExclusively`, by the worker
 * (scripts/worker.ts) and, when JOBS_AUTORUN is on, by the web server itself
 * (src/instrumentation.ts). Runs never overlap within a process (the next one is planned when the
 * last has ended) nor across processes (the advisory lock).
 */
import type { Payload } from 'payload'

import { BUSY, runQueueExclusively, type QueueRun } from './runner'

export type QueueLoopOptions = {
  queue: string
  intervalSeconds: number
  leaseSeconds: number
  limit: number
  /** one line of the log; the default writes to Payload's logger */
  log?: (line: string, level?: 'info' | 'warn' | 'error') => void
}

export type QueueLoop = {
  /**
   * Stops planning runs and waits for the run in hand (its current jobs), at most `timeoutMs`.
   * Resolves true when nothing was left running. A job cut off is left `processing` and taken
   * up again after the lease.
   */
  stop: (timeoutMs: number) => Promise<boolean>
}

/** The lines one run writes: one per job it ran, one per job the lease gave back. */
export const describeRun = (queue: string, run: QueueRun): string[] =>
  run.ran
    ? [
        ...run.released.map((job) =>
          job.failed
            ? `${queue}: job ${job.id} (${job.task}) failed: its runner stopped ${job.tries} times`
            : `${queue}: job ${job.id} (${job.task}) left processing past the lease, given back (try ${job.tries})`,
        ),
        ...run.jobs.map((job) => `${queue}: job ${job.id} (${job.task ?? 'task'}) ${job.status}`),
      ]
    : []

export const startQueueLoop = (payload: Payload, options: QueueLoopOptions): QueueLoop => {
  const log =
    options.log ??
    ((line: string, level: 'info' | 'warn' | 'error' = 'info') => payload.logger[level](line))
  let stopping = false
  let timer: NodeJS.Timeout | null = null
  let current: Promise<QueueRun | null> | null = null
  let lastReason: string | null = null
  let saidBusy = false

  const once = async (): Promise<QueueRun | null> => {
    try {
      const run = await runQueueExclusively(payload, options)
      const reason = run.ran ? null : run.reason
      // Finding the queue taken is normal where several runners wait: said once per process.
      if (reason === BUSY && !saidBusy) {
        log(`${options.queue}: ${BUSY}; this process runs it whenever it is free`)
        saidBusy = true
      } else if (reason && reason !== BUSY && reason !== lastReason) {
        log(`${options.queue}: not run (${reason})`, 'warn')
      }
      lastReason = reason
      for (const line of describeRun(options.queue, run)) log(line)
      return run
    } catch (error) {
      lastReason = 'error'
      log(`${options.queue}: the run failed: ${(error as Error).message}`, 'error')
      return null
    }
  }

  const plan = () => {
    if (stopping) return
    timer = setTimeout(() => void tick(), options.intervalSeconds * 1000)
  }

  const tick = () => {
    timer = null
    current = once().finally(() => {
      current = null
      plan()
    })
  }

  void tick()

  return {
    stop: async (timeoutMs) => {
      stopping = true
      if (timer) clearTimeout(timer)
      timer = null
      if (!current) return true
      const finished = await Promise.race([
        current.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
      ])
      return finished
    },
  }
}
