/**
 * The jobs worker: runs the workflow's queue (scheduled publish and unpublish, notification
 * emails) every JOBS_INTERVAL_SECONDS (10), outside Next:
 *
 *   npm run worker      (scripts/app.ts: reads .env, the embedded database or DATABASE_URL)
 *
 * Every run goes through `runQueueExclusively` (src/jobs/runner.ts): one runner in the whole
 * deployment at a time, so two workers, or a worker beside a web server with JOBS_AUTORUN on,
 * never run a job twice; a job whose runner died is run again after JOBS_LEASE_SECONDS (300).
 * One log line per job run. SIGTERM or SIGINT stops it: no new run, the jobs in hand are given
 * JOBS_STOP_TIMEOUT_SECONDS (4) to finish, then it exits (0 when nothing was cut off).
 *
 * A worker is outside any web request, so its publishes expire the web instances' caches over
 * HTTP (src/cache/revalidate.ts): REVALIDATE_OVER_HTTP defaults to true here, to INTERNAL_URL
 * (or SERVER_URL). Migrations are not its business: the app (or the deploy's migration step)
 * applies them.
 *
 * Loaded with `--conditions=development` and the `server-only` preload
 * (scripts/lib/serverOnlyOutsideNext.mjs): `WORKER_NODE_ARGS` (scripts/lib/workerProcess.ts).
 */
import { getPayload } from 'payload'

import { jobsSettings } from '@/db/jobs'
import { startQueueLoop } from '@/jobs/loop'
import { WORKFLOW_QUEUE } from '@/workflow/queue'
import config from '@payload-config'

process.env.REVALIDATE_OVER_HTTP ??= 'true'

const settings = jobsSettings()
const payload = await getPayload({ config })
const stamp = () => new Date().toISOString()
const loop = startQueueLoop(payload, {
  queue: WORKFLOW_QUEUE,
  ...settings,
  log: (line, level = 'info') =>
    (level === 'info' ? console.log : console.error)(`${stamp()} [worker ${process.pid}] ${line}`),
})
console.log(
  `${stamp()} [worker ${process.pid}] running the ${WORKFLOW_QUEUE} queue every ${settings.intervalSeconds} s ` +
    `(lease ${settings.leaseSeconds} s); SIGTERM or Ctrl-C stops it`,
)

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`${stamp()} [worker ${process.pid}] ${signal}: finishing the jobs in hand`)
  const finished = await loop.stop(settings.stopTimeoutSeconds * 1000)
  if (!finished) {
    console.error(
      `${stamp()} [worker ${process.pid}] jobs still running after ${settings.stopTimeoutSeconds} s; ` +
        `left to the next runner after the lease`,
    )
  }
  // The pool's connections (and any lock session) close with the process.
  process.exit(finished ? 0 : 1)
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal))
