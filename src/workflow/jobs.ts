import type { TaskConfig } from 'payload'

import { jobsSettings } from '@/db/jobs'

import { sendEventNotifications } from './notify'
import { performTransition } from './perform'

const sameInstant = (a: string | null | undefined, b: string) =>
  Boolean(a) && new Date(a as string).getTime() === new Date(b).getTime()

/**
 * Fires a scheduled transition (publish at `scheduledAt`, unpublish at `expiresAt`) when its
 * time has come. Idempotent: under the article's row lock it acts only if the article is still
 * in the stage the transition starts from and still due at exactly this time, so a second run,
 * a second instance, or a job left over from a cancelled or moved schedule does nothing.
 */
export const scheduledTransitionTask: TaskConfig<'workflowScheduledTransition'> = {
  slug: 'workflowScheduledTransition',
  label: 'Workflow: scheduled publish / unpublish',
  retries: 3,
  inputSchema: [
    { name: 'article', type: 'number', required: true },
    {
      name: 'transition',
      type: 'select',
      required: true,
      options: ['publish_scheduled', 'expire'],
    },
    { name: 'at', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const doc = await performTransition(
      req,
      { id: input.article, transition: input.transition },
      {
        asSystem: true,
        stillDue: (article) =>
          sameInstant(
            input.transition === 'publish_scheduled' ? article.scheduledAt : article.expiresAt,
            input.at,
          ),
      },
    )
    return { output: { outcome: doc ? `moved to ${doc.stage}` : 'nothing to do' } }
  },
}

/**
 * Sends the emails about one timeline event, each recipient's once: a run of this job after its
 * runner died (given back by the lease, src/jobs/runner.ts) sends only the ones not yet sent.
 */
export const notifyTask: TaskConfig<'workflowNotify'> = {
  slug: 'workflowNotify',
  label: 'Workflow: email notifications',
  retries: 3,
  inputSchema: [{ name: 'event', type: 'number', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, job, req }) => ({
    output: {
      sent: await sendEventNotifications(req, input.event, {
        claimant: `job ${job.id}`,
        leaseSeconds: jobsSettings().leaseSeconds,
      }),
    },
  }),
}

export const workflowTasks = [scheduledTransitionTask, notifyTask]
