/**
 * Runs once when the Next.js server starts: initialises Payload with its cron, so the workflow's
 * jobs queue (scheduled publish and unpublish, notification emails) runs inside the app in
 * development and production without an external scheduler. JOBS_AUTORUN=false turns it off
 * for instances that leave the queue to a separate worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.JOBS_AUTORUN === 'false') return
  const [{ getPayload }, { default: config }] = await Promise.all([
    import('payload'),
    import('@payload-config'),
  ])
  await getPayload({ config, cron: true })
}
