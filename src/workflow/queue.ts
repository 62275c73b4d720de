import type { PayloadRequest } from 'payload'

import type { TransitionName } from './table'

/** The jobs queue the workflow's tasks run in (scheduled transitions, notifications). */
export const WORKFLOW_QUEUE = 'workflow'

/**
 * Queues the scheduler to fire `transition` on the article at `at`. The task checks again when
 * it runs, so a job made stale by unscheduling or rescheduling does nothing.
 */
export const queueScheduledTransition = (
  req: PayloadRequest,
  article: number,
  transition: Extract<TransitionName, 'publish_scheduled' | 'expire'>,
  at: string,
) =>
  req.payload.jobs.queue({
    task: 'workflowScheduledTransition',
    queue: WORKFLOW_QUEUE,
    input: { article, transition, at },
    waitUntil: new Date(at),
    req,
  })

/** Queues the emails about one timeline event; they are sent once the change has committed. */
export const queueNotifications = (req: PayloadRequest, event: number) =>
  req.payload.jobs.queue({
    task: 'workflowNotify',
    queue: WORKFLOW_QUEUE,
    input: { event },
    req,
  })
