/**
 * Runs once when the Next.js server starts: unless JOBS_AUTORUN=false, runs the workflow's jobs
 * queue (scheduled publish and unpublish, notification emails) inside the app every
 * JOBS_INTERVAL_SECONDS, so `npm run dev` needs no worker. Every run goes through the same guard
 * as the worker's (src/jobs/runner.ts: one runner in the deployment at a time, a lease for the
 * jobs of a runner that died), so a dev server and a worker, or several web instances left on,
 * still never run a job twice. Web instances behind a worker (`npm run worker`) set
 * JOBS_AUTORUN=false and leave the queue to it.
 *
 * Not Payload's `jobs.autoRun` cron (`getPayload({ cron: true })`): it calls Payload's runner
 * unguarded.
 */
const started = Symbol.for('newsroom.jobsLoop')

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.JOBS_AUTORUN === 'false') return
  const global = globalThis as { [started]?: boolean }
  if (global[started]) return
  global[started] = true
  const [{ getPayload }, { default: config }, { jobsSettings }, { startQueueLoop }, queue] =
    await Promise.all([
      import('payload'),
      import('@payload-config'),
      import('@/db/jobs'),
      import('@/jobs/loop'),
      import('@/workflow/queue'),
    ])
  const payload = await getPayload({ config })
  startQueueLoop(payload, { queue: queue.WORKFLOW_QUEUE, ...jobsSettings() })
}
