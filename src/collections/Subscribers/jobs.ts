import type { TaskConfig } from 'payload'

import {
  DIGEST_TASK,
  ensureDigestSchedule,
  jobRun,
  queueDueDigests,
  sendDigest,
  TICK_TASK,
} from './digest'

/**
 * "Is a digest due?": plans the next check first while anyone is subscribed (so the chain goes on whatever this one
 * does), then queues the digests whose hour has come (digest.ts). Both idempotent by key.
 */
export const newsletterTickTask: TaskConfig<'newsletterTick'> = {
  slug: TICK_TASK,
  label: 'Newsletter: is a digest due?',
  retries: 2,
  inputSchema: [{ name: 'slot', type: 'text', required: true }],
  outputSchema: [{ name: 'digests', type: 'number' }],
  handler: async ({ input, req }) => {
    const slot = new Date(input.slot)
    await ensureDigestSchedule(req.payload, Number.isNaN(slot.getTime()) ? new Date() : slot)
    return { output: { digests: (await queueDueDigests(req.payload)).length } }
  },
}

/** Sends one digest to its language's subscribers, each once (digest.ts, `sendDigest`). */
export const newsletterDigestTask: TaskConfig<'newsletterDigest'> = {
  slug: DIGEST_TASK,
  label: 'Newsletter: send the daily digest',
  retries: 5,
  inputSchema: [{ name: 'digest', type: 'number', required: true }],
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'skipped', type: 'number' },
  ],
  handler: async ({ input, job, req }) => {
    const outcome = await sendDigest(req.payload, input.digest, jobRun(job.id))
    return { output: { sent: outcome.sent, skipped: outcome.skipped } }
  },
}

export const newsletterTasks = [newsletterTickTask, newsletterDigestTask]
